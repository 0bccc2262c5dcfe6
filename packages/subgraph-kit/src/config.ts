import { z } from 'zod';
import {
  baseEnv,
  ConfigError,
  parseEnv,
  port,
  shutdownIdleDrainMs,
  SUBGRAPH_SECRET_MIN_LENGTH,
} from '@lattice/server-kit';

/** Everything a subgraph process reads from its environment, validated once at boot. */
export interface SubgraphConfig {
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
  host: string;
  port: number;
  databaseUrl: string;
  redisUrl?: string;
  /** Prefix of every Redis key the bus uses (lets several deployments share one Redis). */
  redisPrefix: string;
  /** Where the identity subgraph publishes its signing keys. */
  jwksUrl?: string;
  maxBodyBytes: number;
  /**
   * The secret shared with the gateway (SUBGRAPH_SECRET): when set, `/graphql` answers only
   * requests the gateway signed with it. Required in production.
   */
  subgraphSecret?: string;
  /** On SIGTERM, how long idle keep-alive connections wait for a last request (SHUTDOWN_IDLE_DRAIN_MS). */
  shutdownIdleDrainMs: number;
  /** The raw environment, for settings that only one subgraph reads (parsed in its init). */
  env: Record<string, string | undefined>;
}

const subgraphEnv = z.object({
  ...baseEnv,
  PORT: port(0),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('lattice'),
  JWKS_URL: z.url().optional(),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  // '' is unset (as `${SUBGRAPH_SECRET:-}` in docker-compose gives).
  SUBGRAPH_SECRET: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .string()
      .min(SUBGRAPH_SECRET_MIN_LENGTH, `must be at least ${SUBGRAPH_SECRET_MIN_LENGTH} characters`)
      .optional(),
  ),
});

export function subgraphConfigFromEnv(
  defaultPort: number,
  source: Record<string, string | undefined> = process.env,
): SubgraphConfig {
  // Reported together with any other problem.
  const secretProblem =
    source.NODE_ENV === 'production' && !source.SUBGRAPH_SECRET
      ? 'SUBGRAPH_SECRET: required in production (the secret the gateway signs its requests with)'
      : undefined;
  let env: z.infer<typeof subgraphEnv>;
  try {
    env = parseEnv(subgraphEnv, { PORT: String(defaultPort), ...source });
  } catch (error) {
    if (error instanceof ConfigError && secretProblem)
      throw new ConfigError([...error.problems, secretProblem]);
    throw error;
  }
  if (secretProblem) throw new ConfigError([secretProblem]);
  return {
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    host: env.HOST,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    jwksUrl: env.JWKS_URL,
    maxBodyBytes: env.MAX_BODY_BYTES,
    subgraphSecret: env.SUBGRAPH_SECRET,
    shutdownIdleDrainMs: shutdownIdleDrainMs(env),
    env: source,
  };
}
