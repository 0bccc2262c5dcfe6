import { createHmac } from 'node:crypto';
import { importJWK, type JWK, SignJWT } from 'jose';
import { MeDocument } from '@lattice/client';
import { registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let user: Awaited<ReturnType<typeof registerUser>>;
beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
  user = await registerUser(lattice);
});
afterAll(() => lattice?.stop());

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function parts(token: string) {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(payload, 'base64url').toString()),
    signature,
  };
}

async function identityKey(): Promise<{ kid: string; publicJwk: JWK; privateJwk: JWK }> {
  const [row] = await lattice.subgraphs
    .identity!.orm.em.getConnection()
    .execute<{ kid: string; public_jwk: JWK; private_jwk: JWK }[]>(
      'select kid, public_jwk, private_jwk from identity.signing_key',
    );
  return { kid: row!.kid, publicJwk: row!.public_jwk, privateJwk: row!.private_jwk };
}

async function expectRejectedAtTheGateway(token: string) {
  const before = Object.values(lattice.subgraphs).map((subgraph) => subgraph.requests.count);
  const response = await lattice.post({ query: '{ me { id } }' }, { authorization: `Bearer ${token}` });
  expect(response.status).toBe(401);
  expect(response.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  expect(response.json.data).toBeUndefined();
  // No subgraph was called.
  expect(Object.values(lattice.subgraphs).map((subgraph) => subgraph.requests.count)).toEqual(before);
}

describe('the gateway verifies access tokens before calling any subgraph', () => {
  it('accepts the genuine token', async () => {
    const { me } = await lattice.client(user.accessToken).request(MeDocument);
    expect(me?.id).toBe(user.id);
  });

  it('refuses a tampered payload (role raised to admin)', async () => {
    const { header, payload, signature } = parts(user.accessToken);
    await expectRejectedAtTheGateway(`${b64(header)}.${b64({ ...payload, role: 'admin' })}.${signature}`);
  });

  it('refuses an expired token signed with the real key', async () => {
    const key = await identityKey();
    const { payload } = parts(user.accessToken);
    const now = Math.floor(Date.now() / 1000);
    const expired = await new SignJWT({ ...payload, iat: now - 3600, exp: now - 60 })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
      .sign(await importJWK(key.privateJwk, 'EdDSA'));
    await expectRejectedAtTheGateway(expired);
  });

  it('refuses alg "none"', async () => {
    const { payload } = parts(user.accessToken);
    await expectRejectedAtTheGateway(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`);
  });

  it('refuses HS256 signed with the public key as the HMAC secret', async () => {
    const key = await identityKey();
    const { payload } = parts(user.accessToken);
    const signingInput = `${b64({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${b64(payload)}`;
    for (const secret of [JSON.stringify(key.publicJwk), Buffer.from(key.publicJwk.x!, 'base64url')]) {
      const signature = createHmac('sha256', secret).update(signingInput).digest('base64url');
      await expectRejectedAtTheGateway(`${signingInput}.${signature}`);
    }
  });

  it('refuses a token signed by another key with the same kid', async () => {
    const key = await identityKey();
    const { generateKeyPair } = await import('jose');
    const forger = await generateKeyPair('EdDSA');
    const { payload } = parts(user.accessToken);
    const forged = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
      .sign(forger.privateKey);
    await expectRejectedAtTheGateway(forged);
  });

  it('refuses a malformed Authorization header', async () => {
    const before = lattice.subgraphs.identity!.requests.count;
    const response = await lattice.post(
      { query: '{ me { id } }' },
      { authorization: `Basic ${user.accessToken}` },
    );
    expect(response.json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(lattice.subgraphs.identity!.requests.count).toBe(before);
  });
});
