import { waitFor } from '@lattice/testkit';
import { LoginDocument } from '@lattice/client';
import { PASSWORD, promoteToAdmin, registerUser } from './support/accounts';
import { countRows } from './support/outbox';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
let adminToken: string;

beforeAll(async () => {
  lattice = await startTestLattice({ HEALTH_PROBE_INTERVAL_MS: '200' });
  const admin = await registerUser(lattice);
  adminToken = await promoteToAdmin(lattice, admin.email);
});
afterAll(() => lattice?.stop());

const as = (token: string | undefined, query: string, variables?: unknown) =>
  lattice.post({ query, variables }, token ? { authorization: `Bearer ${token}` } : {});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
// Yesterday to tomorrow: the test holds across midnight UTC.
const RANGE = { from: day(-1), to: day(1) };

const SIGNUPS =
  'query($from: Date!, $to: Date!) { signups(from: $from, to: $to) { total days { date value } } }';
const GROWTH = `query($from: Date!, $to: Date!) { userGrowth(from: $from, to: $to) {
  totalBefore days { date signups deletions total } } }`;
const TOP = `query($from: Date!, $to: Date!, $first: Int, $after: String) {
  topUsers(from: $from, to: $to, first: $first, after: $after) {
    edges { node { events user { id email profile { displayName } } } } pageInfo { hasNextPage endCursor } } }`;

const signupTotal = async () => (await as(adminToken, SIGNUPS, RANGE)).json.data?.signups.total as number;

describe('analytics through the gateway', () => {
  it('counts registrations in signups and user growth', async () => {
    // Every account of this test's database is counted once its event arrived.
    const allCounted = async () => {
      const accounts = await countRows(lattice, 'identity.user_account');
      return (await signupTotal()) === accounts ? accounts : undefined;
    };
    const before = await waitFor(allCounted, { message: 'earlier signups to be counted' });
    await registerUser(lattice);
    await registerUser(lattice);
    expect(await waitFor(allCounted, { message: 'two more signups' })).toBe(before + 2);

    const growth = (await as(adminToken, GROWTH, RANGE)).json;
    expect(growth.errors).toBeUndefined();
    const { totalBefore, days } = growth.data.userGrowth;
    expect(days.map((d: any) => d.date)).toEqual([RANGE.from, day(0), RANGE.to]);
    expect(days.reduce((sum: number, d: any) => sum + d.signups, 0)).toBe(before + 2);
    expect(days.at(-1).total).toBe(totalBefore + before + 2);
  });

  it('ranks users by activity, with their email and profile resolved by identity and accounts', async () => {
    const busy = await registerUser(lattice);
    for (let i = 0; i < 3; i += 1) {
      await lattice.client().request(LoginDocument, { input: { email: busy.email, password: PASSWORD } });
    }
    // Every event the user caused (registration, verification request, 3 sign-ins), as written
    // by the producers' outboxes.
    const caused = async () =>
      (await countRows(lattice, 'identity.outbox_event', 'actor = ?', [busy.id])) +
      (await countRows(lattice, 'accounts.outbox_event', 'actor = ?', [busy.id]));
    const edge = await waitFor(
      async () => {
        const { data } = (await as(adminToken, TOP, { ...RANGE, first: 100 })).json;
        const expected = await caused();
        return data?.topUsers.edges.find(
          (e: any) => e.node.user.id === busy.id && e.node.events === expected,
        );
      },
      { message: 'the busy user ranked with every event they caused' },
    );
    expect(edge.node.events).toBeGreaterThanOrEqual(4);
    expect(edge.node.user).toEqual({
      id: busy.id,
      email: busy.email,
      profile: { displayName: busy.email.split('@')[0] },
    });
    const { data } = (await as(adminToken, TOP, { ...RANGE, first: 1 })).json;
    expect(data.topUsers.edges).toHaveLength(1);
    expect(data.topUsers.edges[0].node.events).toBeGreaterThanOrEqual(4);
    expect(data.topUsers.pageInfo.hasNextPage).toBe(true);
  });

  it('refuses non-admins (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    const user = await registerUser(lattice);
    for (const [query, variables] of [
      [SIGNUPS, RANGE],
      [GROWTH, RANGE],
      [TOP, RANGE],
      ['{ serviceHealth { name } }', {}],
    ] as const) {
      const refused = await as(user.accessToken, query, variables);
      expect(refused.json.errors[0].extensions.code).toBe('FORBIDDEN');
      expect((await as(undefined, query, variables)).json.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses a bad range as BAD_USER_INPUT', async () => {
    const reversed = await as(adminToken, SIGNUPS, { from: RANGE.to, to: RANGE.from });
    expect(reversed.json.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });

  it('reports identity, accounts and analytics as up', async () => {
    const rows = await waitFor(
      async () => {
        const { data } = (await as(adminToken, '{ serviceHealth { name status uptime probeLatencyMs } }'))
          .json;
        return data?.serviceHealth.every((row: any) => row.status === 'UP') ? data.serviceHealth : undefined;
      },
      { message: 'every service up' },
    );
    expect(rows.map((row: any) => row.name)).toEqual(
      expect.arrayContaining(['accounts', 'analytics', 'identity']),
    );
    for (const row of rows) expect(row.probeLatencyMs).toBeGreaterThanOrEqual(0);
  });
});
