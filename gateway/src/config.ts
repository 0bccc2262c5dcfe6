import { z } from 'zod';
import { baseEnv, parseEnv, port } from '@lattice/server-kit';

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
});

export function gatewayConfigFromEnv(
  source: Record<string, string | undefined> = process.env,
): GatewayConfig {
  const env = parseEnv(gatewayEnv, source);
  return {
    nodeEnv: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    host: env.HOST,
    port: env.PORT,
    supergraphPath: env.SUPERGRAPH_PATH,
    subgraphUrls: env.SUBGRAPH_URLS,
    jwksUrl: env.JWKS_URL,
    maxBodyBytes: env.MAX_BODY_BYTES,
  };
}
