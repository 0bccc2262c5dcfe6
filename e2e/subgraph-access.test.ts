import WebSocket from 'ws';
import { MeDocument } from '@lattice/client';
import { gatewayConfigFromEnv, startGateway } from '@lattice/gateway';
import { gatewaySignature } from '@lattice/subgraph-kit/testing';
import { subscribe, wsClient } from '@lattice/testkit';
import { promoteToAdmin, registerUser } from './support/accounts';
import { postToSubgraph } from './support/subgraph-requests';
import { startTestLattice, SUPERGRAPH, type TestLattice } from './support/test-lattice';

// Subgraphs serve their gateway alone (SUBGRAPH_SECRET, on in every test lattice as in production).
let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts', 'analytics'] });
});
afterAll(() => lattice?.stop());

const REFUSED = {
  errors: [{ message: 'Only the gateway may call this subgraph', extensions: { code: 'UNAUTHENTICATED' } }],
};
const ENTITIES =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id role status createdAt } } }';

/** POSTs straight to a subgraph, with these headers and no signature unless given. */
const direct = (subgraph: string, body: string, headers: Record<string, string> = {}) =>
  fetch(lattice.subgraphs[subgraph]!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('a subgraph called by anyone but the gateway', () => {
  it("refuses _entities: no other user's role, status or creation date", async () => {
    const alice = await registerUser(lattice);
    const bob = await registerUser(lattice);
    const body = JSON.stringify({
      query: ENTITIES,
      variables: { r: [{ __typename: 'User', id: alice.id }] },
    });
    const headers = { authorization: `Bearer ${bob.accessToken}`, 'x-forwarded-for': '198.51.100.1' };

    const response = await direct('identity', body, headers);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(REFUSED);

    // The same request signed without the secret, signed for another body, or replayed late.
    const url = lattice.subgraphs.identity!.url;
    const forged = gatewaySignature('a-secret-that-is-not-this-lattices-secret', url, body);
    expect((await direct('identity', body, { ...headers, ...forged })).status).toBe(401);
    const otherBody = gatewaySignature(
      lattice.subgraphSecret,
      url,
      JSON.stringify({ query: '{ __typename }' }),
    );
    expect((await direct('identity', body, { ...headers, ...otherBody })).status).toBe(401);
    const replayed = gatewaySignature(lattice.subgraphSecret, url, body, 'POST', Date.now() - 60_000);
    expect((await direct('identity', body, { ...headers, ...replayed })).status).toBe(401);

    // Signed as the gateway signs, it is served (so the refusals above are the signature's).
    const signed = await postToSubgraph(lattice, 'identity', JSON.parse(body), headers);
    expect(((await signed.json()) as any).data._entities[0].id).toBe(alice.id);
  });

  it('refuses to reveal its schema, on every subgraph', async () => {
    for (const name of Object.keys(lattice.subgraphs)) {
      const response = await direct(name, JSON.stringify({ query: '{ _service { sdl } }' }));
      expect(response.status).toBe(401);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual(REFUSED);
      expect(text).not.toContain('type ');
    }
  });

  it('refuses a WebSocket upgrade before any message', async () => {
    const url = lattice.subgraphs.analytics!.url.replace(/^http/, 'ws');
    const status = await new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => reject(new Error('the subgraph accepted an unsigned WebSocket')));
      socket.on('error', reject);
    });
    expect(status).toBe(401);
  });
});

describe('a gateway with another SUBGRAPH_SECRET', () => {
  it('gets nothing from the subgraphs, and its clients are not told their token is bad', async () => {
    const user = await registerUser(lattice);
    const impostor = await startGateway({
      ...gatewayConfigFromEnv({
        SUPERGRAPH_PATH: SUPERGRAPH,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        SUBGRAPH_SECRET: 'a-secret-that-is-not-this-lattices-secret',
      }),
      subgraphUrls: Object.fromEntries(Object.values(lattice.subgraphs).map((s) => [s.name, s.url])),
      jwksUrl: new URL('/.well-known/jwks.json', lattice.subgraphs.identity!.url).toString(),
    });
    try {
      const response = await fetch(impostor.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${user.accessToken}` },
        body: JSON.stringify({ query: '{ me { id email } }' }),
      });
      const body = (await response.json()) as any;
      expect(body.data).toEqual({ me: null });
      expect(body.errors.map((error: any) => error.extensions.code)).toEqual(['SUBGRAPH_UNAVAILABLE']);
    } finally {
      await impostor.close();
    }
  });
});

describe('through the gateway', () => {
  it('queries across subgraphs and subscriptions work', async () => {
    const user = await registerUser(lattice);
    const { me } = await lattice.client(user.accessToken).request(MeDocument);
    expect(me).toMatchObject({ id: user.id, profile: expect.any(Object) });

    const admin = await registerUser(lattice);
    const client = wsClient(lattice.gateway.url, await promoteToAdmin(lattice, admin.email));
    try {
      const feed = subscribe(client, 'subscription { liveStats(intervalSeconds: 1) { usersTotal } }');
      const [first] = await feed.received(1);
      expect(first!.errors).toBeUndefined();
      expect(first!.data?.liveStats.usersTotal).toBeGreaterThanOrEqual(2);
    } finally {
      await client.dispose();
    }
  });
});
