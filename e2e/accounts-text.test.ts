import { registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let token: string;

beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
  token = (await registerUser(lattice)).accessToken;
});
afterAll(() => lattice?.stop());

const UPDATE =
  'mutation($input: UpdateProfileInput!) { updateProfile(input: $input) { displayName firstName } }';
const READ = '{ me { profile { displayName firstName } } }';
const update = (input: Record<string, unknown>) =>
  lattice.post({ query: UPDATE, variables: { input } }, { authorization: `Bearer ${token}` });
const read = async () =>
  (await lattice.post({ query: READ }, { authorization: `Bearer ${token}` })).json.data.me.profile;

describe('names are text people can see, stored as answered', () => {
  it.each([
    ['only invisible characters', '\u200b\u200b\u2060'],
    ['only a Hangul filler', '\u3164'],
    ['a right-to-left override', 'Ada\u202egnp.exe'],
    ['a lone surrogate', 'Ada \ud83d'],
    ['a control character', 'Ada\u0007'],
  ])('refuses a display name of %s, changing nothing', async (_case, displayName) => {
    const before = await read();
    const { json } = await update({ displayName });
    expect(json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.displayName' });
    expect(await read()).toEqual(before);
  });

  it('counts characters, not UTF-16 units, and stores the normalised form it answers', async () => {
    const emoji = '🧗'.repeat(64); // 128 UTF-16 units, 64 characters: the limit
    const { json } = await update({ displayName: emoji, firstName: 'Zoe\u0301' });
    expect(json.errors).toBeUndefined();
    expect(json.data.updateProfile).toEqual({ displayName: emoji, firstName: 'Zoé' });
    expect(await read()).toEqual(json.data.updateProfile);
    const tooLong = await update({ displayName: '🧗'.repeat(65) });
    expect(tooLong.json.errors[0].extensions.field).toBe('input.displayName');
  });
});
