import { z } from 'zod';
import { baseEnv, ConfigError, parseEnv, port } from '@lattice/server-kit';
import type { OperationLimits } from './operation-limits';
import type { RateLimits } from './rate-limit';
import type { ResilienceOptions } from './resilient-fetch';
import type { HttpPolicy } from './http-policy';

export interface GatewayConfig {
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
  host: string;
  port: number;
  /** The composed supergraph; reloaded when the file changes. */
  supergraphPath: string;
  /** Subgraph URLs that replace the ones written in the supergraph, by subgraph name. */
  subgraphUrls: Record<string, string>;
  /** Where identity publishes its signing keys (default: identity's URL + /.well-known/jwks.json). */
  jwksUrl?: string;
  maxBodyBytes: number;
  /** Shape limits of operations (see operation-limits.ts), and the parser's token limit. */
  limits: OperationLimits & { maxTokens: number };
  /** Token buckets per user and per client IP; Redis shares them between replicas. */
  rateLimits: RateLimits;
  /** Per-subgraph timeout, retries of queries and circuit breaker (see resilient-fetch.ts). */
  resilience: ResilienceOptions;
  redisUrl?: string;
  redisPrefix: string;
  /** CORS and security headers. */
  http: HttpPolicy;
  /** The typed client's operations (codegen's persisted-documents.json), and whether only they may run. */
  persistedOperations?: { path: string; safelist: boolean };
}

const subgraphUrlList = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const urls: Record<string, string> = {};
    for (const entry of value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const [name, url] = entry.split('=');
      if (!name || !url || !URL.canParse(url)) {
        ctx.addIssue({ code: 'custom', message: `expected name=url pairs, got "${entry}"` });
        continue;
      }
      urls[name] = url;
    }
    return urls;
  });

const gatewayEnv = z.object({
  ...baseEnv,
  PORT: port(4000),
  SUPERGRAPH_PATH: z.string().min(1),
  SUBGRAPH_URLS: subgraphUrlList,
  JWKS_URL: z.url().optional(),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  MAX_DEPTH: z.coerce.number().int().positive().default(15),
  MAX_ALIASES: z.coerce.number().int().nonnegative().default(30),
  MAX_ROOT_FIELDS: z.coerce.number().int().positive().default(20),
  MAX_TOKENS: z.coerce.number().int().positive().default(10_000),
  RATE_LIMIT_USER_RPS: z.coerce.number().positive().default(20),
  RATE_LIMIT_USER_BURST: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_IP_RPS: z.coerce.number().positive().default(100),
  RATE_LIMIT_IP_BURST: z.coerce.number().int().positive().default(400),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  SUBGRAPH_RETRIES: z.coerce.number().int().nonnegative().max(10).default(2),
  CIRCUIT_FAILURE_THRESHOLD: z.coerce.number().int().positive().default(5),
  CIRCUIT_RESET_MS: z.coerce.number().int().positive().default(5_000),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('lattice'),
  PERSISTED_OPERATIONS_PATH: z.string().min(1).optional(),
  SAFELIST: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ error: 'must be origins like https://app.example.com' }))),
});

export function gatewayConfigFromEnv(
  source: Record<string, string | undefined> = process.env,
): GatewayConfig {
  const env = parseEnv(gatewayEnv, source);
  if (env.SAFELIST && !env.PERSISTED_OPERATIONS_PATH) {
    throw new ConfigError(['SAFELIST: needs PERSISTED_OPERATIONS_PATH (the operations to allow)']);
  }
  return {
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    host: env.HOST,
    port: env.PORT,
    supergraphPath: env.SUPERGRAPH_PATH,
    subgraphUrls: env.SUBGRAPH_URLS,
    jwksUrl: env.JWKS_URL,
    maxBodyBytes: env.MAX_BODY_BYTES,
    limits: {
      maxDepth: env.MAX_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxRootFields: env.MAX_ROOT_FIELDS,
      maxTokens: env.MAX_TOKENS,
    },
    rateLimits: {
      perUser: { ratePerSecond: env.RATE_LIMIT_USER_RPS, burst: env.RATE_LIMIT_USER_BURST },
      perIp: { ratePerSecond: env.RATE_LIMIT_IP_RPS, burst: env.RATE_LIMIT_IP_BURST },
    },
    resilience: {
      timeoutMs: env.SUBGRAPH_TIMEOUT_MS,
      retries: env.SUBGRAPH_RETRIES,
      failureThreshold: env.CIRCUIT_FAILURE_THRESHOLD,
      resetMs: env.CIRCUIT_RESET_MS,
    },
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    http: { corsOrigins: env.CORS_ORIGINS },
    persistedOperations: env.PERSISTED_OPERATIONS_PATH
      ? { path: env.PERSISTED_OPERATIONS_PATH, safelist: env.SAFELIST }
      : undefined,
  };
}
