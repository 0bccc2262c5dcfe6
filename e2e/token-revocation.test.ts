import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient as createSseClient } from 'graphql-sse';
import { gatewayConfigFromEnv, startGateway } from '@lattice/gateway';
import { closeCode, subscribe, testRedisUrl, waitFor, wsClient } from '@lattice/testkit';
import { composeSupergraph } from './support/compose';
import { PASSWORD, promoteToAdmin, registerUser } from './support/accounts';
import { type GatewayProcess, spawnGateway } from './support/spawn-gateway';
import { startTestLattice, type TestLattice } from './support/test-lattice';

// Two gateway replicas on one Redis: A in this process (with the subgraphs), B in its own.
let lattice: TestLattice;
let gatewayB: GatewayProcess;
let scratch: string;
let adminToken: string;
const disposables: Array<{ dispose(): unknown }> = [];

const gatewayEnv = () => ({
  SUPERGRAPH_PATH: join(scratch, 'supergraph.graphql'),
  SUBGRAPH_URLS: Object.values(lattice.subgraphs)
    .map(({ name, url }) => `${name}=${url}`)
    .join(','),
  JWKS_URL: new URL('/.well-known/jwks.json', lattice.subgraphs.identity!.url).toString(),
  SUBGRAPH_SECRET: lattice.subgraphSecret,
  REDIS_URL: testRedisUrl() ?? '',
  REDIS_PREFIX: lattice.redisPrefix,
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'silent',
  NODE_ENV: 'test',
});

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'lattice-revocation-'));
  writeFileSync(join(scratch, 'supergraph.graphql'), composeSupergraph('', ['identity', 'analytics']));
  lattice = await startTestLattice(
    {},
    { subgraphs: ['analytics'], supergraphPath: join(scratch, 'supergraph.graphql') },
  );
  gatewayB = await spawnGateway(gatewayEnv());
  adminToken = await promoteToAdmin(lattice, (await registerUser(lattice)).email);
}, 60_000);
afterEach(async () => {
  await Promise.all(disposables.splice(0).map((client) => client.dispose()));
});
afterAll(async () => {
  await gatewayB?.stop();
  await lattice?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const gateways = () => [lattice.gateway.url, gatewayB.gatewayUrl];

async function post(url: string, query: string, token?: string, variables?: unknown) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, json: (await response.json()) as any };
}

const asAdmin = (query: string, variables: unknown) =>
  post(lattice.gateway.url, query, adminToken, variables);
const SET_STATUS =
  'mutation($u: ID!, $s: AccountStatus!) { setUserStatus(userId: $u, status: $s) { status } }';
const SET_ROLE = 'mutation($u: ID!, $r: Role!) { setUserRole(userId: $u, role: $r) { role } }';
const LOGIN = 'mutation($i: LoginInput!) { login(input: $i) { accessToken refreshToken } }';
const REFRESH = 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken } }';
const REGISTRATIONS =
  'subscription { platformEvents(types: ["identity.user_registered"]) { subject actor { email } } }';

/** A new admin signed in (a session of its own): id, email, tokens. */
async function newAdmin() {
  const user = await registerUser(lattice);
  await promoteToAdmin(lattice, user.email);
  const { json } = await post(lattice.gateway.url, LOGIN, undefined, {
    i: { email: user.email, password: PASSWORD },
  });
  return { ...user, ...(json.data.login as { accessToken: string; refreshToken: string }) };
}

/** Resolves once every gateway refuses `token` with 401 UNAUTHENTICATED and `message`; fails after 1 s. */
function refusedEverywhereWithinASecond(token: string, message: string) {
  return waitFor(
    async () => {
      const answers = await Promise.all(gateways().map((url) => post(url, '{ me { id } }', token)));
      return answers.every(
        ({ status, json }) =>
          status === 401 &&
          json.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED' &&
          json.errors[0].message === message,
      );
    },
    { timeoutMs: 1_000, intervalMs: 50, message: `every gateway to refuse the token (${message})` },
  );
}

interface Feed {
  /** Registrations seen: the user ids, and the emails shown. */
  subjects(): string[];
  emails(): string[];
  /** How the server ended it; undefined while open. */
  end(): unknown;
}

/** The registration feed over graphql-ws; it ends with the close code and reason. */
function wsFeed(url: string, token: string): Feed {
  const client = wsClient(url, token);
  disposables.push(client);
  let closed: unknown;
  void closeCode(client).then((event) => (closed = event));
  const feed = subscribe(client, REGISTRATIONS);
  return {
    subjects: () => feed.data().map((data) => data.platformEvents.subject),
    emails: () => feed.data().map((data) => data.platformEvents.actor?.email),
    end: () => closed,
  };
}

/** The registration feed over SSE; it ends with its last result once complete. */
function sseFeed(url: string, token: string): Feed {
  const client = createSseClient({ url, headers: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  disposables.push(client);
  const results: any[] = [];
  let ended: unknown;
  client.subscribe(
    { query: REGISTRATIONS },
    {
      next: (result) => results.push(result),
      error: (error) => (ended = { error }),
      complete: () => (ended = { complete: true, last: results.at(-1) }),
    },
  );
  const data = () => results.filter((result) => result.data).map((result) => result.data.platformEvents);
  return {
    subjects: () => data().map((event) => event.subject),
    emails: () => data().map((event) => event.actor?.email),
    end: () => ended,
  };
}

/**
 * Waits until every feed delivers registrations: they are open end to end. A feed's upstream
 * may still be connecting when a registration happens, so new ones come until all have one.
 */
async function live(...feeds: Feed[]) {
  const probes: string[] = [];
  await waitFor(
    async () => {
      probes.push((await registerUser(lattice)).id);
      return waitFor(() => feeds.every((feed) => probes.some((id) => feed.subjects().includes(id))), {
        timeoutMs: 1_000,
      });
    },
    { timeoutMs: 15_000, message: 'the subscriptions to deliver' },
  );
}

const endedWithinASecond = (feeds: Feed[], message: string) =>
  waitFor(() => feeds.every((feed) => feed.end() !== undefined), { timeoutMs: 1_000, message });

describe('revoked access tokens, across two gateway replicas', () => {
  it('a ban refuses the access token within a second on both gateways and ends its subscriptions', async () => {
    const target = await newAdmin();
    const feeds = [
      wsFeed(lattice.gateway.url, target.accessToken),
      wsFeed(gatewayB.gatewayUrl, target.accessToken),
      sseFeed(gatewayB.gatewayUrl, target.accessToken),
    ];
    await live(...feeds);

    const banned = await asAdmin(SET_STATUS, { u: target.id, s: 'BANNED' });
    expect(banned.json.data.setUserStatus.status).toBe('BANNED');
    await Promise.all([
      refusedEverywhereWithinASecond(target.accessToken, 'Access token revoked: the account is banned'),
      endedWithinASecond(feeds, 'the banned user’s subscriptions to end'),
    ]);
    const closed = { code: 4403, reason: 'Access token revoked: the account is banned' };
    expect(feeds.map((feed) => feed.end())).toEqual([
      closed,
      closed,
      {
        complete: true,
        last: {
          errors: [
            {
              message: 'Access token revoked: the account is banned',
              extensions: { code: 'UNAUTHENTICATED' },
            },
          ],
        },
      },
    ]);
  });

  it("signing out refuses that session's token within a second on both gateways; the other session goes on", async () => {
    const user = await newAdmin();
    const other = (
      await post(gatewayB.gatewayUrl, LOGIN, undefined, { i: { email: user.email, password: PASSWORD } })
    ).json.data.login.accessToken as string;
    const signedOut = [
      wsFeed(lattice.gateway.url, user.accessToken),
      wsFeed(gatewayB.gatewayUrl, user.accessToken),
    ];
    const goesOn = wsFeed(gatewayB.gatewayUrl, other);
    await live(...signedOut, goesOn);

    expect((await post(gatewayB.gatewayUrl, 'mutation { logout }', user.accessToken)).json.data.logout).toBe(
      true,
    );
    await Promise.all([
      refusedEverywhereWithinASecond(user.accessToken, 'Access token revoked: the session has ended'),
      endedWithinASecond(signedOut, 'the signed-out session’s subscriptions to end'),
    ]);
    expect(signedOut.map((feed) => feed.end())).toEqual([
      { code: 4403, reason: 'Access token revoked: the session has ended' },
      { code: 4403, reason: 'Access token revoked: the session has ended' },
    ]);
    for (const url of gateways())
      expect((await post(url, '{ me { id } }', other)).json.data.me.id).toBe(user.id);
    await live(goesOn);
    expect(goesOn.end()).toBeUndefined();
  });

  it("a demoted admin's subscriptions end within a second: no other user's email reaches them", async () => {
    const demoted = await newAdmin();
    const theirs = [
      wsFeed(lattice.gateway.url, demoted.accessToken),
      wsFeed(gatewayB.gatewayUrl, demoted.accessToken),
    ];
    const stillAdmin = wsFeed(gatewayB.gatewayUrl, adminToken);
    await live(...theirs, stillAdmin);

    expect((await asAdmin(SET_ROLE, { u: demoted.id, r: 'USER' })).json.data.setUserRole.role).toBe('USER');
    const message = "Access token revoked: the account's role changed";
    await Promise.all([
      refusedEverywhereWithinASecond(demoted.accessToken, message),
      endedWithinASecond(theirs, 'the demoted admin’s subscriptions to end'),
    ]);
    expect(theirs.map((feed) => feed.end())).toEqual([
      { code: 4403, reason: message },
      { code: 4403, reason: message },
    ]);

    const newcomer = await registerUser(lattice);
    await waitFor(() => stillAdmin.emails().includes(newcomer.email), { message: 'the registration' });
    for (const feed of theirs) expect(feed.emails()).not.toContain(newcomer.email);

    // A refreshed token says `user`: it works, for what a user may do.
    const refreshed = (await post(gatewayB.gatewayUrl, REFRESH, undefined, { t: demoted.refreshToken })).json
      .data.refreshToken.accessToken as string;
    for (const url of gateways())
      expect((await post(url, '{ me { role } }', refreshed)).json.data.me.role).toBe('USER');
    const query = '{ userGrowth(from: "2024-01-01", to: "2024-01-02") { totalBefore } }';
    const refused = await post(gatewayB.gatewayUrl, query, refreshed);
    expect(refused.json.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('a gateway started after a revocation refuses the token at once', async () => {
    const user = await registerUser(lattice);
    await post(lattice.gateway.url, 'mutation { logout }', user.accessToken);
    await refusedEverywhereWithinASecond(user.accessToken, 'Access token revoked: the session has ended');

    const late = await startGateway(gatewayConfigFromEnv(gatewayEnv()));
    try {
      const answer = await post(late.url, '{ me { id } }', user.accessToken);
      expect(answer.status).toBe(401);
      expect(answer.json.errors[0]).toMatchObject({
        message: 'Access token revoked: the session has ended',
        extensions: { code: 'UNAUTHENTICATED' },
      });
    } finally {
      await late.close();
    }
  });
});
