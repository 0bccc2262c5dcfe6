import { waitFor } from '@lattice/testkit';
import { promoteToAdmin, registerUser } from './support/accounts';
import { startTestLattice, type TestLattice } from './support/test-lattice';
import { userEntitiesWithSql } from './support/entities';

let lattice: TestLattice;
let userIds: string[];
let adminToken: string;

const sql = <T>(query: string, params: unknown[] = []) =>
  lattice.subgraphs.accounts!.orm.em.getConnection().execute<T[]>(query, params);

/** A PostgreSQL array literal (the query builder would expand a JavaScript array). */
const uuids = (ids: string[]) => `{${ids.join(',')}}`;

beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
  const users = [];
  for (let i = 0; i < 50; i += 1) users.push(await registerUser(lattice));
  userIds = users.map((user) => user.id);
  adminToken = await promoteToAdmin(lattice, users[0]!.email);
  await waitFor(
    async () =>
      Number(
        (
          await sql<{ n: string }>('select count(*) n from accounts.profile where user_id = any(?::uuid[])', [
            uuids(userIds),
          ])
        )[0]!.n,
      ) === 50,
    { timeoutMs: 15_000, message: '50 profiles' },
  );
  // Every other user has a business context; the rest resolve to null.
  await sql(
    `insert into accounts.business_context (user_id, company_name, created_at, updated_at)
     select id, 'Company ' || id, now(), now() from unnest(?::uuid[]) id`,
    [uuids(userIds.filter((_, i) => i % 2 === 0))],
  );
}, 90_000);
afterAll(() => lattice?.stop());

const sqlForEntities = (ids: string[], selection: string) =>
  userEntitiesWithSql(lattice, 'accounts', adminToken, ids, selection);

describe('profiles and business contexts of N users cost the same SQL for 5 as for 50', () => {
  const selection = 'id profile { displayName } businessContext { companyName }';

  it('one _entities call', async () => {
    const five = await sqlForEntities(userIds.slice(0, 5), selection);
    const fifty = await sqlForEntities(userIds, selection);
    expect(fifty.entities.map((user: { id: string }) => user.id)).toEqual(userIds);
    expect(fifty.entities.every((user: any) => typeof user.profile?.displayName === 'string')).toBe(true);
    expect(fifty.entities.map((user: any) => user.businessContext?.companyName ?? null)).toEqual(
      userIds.map((id, i) => (i % 2 === 0 ? `Company ${id}` : null)),
    );
    expect(five.statements).toBeGreaterThan(0);
    expect(fifty.statements).toBe(five.statements);
  });

  it('the service currency fallback is batched too', async () => {
    // A service without its own currency reads the default from its owner's business context.
    await sql(
      `insert into accounts.common_service (id, user_id, description, unit_price, created_at)
       select gen_random_uuid(), id, 'Service', 1, now() from unnest(?::uuid[]) id`,
      [uuids(userIds.slice(0, 5))],
    );
    await sql(
      `update accounts.business_context set default_currency = 'GBP' where user_id = any(?::uuid[])`,
      [uuids(userIds)],
    );
    const { statements, entities } = await sqlForEntities(
      userIds.slice(0, 5),
      'id businessContext { commonServices { edges { node { currency } } } }',
    );
    expect(entities[0].businessContext.commonServices.edges).toEqual([{ node: { currency: 'GBP' } }]);
    // One page query per list (paginate), and one batched lookup of the default currencies.
    expect(statements).toBeLessThanOrEqual(1 + 5 + 1);
  });
});
