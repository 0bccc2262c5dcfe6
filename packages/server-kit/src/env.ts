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
};

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
