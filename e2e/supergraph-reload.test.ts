import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { waitFor } from '@lattice/testkit';
import { SUPERGRAPH } from './support/test-lattice';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let dir: string;
let supergraphPath: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lattice-reload-'));
  supergraphPath = join(dir, 'supergraph.graphql');
  copyFileSync(SUPERGRAPH, supergraphPath);
  lattice = await startTestLattice({}, { supergraphPath });
});
afterAll(async () => {
  await lattice?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const typeName = async () =>
  (await lattice.post({ query: '{ __type(name: "Profile") { name } }' })).json.data?.__type;

describe('the gateway reloads its supergraph file', () => {
  it('keeps serving on the current supergraph when the new file is invalid', async () => {
    writeFileSync(supergraphPath, 'this is not a supergraph');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect((await lattice.post({ query: '{ me { id } }' })).json).toEqual({ data: { me: null } });
    expect(await typeName()).toEqual({ name: 'Profile' });
  });

  it('switches to a new valid supergraph without a restart', async () => {
    // A supergraph of identity alone: the Profile type (from accounts) disappears.
    const identitySdl = readFileSync(
      join(__dirname, '..', 'subgraphs', 'identity', 'schema.graphql'),
      'utf8',
    );
    const result = composeServices([
      { name: 'identity', url: lattice.subgraphs.identity!.url, typeDefs: parse(identitySdl) },
    ]);
    expect(result.errors).toBeUndefined();
    writeFileSync(supergraphPath, result.supergraphSdl!);
    await waitFor(async () => (await typeName()) === null, { timeoutMs: 10_000, message: 'the reload' });
    expect((await lattice.post({ query: '{ me { id } }' })).json).toEqual({ data: { me: null } });
  });
});
