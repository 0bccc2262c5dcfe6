import { startTestSubgraph } from '@lattice/subgraph-kit/testing';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';
import { identity } from '../src/subgraph';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

async function jwksOfAFreshStart() {
  const fixture = await startTestSubgraph(identity, {}, database);
  try {
    const response = await fetch(new URL('/.well-known/jwks.json', fixture.subgraph.url));
    return (await response.json()) as { keys: Array<Record<string, string>> };
  } finally {
    await fixture.stop();
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
