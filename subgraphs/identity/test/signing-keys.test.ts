import { createInProcessBus } from '@lattice/events';
import { startSubgraph, subgraphConfigFromEnv } from '@lattice/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';
import { identity } from '../src/subgraph';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

async function jwksOfAFreshStart() {
  const bus = createInProcessBus();
  const running = await startSubgraph(
    identity,
    subgraphConfigFromEnv(0, { DATABASE_URL: database.url, HOST: '127.0.0.1', LOG_LEVEL: 'silent' }),
    { bus },
  );
  try {
    const response = await fetch(new URL('/.well-known/jwks.json', running.url));
    return (await response.json()) as { keys: Array<Record<string, string>> };
  } finally {
    await running.close();
    await bus.close();
  }
}

describe('signing keys', () => {
  it('are generated on first start, published without private parts, and kept across restarts', async () => {
    const first = await jwksOfAFreshStart();
    expect(first.keys).toHaveLength(1);
    const [key] = first.keys;
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(key!.kid).toEqual(expect.any(String));
    expect(key).not.toHaveProperty('d');

    const second = await jwksOfAFreshStart();
    expect(second.keys).toEqual(first.keys);
  });
});
