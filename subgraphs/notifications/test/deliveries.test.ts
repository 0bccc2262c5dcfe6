import { randomUUID } from 'node:crypto';
import { Delivery } from '../src/entities';
import { type Notifications, startNotifications } from './support/fixture';
import { delivery } from './support/seed';

let n: Notifications;
let admin: string;
const alice = randomUUID();
const bob = randomUUID();
const start = Date.parse('2026-10-01T00:00:00.000Z');
const at = (minutes: number) => new Date(start + minutes * 60_000);

/** [user, kind, channel, status, minute]: the last two share their minute (the id breaks the tie). */
const TABLE: Array<[string, string, 'email' | 'sms', Delivery['status'], number]> = [
  [alice, 'payment_receipt', 'email', 'sent', 0],
  [alice, 'payment_receipt', 'email', 'failed', 1],
  [bob, 'payment_failed', 'sms', 'sent', 2],
  [bob, 'payment_failed', 'email', 'queued', 3],
  [alice, 'security_alert', 'sms', 'failed', 4],
  [alice, 'security_alert', 'email', 'sent', 5],
  [bob, 'payment_receipt', 'email', 'sent', 6],
  [bob, 'plan_changed', 'email', 'sending', 7],
  [alice, 'plan_changed', 'email', 'sent', 8],
  [alice, 'payment_receipt', 'email', 'sent', 9],
  [bob, 'payment_receipt', 'email', 'sent', 9],
];
let rows: Delivery[];

const LIST = `query($filter: DeliveryFilter, $first: Int, $after: String) {
  deliveries(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id user { id } kind category channel status attempts lastError providerId nextAttemptAt createdAt sentAt } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const STATS = `query($from: DateTime, $to: DateTime) { deliveryStats(from: $from, to: $to) { kind channel status count } }`;

/** The ids of every page, `first` at a time. */
async function allIds(filter: Record<string, unknown> = {}, first = 50): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 50; page += 1) {
    const { data, errors } = await n.post(admin, LIST, { filter, first, after });
    expect(errors).toBeUndefined();
    ids.push(...data.deliveries.edges.map((edge: any) => edge.node.id));
    if (!data.deliveries.pageInfo.hasNextPage) return ids;
    after = data.deliveries.pageInfo.endCursor;
  }
  throw new Error('more pages than expected');
}

/** The seeded ids matching `keep`, newest first (ties: the larger id first). */
const expected = (keep: (row: Delivery) => boolean) =>
  rows
    .filter(keep)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((row) => row.id);

beforeAll(async () => {
  n = await startNotifications();
  admin = await n.token('admin');
  rows = TABLE.map(([userId, kind, channel, status, minute]) =>
    delivery({
      userId,
      kind,
      channel,
      status,
      createdAt: at(minute),
      category: kind.startsWith('security') ? 'security' : 'billing',
      attempts: status === 'queued' ? 0 : 1,
      ...(status === 'sent' ? { sentAt: at(minute + 0.5), providerId: `<${minute}@capture>` } : {}),
      ...(status === 'failed' ? { lastError: '550 mailbox unavailable' } : {}),
    }),
  );
  await n.em().insertMany(Delivery, rows);
});
afterAll(() => n?.stop());

describe('Query.deliveries', () => {
  it('lists every delivery newest first, page by page, ties broken by id', async () => {
    expect(await allIds({}, 1)).toEqual(expected(() => true));
    expect(await allIds({}, 4)).toEqual(expected(() => true));
  });

  it.each([
    ['status', { status: 'sent' }, (row: Delivery) => row.status === 'sent'],
    ['channel', { channel: 'sms' }, (row: Delivery) => row.channel === 'sms'],
    ['kind', { kind: 'payment_receipt' }, (row: Delivery) => row.kind === 'payment_receipt'],
    ['userId', { userId: bob }, (row: Delivery) => row.userId === bob],
    [
      '[from, to)',
      { from: at(3), to: at(7) },
      (row: Delivery) => row.createdAt >= at(3) && row.createdAt < at(7),
    ],
    [
      'all at once',
      { userId: alice, status: 'sent', channel: 'email', from: at(1) },
      (row: Delivery) =>
        row.userId === alice && row.status === 'sent' && row.channel === 'email' && row.createdAt >= at(1),
    ],
    ['the in-app channel (never delivered)', { channel: 'inapp' }, () => false],
  ])('filters by %s', async (_name, filter, keep) => {
    const ids = await allIds(filter, 2);
    expect(ids.length).toBe(expected(keep).length);
    expect(ids).toEqual(expected(keep));
  });

  it('shows the outcome and the user, never the address nor what was sent', async () => {
    const response = await n.post(admin, LIST, { filter: { userId: bob, kind: 'payment_failed' } });
    expect(response.data.deliveries.edges.map((edge: any) => edge.node)).toEqual([
      expect.objectContaining({
        user: { id: bob },
        status: 'queued',
        channel: 'email',
        category: 'billing',
        attempts: 0,
        nextAttemptAt: expect.any(String),
        sentAt: null,
      }),
      expect.objectContaining({
        status: 'sent',
        channel: 'sms',
        providerId: '<2@capture>',
        nextAttemptAt: null,
        createdAt: at(2).toISOString(),
        sentAt: at(2.5).toISOString(),
      }),
    ]);
    expect(JSON.stringify(response)).not.toMatch(/secret-address|the body|Your receipt/);
    const asked = await n.post(admin, '{ deliveries { edges { node { address } } } }');
    expect(asked.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a userId that is not an id and an empty window, naming the field', async () => {
    const badUser = await n.post(admin, LIST, { filter: { userId: 'bob' } });
    expect(badUser.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.userId' });
    const empty = await n.post(admin, LIST, { filter: { from: at(5), to: at(5) } });
    expect(empty.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.from' });
  });
});

describe('Query.deliveryStats', () => {
  it('counts by kind, channel and status within [from, to)', async () => {
    const { data } = await n.post(admin, STATS, { from: at(1), to: at(9) });
    expect(data.deliveryStats).toEqual([
      { kind: 'payment_failed', channel: 'email', status: 'queued', count: 1 },
      { kind: 'payment_failed', channel: 'sms', status: 'sent', count: 1 },
      { kind: 'payment_receipt', channel: 'email', status: 'failed', count: 1 },
      { kind: 'payment_receipt', channel: 'email', status: 'sent', count: 1 },
      { kind: 'plan_changed', channel: 'email', status: 'sending', count: 1 },
      { kind: 'plan_changed', channel: 'email', status: 'sent', count: 1 },
      { kind: 'security_alert', channel: 'email', status: 'sent', count: 1 },
      { kind: 'security_alert', channel: 'sms', status: 'failed', count: 1 },
    ]);
  });

  it('counts everything without a window, and refuses an empty one', async () => {
    const { data } = await n.post(admin, STATS);
    const total = data.deliveryStats.reduce((sum: number, row: { count: number }) => sum + row.count, 0);
    expect(total).toBe(TABLE.length);
    expect(data.deliveryStats).toContainEqual({
      kind: 'payment_receipt',
      channel: 'email',
      status: 'sent',
      count: 4,
    });
    const empty = await n.post(admin, STATS, { from: at(9), to: at(1) });
    expect(empty.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
  });
});

describe('delivery access', () => {
  it('is for admins: FORBIDDEN to users and moderators, UNAUTHENTICATED to no one', async () => {
    for (const query of [LIST, STATS]) {
      for (const role of ['user', 'moderator'] as const) {
        const { data, errors } = await n.post(await n.token(role, alice), query);
        expect(data).toBeNull();
        expect(errors[0].extensions.code).toBe('FORBIDDEN');
      }
      const { errors } = await n.post(null, query);
      expect(errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
