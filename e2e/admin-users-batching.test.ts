import { randomUUID } from 'node:crypto';
import { promoteToAdmin, registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let adminToken: string;

beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
  const admin = await registerUser(lattice);
  adminToken = await promoteToAdmin(lattice, admin.email);
  // 200 accounts with profiles, written straight into each subgraph's tables (signing up
  // 200 users through Argon2 would only slow the test down).
  const ids = Array.from({ length: 200 }, () => randomUUID());
  const values = ids
    .map((_, i) => `(?, ?, 'x', 'user', 'active', false, now() - interval '${i + 1} seconds')`)
    .join(',');
  await lattice.subgraphs.identity!.orm.em.getConnection().execute(
    `insert into identity.user_account (id, email, password_hash, role, status, email_verified, created_at) values ${values}`,
    ids.flatMap((id, i) => [id, `bulk-${i}-${id}@example.com`]),
  );
  await lattice.subgraphs.accounts!.orm.em.getConnection().execute(
    `insert into accounts.profile (user_id, display_name, created_at, updated_at) values ${ids.map(() => `(?, ?, now(), now())`).join(',')}`,
    ids.flatMap((id, i) => [id, `Bulk ${i}`]),
  );
}, 60_000);
afterAll(() => lattice?.stop());

const USERS =
  'query($first: Int) { users(first: $first) { edges { node { id email status profile { displayName } } } } }';

async function statementsFor(first: number) {
  for (const subgraph of Object.values(lattice.subgraphs)) subgraph.sql.reset();
  const response = await lattice.post(
    { query: USERS, variables: { first } },
    { authorization: `Bearer ${adminToken}` },
  );
  expect(response.json.errors).toBeUndefined();
  const edges = response.json.data.users.edges;
  expect(edges).toHaveLength(first);
  expect(edges.every((edge: any) => edge.node.profile?.displayName)).toBe(true);
  return { identity: lattice.subgraphs.identity!.sql.count, accounts: lattice.subgraphs.accounts!.sql.count };
}

describe('the admin user list with profiles', () => {
  it('costs the same SQL statements per subgraph for 200 users as for 10', async () => {
    const ten = await statementsFor(10);
    const twoHundred = await statementsFor(200);
    expect(twoHundred).toEqual(ten);
    expect(ten.identity).toBeLessThanOrEqual(2);
    expect(ten.accounts).toBe(1);
  });
});
