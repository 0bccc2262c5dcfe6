import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { MeDocument, RegisterDocument } from '@lattice/client';
import { newEmail, PASSWORD } from './support/accounts';
import { PERSISTED_OPERATIONS, startTestLattice, type TestLattice } from './support/test-lattice';

const manifest = JSON.parse(readFileSync(PERSISTED_OPERATIONS, 'utf8')) as Record<string, string>;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const hashOf = (document: unknown) =>
  (document as { __meta__: { hash: string } }).__meta__.hash.replace('sha256:', '');

describe('persisted operations', () => {
  describe('safelist mode', () => {
    let lattice: TestLattice;
    beforeAll(async () => {
      lattice = await startTestLattice({ SAFELIST: 'true' }, { subgraphs: ['accounts'] });
    });
    afterAll(() => lattice?.stop());

    it('the generated client works unchanged (it sends registered hashes)', async () => {
      const { register } = await lattice
        .client()
        .request(RegisterDocument, { input: { email: newEmail(), password: PASSWORD } });
      const { me } = await lattice.client(register.accessToken).request(MeDocument);
      expect(me?.id).toBe(register.user.id);
    });

    it('runs a registered operation sent by hash alone, or by its exact text', async () => {
      const hash = hashOf(MeDocument);
      const byHash = await lattice.post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      expect(byHash.json).toEqual({ data: { me: null } });
      const byText = await lattice.post({ query: manifest[`sha256:${hash}`] });
      expect(byText.json).toEqual({ data: { me: null } });
    });

    it('refuses an unregistered operation before any subgraph is called', async () => {
      const before = lattice.subgraphs.identity!.requests.count;
      const adHoc = await lattice.post({ query: '{ me { id email } }' });
      expect(adHoc.status).toBe(400);
      expect(adHoc.json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
      const registering = await lattice.post({
        query: '{ me { id } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ me { id } }') } },
      });
      expect(registering.json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_ALLOWED');
      expect(lattice.subgraphs.identity!.requests.count).toBe(before);
    });
  });

  describe('automatic persisted queries (default mode)', () => {
    let lattice: TestLattice;
    beforeAll(async () => {
      lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
    });
    afterAll(() => lattice?.stop());

    it('registers an ad-hoc query on first use, then serves it by hash', async () => {
      const query = '{ me { id } }';
      const hash = sha256(query);
      const miss = await lattice.post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      expect(miss.json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
      const register = await lattice.post({
        query,
        extensions: { persistedQuery: { version: 1, sha256Hash: hash } },
      });
      expect(register.json).toEqual({ data: { me: null } });
      const hit = await lattice.post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      expect(hit.json).toEqual({ data: { me: null } });
    });

    it('refuses a hash that does not match the query', async () => {
      const result = await lattice.post({
        query: '{ me { id } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: sha256('other') } },
      });
      expect(result.status).toBe(400);
    });
  });
});
