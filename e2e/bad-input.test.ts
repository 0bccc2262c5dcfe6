import { RegisterDocument } from '@lattice/client';
import { newEmail, PASSWORD } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
});
afterAll(() => lattice?.stop());

async function countRows(table: string): Promise<number> {
  const [row] = await lattice.subgraphs
    .identity!.orm.em.getConnection()
    .execute<{ count: string }[]>(`select count(*) from identity.${table}`);
  return Number(row!.count);
}

const register = (email: string, password: string) =>
  lattice.client().execute(RegisterDocument, { input: { email, password } });

describe('register refuses bad input and writes nothing', () => {
  const huge = 'x'.repeat(10 * 1024);
  it.each([
    ['an invalid email', 'not-an-email', PASSWORD, 'input.email'],
    ['an email without a domain', 'someone@', PASSWORD, 'input.email'],
    ['a 10 KB email', `${huge}@example.com`, PASSWORD, 'input.email'],
    ['a short password', 'short@example.com', 'short', 'input.password'],
    ['a 10 KB password', 'long@example.com', huge, 'input.password'],
  ])('%s → BAD_USER_INPUT naming the field', async (_case, email, password, field) => {
    const before = await Promise.all([
      countRows('user_account'),
      countRows('session'),
      countRows('outbox_event'),
    ]);
    const result = await register(email, password);
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors![0]!.message).toContain(field);
    const after = await Promise.all([
      countRows('user_account'),
      countRows('session'),
      countRows('outbox_event'),
    ]);
    expect(after).toEqual(before);
  });

  it('a duplicate email (in any letter case) → CONFLICT, and the first account is untouched', async () => {
    const email = newEmail('dup');
    const first = await register(email, PASSWORD);
    expect(first.errors).toBeUndefined();
    const users = await countRows('user_account');
    const events = await countRows('outbox_event');

    const again = await register(email.toUpperCase(), 'another password');
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.email' });
    expect(await countRows('user_account')).toBe(users);
    expect(await countRows('outbox_event')).toBe(events);
  });

  it('concurrent sign-ups with one email create exactly one account', async () => {
    const email = newEmail('race');
    const results = await Promise.all([1, 2, 3, 4].map(() => register(email, PASSWORD)));
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'OK']);
  });

  it('a missing variable and a malformed body are refused with stable codes', async () => {
    const missing = await lattice.post({
      query: 'mutation($input: RegisterInput!) { register(input: $input) { accessToken } }',
    });
    expect(missing.json.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const malformed = await lattice.post('{"query": ');
    expect(malformed.status).toBe(400);
    expect(malformed.json.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('a body over the size limit is refused with 413', async () => {
    const result = await lattice.post({
      query: '{ me { id } }',
      variables: { pad: 'x'.repeat(2 * 1024 * 1024) },
    });
    expect(result.status).toBe(413);
  });
});
