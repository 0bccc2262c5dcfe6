import { z } from 'zod';
import { baseEnv, parseEnv, port } from '@lattice/server-kit';

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
});

export function subgraphConfigFromEnv(
  defaultPort: number,
  source: Record<string, string | undefined> = process.env,
): SubgraphConfig {
  const env = parseEnv(subgraphEnv, { PORT: String(defaultPort), ...source });
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
    env: source,
  };
}
