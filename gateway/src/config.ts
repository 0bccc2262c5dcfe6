import { z } from 'zod';
import {
  shutdownIdleDrainMs,
  baseEnv,
  ConfigError,
  type MetricsAccess,
  nameUrlPairs,
  parseEnv,
  port,
  SUBGRAPH_SECRET_MIN_LENGTH,
  trustedProxies,
} from '@lattice/server-kit';
import type { OperationLimits } from './limits/shape';
import type { CostLimits } from './limits/cost/plugin';
import type { SupergraphSource } from './supergraph/source';
import type { RateLimits } from './limits/rate-limit';
import type { ResilienceOptions } from './upstream/resilience';
import type { HttpPolicy } from './http/policy';
import type { SubscriptionOptions } from './subscriptions';
import type { BrowserPages } from './http/browser/routes';

export interface GatewayConfig {
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: string;
  host: string;
  port: number;
  /** On SIGTERM, how long idle keep-alive connections wait for a last request (SHUTDOWN_IDLE_DRAIN_MS). */
  shutdownIdleDrainMs: number;
  /** Where the composed supergraph comes from (a file or a URL); reloaded when it changes. */
  supergraph: SupergraphSource;
  /** Subgraph URLs that replace the ones written in the supergraph, by subgraph name. */
  subgraphUrls: Record<string, string>;
  /** Provider → subgraph: `POST /webhooks/<provider>` is forwarded there, raw body and all. */
  webhookRoutes: Record<string, string>;
  /** Path prefix (`/media/`) → subgraph: every request under it is streamed there (http/pass-through.ts). */
  subgraphPaths: Record<string, string>;
  /**
   * The origin clients reach the gateway at (PUBLIC_URL), told to subgraphs in
   * X-Forwarded-Host/-Proto; unset: each request's own Host and protocol (see http/ingress.ts).
   */
  publicOrigin?: string;
  /** Where identity publishes its signing keys (default: identity's URL + /.well-known/jwks.json). */
  jwksUrl?: string;
  /**
   * The longest an access token lives (ACCESS_TOKEN_TTL_SECONDS, as set on identity): how long
   * revocations are kept; a token that would outlive them is refused.
   */
  accessTokenTtlSeconds: number;
  maxBodyBytes: number;
  /** Shape limits of operations (see limits/shape.ts), and the parser's token limit. */
  limits: OperationLimits & { maxTokens: number };
  /** Estimated cost and list breadth of operations (see limits/cost/). */
  cost: CostLimits;
  /** Token buckets per user and per client IP; Redis shares them between replicas. */
  rateLimits: RateLimits;
  /**
   * Proxies (addresses, CIDRs, `loopback`…) whose X-Forwarded-For is believed; empty: none,
   * the client is the socket's peer (see server-kit's client-address.ts).
   */
  trustedProxies: string[];
  /** Per-subgraph timeout, retries of queries and circuit breaker (see upstream/resilience.ts). */
  resilience: ResilienceOptions;
  redisUrl?: string;
  redisPrefix: string;
  /** CORS and security headers. */
  http: HttpPolicy;
  /** Subscriptions over graphql-ws and SSE (see subscriptions/). */
  subscriptions: SubscriptionOptions;
  /** The secret shared with the subgraphs (SUBGRAPH_SECRET): every request to them is signed with it. */
  subgraphSecret?: string;
  /** Where `/metrics` is served (METRICS_PORT) and what a scraper presents (METRICS_TOKEN). */
  metrics: MetricsAccess;
  /** The typed client's operations (codegen's persisted-documents.json), and whether only they may run. */
  persistedOperations?: { path: string; safelist: boolean };
  /** The GraphQL IDE on GET /graphql and the admin console at /admin (see http/browser/). */
  browser: BrowserPages;
}

/** An optional variable, set to '' meaning unset (as `${VAR:-}` in docker-compose gives). */
function unsetWhenBlank<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

/** A `true`/`false` variable as set, else its default. */
function switchOr(value: 'true' | 'false' | undefined, fallback: boolean): boolean {
  return value === undefined ? fallback : value === 'true';
}

/** `/media/`, `/files/v1/`: segments of unreserved characters, a slash at each end. */
const PATH_PREFIX = /^\/(?:[A-Za-z0-9._~-]+\/)+$/;

function isBareOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false; // reported by z.url
  const url = new URL(value);
  return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
}

const gatewayEnv = z.object({
  ...baseEnv,
  PORT: port(4000),
  SUPERGRAPH_PATH: z.string().optional(),
  SUPERGRAPH_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  SUPERGRAPH_POLL_MS: z.coerce.number().int().min(100).default(10_000),
  SUBGRAPH_URLS: nameUrlPairs(),
  /** `provider=subgraph` pairs: `POST /webhooks/<provider>` is forwarded to that subgraph. */
  WEBHOOK_ROUTES: z
    .string()
    .default('stripe=billing')
    .transform((value, ctx) => {
      const routes: Record<string, string> = {};
      for (const entry of value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        const [provider, subgraph, ...rest] = entry.split('=');
        if (!provider || !subgraph || rest.length || !/^[a-z0-9-]+$/.test(provider)) {
          ctx.addIssue({ code: 'custom', message: `expected provider=subgraph pairs, got "${entry}"` });
          continue;
        }
        routes[provider] = subgraph;
      }
      return routes;
    }),
  /**
   * `prefix=subgraph` pairs: every request under `/prefix/` is streamed to that subgraph (media's
   * files, sites' previews).
   */
  SUBGRAPH_PATHS: z
    .string()
    .default('/media/=media,/sites/=sites')
    .transform((value, ctx) => {
      const paths: Record<string, string> = {};
      for (const entry of value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        const [prefix, subgraph, ...rest] = entry.split('=');
        if (!prefix || !subgraph || rest.length || !PATH_PREFIX.test(prefix)) {
          ctx.addIssue({
            code: 'custom',
            message: `expected prefix=subgraph pairs with prefixes like /media/, got "${entry}"`,
          });
          continue;
        }
        if (prefix.split('/').some((segment) => segment === '.' || segment === '..')) {
          ctx.addIssue({ code: 'custom', message: `a prefix has no . or .. segments, got "${entry}"` });
          continue;
        }
        // Subgraphs' internal routes (service to service, subgraph-kit) are never public.
        if (prefix.startsWith('/internal/')) {
          ctx.addIssue({
            code: 'custom',
            message: `/internal/ is the subgraphs' service-to-service routes, never passed through: "${entry}"`,
          });
          continue;
        }
        paths[prefix] = subgraph;
      }
      return paths;
    }),
  /** Where clients reach the gateway (an origin: no path), for the URLs subgraphs hand out. */
  PUBLIC_URL: unsetWhenBlank(
    z
      .url({ protocol: /^https?$/, error: 'must be an http(s) origin like https://api.example.com' })
      .refine(isBareOrigin, 'must be an origin like https://api.example.com (no path)')
      .transform((value) => new URL(value).origin),
  ),
  JWKS_URL: z.url().optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(900),
  MAX_BODY_BYTES: z.coerce.number().int().positive().default(1_048_576),
  MAX_DEPTH: z.coerce.number().int().positive().default(15),
  MAX_ALIASES: z.coerce.number().int().nonnegative().default(30),
  MAX_ROOT_FIELDS: z.coerce.number().int().positive().default(20),
  MAX_TOKENS: z.coerce.number().int().positive().default(10_000),
  MAX_COST: z.coerce.number().int().positive().default(50_000),
  MAX_LIST_SIZE: z.coerce.number().int().positive().default(1_000),
  DEFAULT_LIST_SIZE: z.coerce.number().int().positive().default(10),
  RATE_LIMIT_USER_RPS: z.coerce.number().positive().default(20),
  RATE_LIMIT_USER_BURST: z.coerce.number().int().positive().default(100),
  RATE_LIMIT_IP_RPS: z.coerce.number().positive().default(100),
  RATE_LIMIT_IP_BURST: z.coerce.number().int().positive().default(400),
  TRUSTED_PROXIES: z
    .string()
    .default('')
    .transform((value, ctx) => {
      const entries = value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      for (const entry of entries) {
        try {
          trustedProxies([entry]);
        } catch {
          ctx.addIssue({
            code: 'custom',
            message: `expected addresses, CIDR ranges or loopback, got "${entry}"`,
          });
        }
      }
      return entries;
    }),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  SUBGRAPH_RETRIES: z.coerce.number().int().nonnegative().max(10).default(2),
  CIRCUIT_FAILURE_THRESHOLD: z.coerce.number().int().positive().default(5),
  CIRCUIT_RESET_MS: z.coerce.number().int().positive().default(5_000),
  SUBSCRIPTION_QUEUE_SIZE: z.coerce.number().int().positive().default(100),
  SUBSCRIPTIONS_PER_CONNECTION: z.coerce.number().int().positive().default(100),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' }).optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('lattice'),
  PERSISTED_OPERATIONS_PATH: z.string().min(1).optional(),
  SUBGRAPH_SECRET: unsetWhenBlank(
    z.string().min(SUBGRAPH_SECRET_MIN_LENGTH, `must be at least ${SUBGRAPH_SECRET_MIN_LENGTH} characters`),
  ),
  METRICS_PORT: unsetWhenBlank(z.coerce.number().int().min(0).max(65535)),
  METRICS_TOKEN: unsetWhenBlank(z.string().min(16, 'must be at least 16 characters')),
  /** The GraphQL IDE for browsers on GET /graphql; default: on outside production. */
  GATEWAY_IDE: unsetWhenBlank(z.enum(['true', 'false'])),
  /** The admin console at /admin; default: on outside production. */
  GATEWAY_CONSOLE: unsetWhenBlank(z.enum(['true', 'false'])),
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
  // Exactly one supergraph source; reported together with any other problem.
  const hasPath = Boolean(source.SUPERGRAPH_PATH);
  const hasUrl = Boolean(source.SUPERGRAPH_URL);
  const sourceProblem =
    hasPath === hasUrl
      ? `SUPERGRAPH_PATH: set either SUPERGRAPH_PATH (a file) or SUPERGRAPH_URL (an http(s) URL)${hasPath ? ', not both' : ''}`
      : undefined;
  let env: z.infer<typeof gatewayEnv>;
  try {
    env = parseEnv(gatewayEnv, source);
  } catch (error) {
    if (error instanceof ConfigError && sourceProblem)
      throw new ConfigError([...error.problems, sourceProblem]);
    throw error;
  }
  if (sourceProblem) throw new ConfigError([sourceProblem]);
  if (env.METRICS_PORT !== undefined && env.METRICS_PORT !== 0 && env.METRICS_PORT === env.PORT) {
    throw new ConfigError(['METRICS_PORT: must differ from PORT (it keeps /metrics off the public port)']);
  }
  if (env.SAFELIST && !env.PERSISTED_OPERATIONS_PATH) {
    throw new ConfigError(['SAFELIST: needs PERSISTED_OPERATIONS_PATH (the operations to allow)']);
  }
  return {
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    host: env.HOST,
    port: env.PORT,
    shutdownIdleDrainMs: shutdownIdleDrainMs(env),
    supergraph: env.SUPERGRAPH_URL
      ? { url: env.SUPERGRAPH_URL, pollMs: env.SUPERGRAPH_POLL_MS }
      : { path: env.SUPERGRAPH_PATH! },
    subgraphUrls: env.SUBGRAPH_URLS,
    webhookRoutes: env.WEBHOOK_ROUTES,
    subgraphPaths: env.SUBGRAPH_PATHS,
    publicOrigin: env.PUBLIC_URL,
    jwksUrl: env.JWKS_URL,
    accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
    maxBodyBytes: env.MAX_BODY_BYTES,
    limits: {
      maxDepth: env.MAX_DEPTH,
      maxAliases: env.MAX_ALIASES,
      maxRootFields: env.MAX_ROOT_FIELDS,
      maxTokens: env.MAX_TOKENS,
    },
    cost: {
      maxCost: env.MAX_COST,
      maxListSize: env.MAX_LIST_SIZE,
      defaultListSize: env.DEFAULT_LIST_SIZE,
    },
    rateLimits: {
      perUser: { ratePerSecond: env.RATE_LIMIT_USER_RPS, burst: env.RATE_LIMIT_USER_BURST },
      perIp: { ratePerSecond: env.RATE_LIMIT_IP_RPS, burst: env.RATE_LIMIT_IP_BURST },
    },
    trustedProxies: env.TRUSTED_PROXIES,
    resilience: {
      timeoutMs: env.SUBGRAPH_TIMEOUT_MS,
      retries: env.SUBGRAPH_RETRIES,
      failureThreshold: env.CIRCUIT_FAILURE_THRESHOLD,
      resetMs: env.CIRCUIT_RESET_MS,
    },
    redisUrl: env.REDIS_URL,
    redisPrefix: env.REDIS_PREFIX,
    http: { corsOrigins: env.CORS_ORIGINS },
    subscriptions: {
      queueSize: env.SUBSCRIPTION_QUEUE_SIZE,
      perConnection: env.SUBSCRIPTIONS_PER_CONNECTION,
      maxMessageBytes: env.MAX_BODY_BYTES,
    },
    subgraphSecret: env.SUBGRAPH_SECRET,
    metrics: {
      port: env.METRICS_PORT,
      token: env.METRICS_TOKEN,
      // In production, on the public port only behind a token; elsewhere as before.
      public:
        env.METRICS_PORT === undefined && (env.METRICS_TOKEN !== undefined || env.NODE_ENV !== 'production'),
    },
    persistedOperations: env.PERSISTED_OPERATIONS_PATH
      ? { path: env.PERSISTED_OPERATIONS_PATH, safelist: env.SAFELIST }
      : undefined,
    browser: {
      ide: switchOr(env.GATEWAY_IDE, env.NODE_ENV !== 'production'),
      console: switchOr(env.GATEWAY_CONSOLE, env.NODE_ENV !== 'production'),
    },
  };
}
