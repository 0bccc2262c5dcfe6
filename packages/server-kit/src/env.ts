import { z } from 'zod';

/** Thrown at boot when the environment is invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once at boot against a schema. Nothing else in the codebase reads
 * `process.env`: it receives the parsed, typed result.
 */
export function parseEnv<S extends z.ZodType>(
  schema: S,
  source: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`),
  );
}

/** Common variables shared by the gateway and every subgraph. */
export const baseEnv = {
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HOST: z.string().default('0.0.0.0'),
  /**
   * On SIGTERM, how long idle keep-alive connections are kept for their clients' next request
   * (answered `Connection: close`) before they are closed: see closeServer. 2 s in production,
   * 0 otherwise (tests and `npm start` stop at once).
   */
  SHUTDOWN_IDLE_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).optional(),
};

/** SHUTDOWN_IDLE_DRAIN_MS as set, else its default for NODE_ENV. */
export const shutdownIdleDrainMs = (env: { NODE_ENV: string; SHUTDOWN_IDLE_DRAIN_MS?: number }): number =>
  env.SHUTDOWN_IDLE_DRAIN_MS ?? (env.NODE_ENV === 'production' ? 2_000 : 0);

/** A port number; `0` asks the OS for a free one. */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** Comma-separated `name=url` pairs (`identity=http://identity:4001/graphql, …`), by name. */
export const nameUrlPairs = () =>
  z
    .string()
    .default('')
    .transform((value, ctx) => {
      const urls: Record<string, string> = {};
      for (const entry of value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        const separator = entry.indexOf('=');
        const name = entry.slice(0, separator);
        const url = entry.slice(separator + 1);
        if (separator < 1 || !URL.canParse(url)) {
          ctx.addIssue({ code: 'custom', message: `expected name=url pairs, got "${entry}"` });
          continue;
        }
        urls[name] = url;
      }
      return urls;
    });
