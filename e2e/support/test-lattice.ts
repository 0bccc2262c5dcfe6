import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLatticeClient } from '@lattice/client';
import { startLattice, type Lattice } from '@lattice/all-in-one';
import type { Logger } from '@lattice/server-kit';
import { createTestDatabase, deleteRedisKeys, testRedisUrl, uniqueRedisPrefix } from '@lattice/testkit';
import { composeSupergraph } from './compose';

export const SUPERGRAPH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');
export const PERSISTED_OPERATIONS = join(
  __dirname,
  '..',
  '..',
  'packages',
  'client',
  'src',
  '__generated__',
  'persisted-documents.json',
);

export interface TestLattice extends Lattice {
  /** The Redis key prefix of this test's supergraph. */
  redisPrefix: string;
  client: (token?: string) => ReturnType<typeof createLatticeClient>;
  /** POSTs a raw GraphQL request to the gateway. */
  post: (body: unknown, headers?: Record<string, string>) => Promise<{ status: number; json: any }>;
  stop(): Promise<void>;
}

/**
 * The whole supergraph on free ports, over a fresh database (and Redis with a unique prefix
 * when REDIS_URL is set), as a test file's fixture.
 */
export async function startTestLattice(
  env: Record<string, string> = {},
  options: {
    /**
     * The subgraphs the test needs besides identity (which issues the tokens): only these
     * start, and the gateway serves a supergraph of them alone. Default: every subgraph.
     */
    subgraphs?: string[];
    supergraphPath?: string;
    databaseUrl?: string;
    /** `false`: the in-process bus of `npm start` even when REDIS_URL is set. */
    redis?: false;
    logger?: Logger;
  } = {},
): Promise<TestLattice> {
  const only = options.subgraphs && ['identity', ...options.subgraphs];
  const scratch = only && !options.supergraphPath ? mkdtempSync(join(tmpdir(), 'lattice-e2e-')) : undefined;
  if (scratch) writeFileSync(join(scratch, 'supergraph.graphql'), composeSupergraph('', only));
  // Files (media's, ai's images) go to a folder of this test's own, never into the repository.
  const files = env.STORAGE_DIR ? undefined : mkdtempSync(join(tmpdir(), 'lattice-files-'));
  const database = options.databaseUrl ? undefined : await createTestDatabase();
  const redisUrl = options.redis === false ? undefined : testRedisUrl();
  const redisPrefix = uniqueRedisPrefix('e2e');
  const lattice = await startLattice({
    databaseUrl: options.databaseUrl ?? database!.url,
    redisUrl,
    redisPrefix,
    gatewayPort: 0,
    subgraphPorts: 'random',
    logLevel: process.env.TEST_LOG_LEVEL ?? 'silent',
    logger: options.logger,
    nodeEnv: 'test',
    supergraphPath: options.supergraphPath ?? (scratch ? join(scratch, 'supergraph.graphql') : SUPERGRAPH),
    only,
    env: {
      PERSISTED_OPERATIONS_PATH: PERSISTED_OPERATIONS,
      ...(files ? { STORAGE_DIR: files } : {}),
      ...env,
    },
  });
  const url = lattice.gateway.url;
  return {
    ...lattice,
    redisPrefix,
    client: (token) => createLatticeClient({ url, token }),
    post: async (body, headers = {}) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return { status: response.status, json: await response.json() };
    },
    stop: async () => {
      await lattice.close();
      await database?.drop();
      if (scratch) rmSync(scratch, { recursive: true, force: true });
      if (files) rmSync(files, { recursive: true, force: true });
      if (redisUrl) await deleteRedisKeys(redisUrl, redisPrefix);
    },
  };
}
