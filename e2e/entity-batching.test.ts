import { waitFor } from '@lattice/testkit';
import { promoteToAdmin, registerUser } from './support/accounts';
import { userEntitiesWithSql } from './support/entities';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let userIds: string[];
let adminToken: string;

beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
  const users = [];
  for (let i = 0; i < 50; i += 1) users.push(await registerUser(lattice));
  userIds = users.map((user) => user.id);
  adminToken = await promoteToAdmin(lattice, users[0]!.email);
  const accounts = lattice.subgraphs.accounts!;
  await waitFor(
    async () => {
      const [row] = await accounts.orm.em
        .getConnection()
        .execute<{ count: string }[]>('select count(*) from accounts.profile');
      return Number(row!.count) === 50;
    },
    { timeoutMs: 15_000, message: '50 profiles' },
  );
}, 60_000);
afterAll(() => lattice?.stop());

const sqlForEntities = (subgraph: 'identity' | 'accounts', ids: string[], selection: string) =>
  userEntitiesWithSql(lattice, subgraph, adminToken, ids, selection);

describe('resolving User references costs the same SQL for 5 as for 50', () => {
  it('identity', async () => {
    const five = await sqlForEntities('identity', userIds.slice(0, 5), 'id email role createdAt');
    const fifty = await sqlForEntities('identity', userIds, 'id email role createdAt');
    expect(fifty.entities.map((user: { id: string }) => user.id)).toEqual(userIds);
    expect(five.statements).toBeGreaterThan(0);
    expect(fifty.statements).toBe(five.statements);
  });

  it('accounts', async () => {
    const five = await sqlForEntities('accounts', userIds.slice(0, 5), 'id profile { displayName }');
    const fifty = await sqlForEntities('accounts', userIds, 'id profile { displayName }');
    expect(fifty.entities.every((user: { profile: unknown }) => user.profile !== null)).toBe(true);
    expect(five.statements).toBeGreaterThan(0);
    expect(fifty.statements).toBe(five.statements);
  });
});
