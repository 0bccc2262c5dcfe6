import {
  type MyBusinessContextQueryVariables,
  AddCommonServiceDocument,
  AddFrequentClientDocument,
  MyBusinessContextDocument,
  RemoveCommonServiceDocument,
  RemoveFrequentClientDocument,
  UpdateBusinessContextDocument,
} from '@lattice/client';
import { randomUUID } from 'node:crypto';
import { promoteToAdmin, registerUser } from './support/accounts';
import { postToSubgraph } from './support/subgraph-requests';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
});
afterAll(() => lattice?.stop());

const sql = <T>(query: string, params: unknown[] = []) =>
  lattice.subgraphs.accounts!.orm.em.getConnection().execute<T[]>(query, params);

const count = async (table: string, userId?: string) =>
  Number(
    (
      await sql<{ n: string }>(
        `select count(*) n from accounts.${table}${userId ? ' where user_id = ?' : ''}`,
        userId ? [userId] : [],
      )
    )[0]!.n,
  );

/** Every row accounts holds about a user's business, to prove a refused change wrote nothing. */
const businessRows = (userId: string) =>
  Promise.all([
    sql('select * from accounts.business_context where user_id = ?', [userId]),
    sql('select * from accounts.frequent_client where user_id = ? order by id', [userId]),
    sql('select * from accounts.common_service where user_id = ? order by id', [userId]),
    count('business_context'),
    count('frequent_client'),
    count('common_service'),
    count('outbox_event'),
  ]);

/** Sends `_entities` straight to accounts, as the gateway does (signed) for `User.businessContext`. */
async function entitiesFromAccounts(token: string, ids: string[], selection: string) {
  const response = await postToSubgraph(
    lattice,
    'accounts',
    {
      query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id ${selection} } } }`,
      variables: { representations: ids.map((id) => ({ __typename: 'User', id })) },
    },
    { authorization: `Bearer ${token}` },
  );
  return (await response.json()) as { data?: any; errors?: any[] };
}

describe('a user keeps their own business context', () => {
  it('is null until first saved, then partially updated', async () => {
    const user = await registerUser(lattice);
    const client = lattice.client(user.accessToken);
    expect((await client.request(MyBusinessContextDocument, {})).me?.businessContext).toBeNull();

    const { updateBusinessContext } = await client.request(UpdateBusinessContextDocument, {
      input: {
        companyName: 'Analytical Engines Ltd',
        address: '12 St James’s Square\r\nLondon\nSW1Y 4JH',
        taxId: 'GB123456789',
        defaultCurrency: 'gbp',
      },
    });
    expect(updateBusinessContext).toMatchObject({
      companyName: 'Analytical Engines Ltd',
      address: '12 St James’s Square\nLondon\nSW1Y 4JH',
      taxId: 'GB123456789',
      defaultCurrency: 'GBP',
    });

    await client.request(UpdateBusinessContextDocument, { input: { taxId: null, companyName: 'AE Ltd' } });
    const { me } = await client.request(MyBusinessContextDocument, {});
    expect(me?.businessContext).toMatchObject({
      companyName: 'AE Ltd',
      address: '12 St James’s Square\nLondon\nSW1Y 4JH',
      taxId: null,
      defaultCurrency: 'GBP',
      frequentClients: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
      commonServices: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
    });
  });

  it('adds, pages through and removes frequent clients', async () => {
    const user = await registerUser(lattice);
    const client = lattice.client(user.accessToken);
    const names = ['Babbage & Co', 'Somerville plc', 'De Morgan', 'Faraday Ltd', 'Herschel'];
    for (const [i, name] of names.entries()) {
      const { addFrequentClient } = await client.request(AddFrequentClientDocument, {
        input: {
          name,
          ...(i === 0 ? { email: ' Charles@Example.com ', address: '1 Dorset St\nLondon' } : {}),
        },
      });
      expect(addFrequentClient).toMatchObject({ name, email: i === 0 ? 'charles@example.com' : null });
    }
    const expected = (
      await sql<{ id: string }>(
        'select id from accounts.frequent_client where user_id = ? order by created_at, id',
        [user.id],
      )
    ).map((row) => row.id);
    expect(expected).toHaveLength(5);

    // Pages of 2: 2 + 2 + 1, in (createdAt, id) order, each cursor continuing exactly.
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    do {
      const { me }: any = await client.request(MyBusinessContextDocument, {
        clientsFirst: 2,
        clientsAfter: after,
      });
      const connection = me.businessContext.frequentClients;
      seen.push(...connection.edges.map((edge: any) => edge.node.id));
      expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
      pages.push(connection.pageInfo.hasNextPage);
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(expected);
    expect(pages).toEqual([true, true, false]);

    const { removeFrequentClient } = await client.request(RemoveFrequentClientDocument, { id: expected[1]! });
    expect(removeFrequentClient).toBe(expected[1]);
    const { me } = await client.request(MyBusinessContextDocument, { clientsFirst: 10 });
    expect(me!.businessContext!.frequentClients.edges.map((edge) => edge.node.id)).toEqual(
      expected.filter((id) => id !== expected[1]),
    );

    // Removing it again: it is gone.
    const again = await client.execute(RemoveFrequentClientDocument, { id: expected[1]! });
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('adds, pages through and removes common services, prices as decimal strings', async () => {
    const user = await registerUser(lattice);
    const client = lattice.client(user.accessToken);
    await client.request(UpdateBusinessContextDocument, { input: { defaultCurrency: 'EUR' } });
    const { addCommonService: design } = await client.request(AddCommonServiceDocument, {
      input: { description: 'Design', unitPrice: '120', unit: 'hour' },
    });
    expect(design).toMatchObject({
      description: 'Design',
      unitPrice: '120.00',
      currency: 'EUR',
      unit: 'hour',
    });
    const { addCommonService: audit } = await client.request(AddCommonServiceDocument, {
      input: { description: 'Audit', unitPrice: '0.5', currency: 'usd' },
    });
    expect(audit).toMatchObject({ unitPrice: '0.50', currency: 'USD', unit: null });
    await client.request(AddCommonServiceDocument, {
      input: { description: 'Retainer', unitPrice: '9999999999.99' },
    });

    const first = await client.request(MyBusinessContextDocument, { servicesFirst: 2 });
    const page1 = first.me!.businessContext!.commonServices;
    expect(page1.edges.map((edge) => edge.node.unitPrice)).toEqual(['120.00', '0.50']);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await client.request(MyBusinessContextDocument, {
      servicesFirst: 2,
      servicesAfter: page1.pageInfo.endCursor,
    });
    const page2 = second.me!.businessContext!.commonServices;
    expect(page2.edges.map((edge) => [edge.node.unitPrice, edge.node.currency])).toEqual([
      ['9999999999.99', 'EUR'],
    ]);
    expect(page2.pageInfo.hasNextPage).toBe(false);

    // The default currency follows the business context for services without their own.
    await client.request(UpdateBusinessContextDocument, { input: { defaultCurrency: 'GBP' } });
    const after = await client.request(MyBusinessContextDocument, {});
    expect(after.me!.businessContext!.commonServices.edges.map((edge) => edge.node.currency)).toEqual([
      'GBP',
      'USD',
      'GBP',
    ]);

    expect((await client.request(RemoveCommonServiceDocument, { id: design.id })).removeCommonService).toBe(
      design.id,
    );
    expect(await count('common_service', user.id)).toBe(2);
  });

  it('refuses cursors it did not issue and page sizes out of range', async () => {
    const user = await registerUser(lattice);
    const client = lattice.client(user.accessToken);
    await client.request(AddFrequentClientDocument, { input: { name: 'Acme' } });
    const refused: MyBusinessContextQueryVariables[] = [
      { clientsAfter: 'not-a-cursor' },
      { clientsAfter: Buffer.from('[1,2,3]').toString('base64url') },
      { servicesAfter: '!!!' },
      { clientsFirst: 101 },
      { servicesFirst: -1 },
    ];
    for (const variables of refused) {
      const result = await client.execute(MyBusinessContextDocument, variables);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('nobody else reads or changes a user’s business data', () => {
  it('another user: FORBIDDEN at the field path; staff: the data', async () => {
    const owner = await registerUser(lattice);
    const other = await registerUser(lattice);
    await lattice
      .client(owner.accessToken)
      .request(UpdateBusinessContextDocument, { input: { companyName: 'Owner Ltd' } });

    const denied = await entitiesFromAccounts(
      other.accessToken,
      [owner.id],
      'businessContext { companyName }',
    );
    expect(denied.data._entities).toEqual([{ id: owner.id, businessContext: null }]);
    expect(denied.errors![0]).toMatchObject({
      path: ['_entities', 0, 'businessContext'],
      extensions: { code: 'FORBIDDEN' },
    });

    const adminToken = await promoteToAdmin(lattice, (await registerUser(lattice)).email);
    const staff = await entitiesFromAccounts(
      adminToken,
      [owner.id],
      'businessContext { companyName frequentClients { edges { node { id } } } }',
    );
    expect(staff.errors).toBeUndefined();
    expect(staff.data._entities[0].businessContext).toEqual({
      companyName: 'Owner Ltd',
      frequentClients: { edges: [] },
    });
  });

  it('removing another user’s client or service is NOT_FOUND and removes nothing', async () => {
    const owner = await registerUser(lattice);
    const attacker = await registerUser(lattice);
    const ownerClient = lattice.client(owner.accessToken);
    const { addFrequentClient } = await ownerClient.request(AddFrequentClientDocument, {
      input: { name: 'Acme' },
    });
    const { addCommonService } = await ownerClient.request(AddCommonServiceDocument, {
      input: { description: 'Consulting', unitPrice: '80' },
    });
    const before = await businessRows(owner.id);

    const evil = lattice.client(attacker.accessToken);
    const client = await evil.execute(RemoveFrequentClientDocument, { id: addFrequentClient.id });
    const service = await evil.execute(RemoveCommonServiceDocument, { id: addCommonService.id });
    const unknown = await evil.execute(RemoveFrequentClientDocument, { id: randomUUID() });
    for (const result of [client, service, unknown]) {
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    // The same message whether the id exists for someone else or not at all.
    expect(client.errors![0]!.message).toBe(unknown.errors![0]!.message);
    expect(await businessRows(owner.id)).toEqual(before);

    // The attacker's writes land in the attacker's own data only.
    await evil.request(UpdateBusinessContextDocument, { input: { companyName: 'Mallory Inc' } });
    await evil.request(AddFrequentClientDocument, { input: { name: 'Eve' } });
    expect((await businessRows(owner.id)).slice(0, 3)).toEqual(before.slice(0, 3));
    expect(await count('frequent_client', attacker.id)).toBe(1);
  });

  it('an anonymous caller gets UNAUTHENTICATED on every mutation', async () => {
    const anonymous = lattice.client();
    const results = await Promise.all([
      anonymous.execute(UpdateBusinessContextDocument, { input: { companyName: 'X' } }),
      anonymous.execute(AddFrequentClientDocument, { input: { name: 'X' } }),
      anonymous.execute(RemoveFrequentClientDocument, { id: randomUUID() }),
      anonymous.execute(AddCommonServiceDocument, { input: { description: 'X', unitPrice: '1' } }),
      anonymous.execute(RemoveCommonServiceDocument, { id: randomUUID() }),
    ]);
    expect(results.map((result) => result.errors?.[0]?.extensions?.code)).toEqual(
      Array(5).fill('UNAUTHENTICATED'),
    );
  });
});

describe('bad input on every business mutation: BAD_USER_INPUT naming the field, nothing written', () => {
  const huge = 'x'.repeat(10 * 1024);
  const cases: Array<
    [string, (token: string) => Promise<{ data?: unknown; errors?: readonly any[] }>, string]
  > = [
    [
      'updateBusinessContext: 10 KB company name',
      (t) => lattice.client(t).execute(UpdateBusinessContextDocument, { input: { companyName: huge } }),
      'input.companyName',
    ],
    [
      'updateBusinessContext: 10 KB address',
      (t) => lattice.client(t).execute(UpdateBusinessContextDocument, { input: { address: huge } }),
      'input.address',
    ],
    [
      'updateBusinessContext: 10 KB tax id',
      (t) => lattice.client(t).execute(UpdateBusinessContextDocument, { input: { taxId: huge } }),
      'input.taxId',
    ],
    [
      'updateBusinessContext: unknown currency',
      (t) =>
        lattice
          .client(t)
          .execute(UpdateBusinessContextDocument, { input: { companyName: 'Ok', defaultCurrency: 'XYZ' } }),
      'input.defaultCurrency',
    ],
    [
      'updateBusinessContext: control characters',
      (t) => lattice.client(t).execute(UpdateBusinessContextDocument, { input: { companyName: 'A\u0007B' } }),
      'input.companyName',
    ],
    [
      'addFrequentClient: empty name',
      (t) => lattice.client(t).execute(AddFrequentClientDocument, { input: { name: '   ' } }),
      'input.name',
    ],
    [
      'addFrequentClient: 10 KB name',
      (t) => lattice.client(t).execute(AddFrequentClientDocument, { input: { name: huge } }),
      'input.name',
    ],
    [
      'addFrequentClient: invalid email',
      (t) => lattice.client(t).execute(AddFrequentClientDocument, { input: { name: 'Acme', email: 'acme' } }),
      'input.email',
    ],
    [
      'addFrequentClient: 10 KB address',
      (t) => lattice.client(t).execute(AddFrequentClientDocument, { input: { name: 'Acme', address: huge } }),
      'input.address',
    ],
    [
      'addCommonService: negative price',
      (t) =>
        lattice
          .client(t)
          .execute(AddCommonServiceDocument, { input: { description: 'X', unitPrice: '-1.00' } }),
      'input.unitPrice',
    ],
    [
      'addCommonService: 3 decimals',
      (t) =>
        lattice
          .client(t)
          .execute(AddCommonServiceDocument, { input: { description: 'X', unitPrice: '1.005' } }),
      'input.unitPrice',
    ],
    [
      'addCommonService: a float-looking price',
      (t) =>
        lattice
          .client(t)
          .execute(AddCommonServiceDocument, { input: { description: 'X', unitPrice: '1e3' } }),
      'input.unitPrice',
    ],
    [
      'addCommonService: empty description',
      (t) =>
        lattice.client(t).execute(AddCommonServiceDocument, { input: { description: '', unitPrice: '1' } }),
      'input.description',
    ],
    [
      'addCommonService: 10 KB description',
      (t) =>
        lattice.client(t).execute(AddCommonServiceDocument, { input: { description: huge, unitPrice: '1' } }),
      'input.description',
    ],
    [
      'addCommonService: unknown currency',
      (t) =>
        lattice.client(t).execute(AddCommonServiceDocument, {
          input: { description: 'X', unitPrice: '1', currency: 'EURO' },
        }),
      'input.currency',
    ],
    [
      'addCommonService: 10 KB unit',
      (t) =>
        lattice
          .client(t)
          .execute(AddCommonServiceDocument, { input: { description: 'X', unitPrice: '1', unit: huge } }),
      'input.unit',
    ],
    [
      'removeFrequentClient: not an id',
      (t) => lattice.client(t).execute(RemoveFrequentClientDocument, { id: 'not-an-id' }),
      'id',
    ],
    [
      'removeCommonService: 10 KB id',
      (t) => lattice.client(t).execute(RemoveCommonServiceDocument, { id: huge }),
      'id',
    ],
  ];

  let user: Awaited<ReturnType<typeof registerUser>>;
  beforeAll(async () => {
    user = await registerUser(lattice);
    const client = lattice.client(user.accessToken);
    await client.request(UpdateBusinessContextDocument, {
      input: { companyName: 'Before Ltd', defaultCurrency: 'GBP' },
    });
    await client.request(AddFrequentClientDocument, { input: { name: 'Existing' } });
    await client.request(AddCommonServiceDocument, { input: { description: 'Existing', unitPrice: '10' } });
  });

  it.each(cases)('%s', async (_case, send, field) => {
    const before = await businessRows(user.id);
    const result = await send(user.accessToken);
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await businessRows(user.id)).toEqual(before);
  });

  it('a missing required field is refused by GraphQL itself', async () => {
    const result = await lattice.post(
      { query: 'mutation { addFrequentClient(input: { email: "a@example.com" }) { id } }' },
      { authorization: `Bearer ${user.accessToken}` },
    );
    expect(result.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.json.errors[0].message).toContain('name');
  });
});

describe('each list is capped at 200 entries per user', () => {
  it('the 201st client or service is QUOTA_EXCEEDED; other users are unaffected', async () => {
    const user = await registerUser(lattice);
    const client = lattice.client(user.accessToken);
    await client.request(AddFrequentClientDocument, { input: { name: 'First' } });
    await client.request(AddCommonServiceDocument, { input: { description: 'First', unitPrice: '1' } });
    // Fill to 199 directly, then the API adds the 200th and refuses the 201st.
    await sql(
      `insert into accounts.frequent_client (id, user_id, name, created_at)
       select gen_random_uuid(), ?, 'Client ' || n, now() + n * interval '1 ms' from generate_series(2, 199) n`,
      [user.id],
    );
    await sql(
      `insert into accounts.common_service (id, user_id, description, unit_price, created_at)
       select gen_random_uuid(), ?, 'Service ' || n, 1, now() + n * interval '1 ms' from generate_series(2, 199) n`,
      [user.id],
    );
    await client.request(AddFrequentClientDocument, { input: { name: 'Two hundredth' } });
    await client.request(AddCommonServiceDocument, {
      input: { description: 'Two hundredth', unitPrice: '1' },
    });
    expect(await count('frequent_client', user.id)).toBe(200);

    const clientOver = await client.execute(AddFrequentClientDocument, { input: { name: 'One too many' } });
    const serviceOver = await client.execute(AddCommonServiceDocument, {
      input: { description: 'One too many', unitPrice: '1' },
    });
    expect(clientOver.errors?.[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', limit: 200 });
    expect(serviceOver.errors?.[0]?.extensions).toMatchObject({ code: 'QUOTA_EXCEEDED', limit: 200 });

    // Concurrent additions cannot overshoot the cap either.
    const { removeFrequentClient } = await client.request(RemoveFrequentClientDocument, {
      id: (
        await sql<{ id: string }>('select id from accounts.frequent_client where user_id = ? limit 1', [
          user.id,
        ])
      )[0]!.id,
    });
    expect(removeFrequentClient).toBeTruthy();
    const racers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        client.execute(AddFrequentClientDocument, { input: { name: `Racer ${i}` } }),
      ),
    );
    expect(racers.filter((result) => !result.errors).length).toBe(1);
    expect(await count('frequent_client', user.id)).toBe(200);
    expect(await count('common_service', user.id)).toBe(200);

    const other = await registerUser(lattice);
    const fine = await lattice
      .client(other.accessToken)
      .execute(AddFrequentClientDocument, { input: { name: 'Fine' } });
    expect(fine.errors).toBeUndefined();
  });
});
