import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayConfigFromEnv, type RunningGateway, startGateway } from '@lattice/gateway';
import { waitFor } from '@lattice/testkit';
import { registerUser } from './support/accounts';
import { composeSupergraph } from './support/compose';
import { SUPERGRAPH, startTestLattice, type TestLattice } from './support/test-lattice';

const post = async (url: string, query: string, token?: string) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, json: (await response.json()) as any };
};

const queryFields = async (url: string): Promise<string[]> =>
  ((await post(url, '{ __type(name: "Query") { fields { name } } }')).json.data?.__type?.fields ?? []).map(
    (field: { name: string }) => field.name,
  );
const typeName = async (url: string) =>
  (await post(url, '{ __type(name: "Profile") { name } }')).json.data?.__type;

/** An operation across identity and accounts, valid on every supergraph the load test swaps in. */
const ACROSS = '{ me { id email profile { displayName } } }';

/**
 * Keeps `concurrency` operations in flight until `work` is done, and returns every response
 * that was not a complete success.
 */
async function underLoad(url: string, token: string, work: () => Promise<void>, concurrency = 20) {
  const failures: unknown[] = [];
  let done = false;
  let served = 0;
  const worker = async () => {
    while (!done) {
      try {
        const { status, json } = await post(url, ACROSS, token);
        if (status !== 200 || json.errors || !json.data?.me?.profile?.displayName) failures.push(json);
        served += 1;
      } catch (error) {
        failures.push(String(error));
      }
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  try {
    await work();
  } finally {
    done = true;
    await Promise.all(workers);
  }
  return { failures, served };
}

const LOAD_ENV = {
  RATE_LIMIT_IP_RPS: '100000',
  RATE_LIMIT_IP_BURST: '100000',
  RATE_LIMIT_USER_RPS: '100000',
  RATE_LIMIT_USER_BURST: '100000',
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let lattice: TestLattice;
let dir: string;
let supergraphPath: string;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lattice-reload-'));
  supergraphPath = join(dir, 'supergraph.graphql');
  copyFileSync(SUPERGRAPH, supergraphPath);
  lattice = await startTestLattice(LOAD_ENV, { supergraphPath });
  token = (await registerUser(lattice)).accessToken;
  // accounts creates the profile from identity's event: wait until ACROSS is complete.
  await waitFor(
    async () => Boolean((await post(lattice.gateway.url, ACROSS, token)).json.data?.me?.profile),
    {
      timeoutMs: 10_000,
      message: 'the profile',
    },
  );
});
afterAll(async () => {
  await lattice?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the gateway reloads its supergraph file', () => {
  it('keeps serving on the current supergraph when the new file is invalid', async () => {
    writeFileSync(supergraphPath, 'this is not a supergraph');
    await sleep(1500);
    expect((await lattice.post({ query: '{ me { id } }' })).json).toEqual({ data: { me: null } });
    expect(await typeName(lattice.gateway.url)).toEqual({ name: 'Profile' });
  });

  it('swaps supergraphs under load without failing a request', async () => {
    const url = lattice.gateway.url;
    const { failures, served } = await underLoad(url, token, async () => {
      await sleep(500);
      writeFileSync(supergraphPath, composeSupergraph('reloadMarkerA: Boolean'));
      await waitFor(async () => (await queryFields(url)).includes('reloadMarkerA'), {
        timeoutMs: 10_000,
        message: 'the first swap',
      });
      await sleep(1000);
      writeFileSync(supergraphPath, composeSupergraph('reloadMarkerB: Boolean'));
      await waitFor(async () => (await queryFields(url)).includes('reloadMarkerB'), {
        timeoutMs: 10_000,
        message: 'the second swap',
      });
      await sleep(1000);
    });
    expect(failures).toEqual([]);
    // The load ran throughout: two answers per worker at least (a count, not a speed).
    expect(served).toBeGreaterThanOrEqual(40);
    expect(await queryFields(url)).not.toContain('reloadMarkerA');
  });

  it('switches to a new valid supergraph without a restart', async () => {
    // A supergraph of identity alone: the Profile type (from accounts) disappears.
    writeFileSync(supergraphPath, composeSupergraph('', ['identity']));
    await waitFor(async () => (await typeName(lattice.gateway.url)) === null, {
      timeoutMs: 10_000,
      message: 'the reload',
    });
    expect((await lattice.post({ query: '{ me { id } }' })).json).toEqual({ data: { me: null } });
  });
});

describe('the gateway polls its supergraph from a URL', () => {
  /** What the in-test registry serves, and what it was asked. */
  const registry = {
    sdl: composeSupergraph(),
    status: 200,
    requests: 0,
    notModified: 0,
  };
  let server: Server;
  let registryUrl: string;
  let gateway: RunningGateway | undefined;

  const startUrlGateway = (env: Record<string, string> = {}) => {
    const config = gatewayConfigFromEnv({
      SUPERGRAPH_URL: registryUrl,
      SUPERGRAPH_POLL_MS: '200',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      HOST: '127.0.0.1',
      SUBGRAPH_SECRET: lattice.subgraphSecret,
      ...LOAD_ENV,
      ...env,
    });
    const subgraphUrls = Object.fromEntries(Object.values(lattice.subgraphs).map((s) => [s.name, s.url]));
    return startGateway({ ...config, subgraphUrls });
  };

  beforeAll(async () => {
    server = createServer((req, res) => {
      registry.requests += 1;
      if (registry.status !== 200) {
        res.writeHead(registry.status).end('unavailable');
        return;
      }
      const etag = `"${createHash('sha256').update(registry.sdl).digest('hex').slice(0, 16)}"`;
      if (req.headers['if-none-match'] === etag) {
        registry.notModified += 1;
        res.writeHead(304, { etag }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain', etag }).end(registry.sdl);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    registryUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/supergraph.graphql`;
    gateway = await startUrlGateway();
  });
  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('serves the supergraph it fetched, and asks for it again only if it changed', async () => {
    const answer = await post(gateway!.url, ACROSS, token);
    expect(answer.json.errors).toBeUndefined();
    expect(answer.json.data.me.profile.displayName).toEqual(expect.any(String));
    await waitFor(async () => registry.notModified >= 2, { timeoutMs: 5_000, message: 'conditional polls' });
  });

  it('applies a changed supergraph', async () => {
    registry.sdl = composeSupergraph('urlMarker: Boolean');
    await waitFor(async () => (await queryFields(gateway!.url)).includes('urlMarker'), {
      timeoutMs: 10_000,
      message: 'the reload from the URL',
    });
  });

  it('keeps the running supergraph when the URL serves a bad one or fails', async () => {
    registry.sdl = 'this is not a supergraph';
    const asked = registry.requests;
    await waitFor(async () => registry.requests >= asked + 3, { timeoutMs: 5_000, message: 'polls' });
    registry.status = 503;
    const failed = registry.requests;
    await waitFor(async () => registry.requests >= failed + 3, { timeoutMs: 5_000, message: 'failed polls' });
    expect(await queryFields(gateway!.url)).toContain('urlMarker');
    expect((await post(gateway!.url, ACROSS, token)).json.errors).toBeUndefined();

    registry.status = 200; // the registry is back, still serving the bad one, then a good one
    registry.sdl = composeSupergraph('urlMarkerFixed: Boolean');
    await waitFor(async () => (await queryFields(gateway!.url)).includes('urlMarkerFixed'), {
      timeoutMs: 10_000,
      message: 'the recovery',
    });
  });

  it('swaps supergraphs from the URL under load without failing a request', async () => {
    const url = gateway!.url;
    const { failures } = await underLoad(url, token, async () => {
      for (const marker of ['urlLoadA', 'urlLoadB']) {
        await sleep(500);
        registry.sdl = composeSupergraph(`${marker}: Boolean`);
        await waitFor(async () => (await queryFields(url)).includes(marker), {
          timeoutMs: 10_000,
          message: `the swap to ${marker}`,
        });
      }
      await sleep(500);
    });
    expect(failures).toEqual([]);
  });

  it('does not start without a first supergraph', async () => {
    registry.status = 404;
    try {
      await expect(startUrlGateway()).rejects.toThrow(
        /Could not load the supergraph from .*: GET .* answered 404/,
      );
    } finally {
      registry.status = 200;
    }
  });
});
