import { randomUUID } from 'node:crypto';
import {
  startTestSubgraph,
  type TestSubgraph,
  startTokenIssuer,
  type TokenIssuer,
} from '@lattice/subgraph-kit/testing';
import { analytics } from '../src/subgraph';
import { event, registration } from './support/events';
import { post } from './support/graphql';

let fixture: TestSubgraph;
let issuer: TokenIssuer;
let admin: string;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  fixture = await startTestSubgraph(analytics, { JWKS_URL: issuer.jwksUrl });
  admin = await issuer.token('admin');
});
afterAll(async () => {
  await fixture?.stop();
  await issuer?.close();
});

// null: anonymous
const query = (document: string, variables: unknown = {}, token: string | null = admin) =>
  post(fixture.subgraph.url, document, variables, token ?? undefined);

const GROWTH = `query($from: Date!, $to: Date!) { userGrowth(from: $from, to: $to) {
  totalBefore days { date signups deletions total } } }`;
const SIGNUPS = `query($from: Date!, $to: Date!) { signups(from: $from, to: $to) { total days { date value } } }`;
const DAU = `query($from: Date!, $to: Date!) { dailyActiveUsers(from: $from, to: $to) { date value } }`;
const TOP = `query($from: Date!, $to: Date!, $first: Int, $after: String) {
  topUsers(from: $from, to: $to, first: $first, after: $after) {
    edges { cursor node { events user { id } } } pageInfo { hasNextPage endCursor } } }`;
const METRIC = `query($m: String!, $from: Date!, $to: Date!) { dailyMetric(metric: $m, from: $from, to: $to) { date value } }`;

const deletion = (userId: string, occurredAt: string) =>
  event('identity.user_deleted', { userId }, { actor: userId, subject: userId, occurredAt });
const login = (userId: string, occurredAt: string) =>
  event(
    'identity.user_logged_in',
    { userId, sessionId: randomUUID(), method: 'password' },
    { actor: userId, occurredAt },
  );

describe('admin reports', () => {
  // Each test uses its own year, so they hold in any order.
  it('gives user growth per day with a running total that starts from earlier days', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await fixture.bus.publish(registration('2022-12-31T22:00:00.000Z', a));
    await fixture.bus.publish(registration('2023-01-01T09:00:00.000Z', b));
    await fixture.bus.publish(registration('2023-01-01T10:00:00.000Z', c));
    await fixture.bus.publish(deletion(a, '2023-01-03T10:00:00.000Z'));

    const { data, errors } = await query(GROWTH, { from: '2023-01-01', to: '2023-01-04' });
    expect(errors).toBeUndefined();
    expect(data.userGrowth).toEqual({
      totalBefore: 1,
      days: [
        { date: '2023-01-01', signups: 2, deletions: 0, total: 3 },
        { date: '2023-01-02', signups: 0, deletions: 0, total: 3 },
        { date: '2023-01-03', signups: 0, deletions: 1, total: 2 },
        { date: '2023-01-04', signups: 0, deletions: 0, total: 2 },
      ],
    });

    const signups = (await query(SIGNUPS, { from: '2022-12-31', to: '2023-01-02' })).data.signups;
    expect(signups).toEqual({
      total: 3,
      days: [
        { date: '2022-12-31', value: 1 },
        { date: '2023-01-01', value: 2 },
        { date: '2023-01-02', value: 0 },
      ],
    });
  });

  it('counts each active user once per day, however many events they caused', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    for (const at of ['2019-06-01T01:00:00Z', '2019-06-01T02:00:00Z', '2019-06-01T03:00:00Z']) {
      await fixture.bus.publish(login(a, at));
    }
    await fixture.bus.publish(login(b, '2019-06-01T04:00:00Z'));
    await fixture.bus.publish(login(b, '2019-06-02T04:00:00Z'));
    const { data } = await query(DAU, { from: '2019-06-01', to: '2019-06-03' });
    expect(data.dailyActiveUsers).toEqual([
      { date: '2019-06-01', value: 2 },
      { date: '2019-06-02', value: 1 },
      { date: '2019-06-03', value: 0 },
    ]);
    const logins = (await query(METRIC, { m: 'identity.logins', from: '2019-06-01', to: '2019-06-02' })).data;
    expect(logins.dailyMetric).toEqual([
      { date: '2019-06-01', value: 4 },
      { date: '2019-06-02', value: 1 },
    ]);
  });

  it('ranks users by activity over the range, paginated without gaps or repeats', async () => {
    const users = Array.from({ length: 5 }, () => randomUUID());
    // user i causes i + 1 events inside the range, and 10 outside it that must not count
    for (const [i, userId] of users.entries()) {
      for (let n = 0; n <= i; n += 1)
        await fixture.bus.publish(login(userId, `2018-02-0${1 + (n % 3)}T10:00:00Z`));
    }
    await fixture.bus.publish(registration('2018-02-03T11:00:00Z', users[0]));
    for (let n = 0; n < 10; n += 1) await fixture.bus.publish(login(users[0]!, '2018-03-01T10:00:00Z'));

    const seen: Array<{ id: string; events: number }> = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const { data, errors } = await query(TOP, { from: '2018-02-01', to: '2018-02-28', first: 2, after });
      expect(errors).toBeUndefined();
      seen.push(
        ...data.topUsers.edges.map((edge: any) => ({ id: edge.node.user.id, events: edge.node.events })),
      );
      after = data.topUsers.pageInfo.hasNextPage ? data.topUsers.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    // users[0] and users[1] both have 2 events: ties are ordered by id
    const tied = [users[0]!, users[1]!].sort();
    expect(seen).toEqual([
      { id: users[4], events: 5 },
      { id: users[3], events: 4 },
      { id: users[2], events: 3 },
      { id: tied[0], events: 2 },
      { id: tied[1], events: 2 },
    ]);
  });

  it.each([
    ['from after to', { from: '2023-01-02', to: '2023-01-01' }, 'to'],
    ['more than 366 days', { from: '2023-01-01', to: '2024-01-02' }, 'to'],
  ])('refuses a range with %s as BAD_USER_INPUT', async (_case, range, field) => {
    for (const document of [GROWTH, SIGNUPS, DAU, TOP]) {
      const { data, errors } = await query(document, range);
      expect(data).toBeNull();
      expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('accepts exactly 366 days and refuses days that do not exist', async () => {
    const full = await query(DAU, { from: '2024-01-01', to: '2024-12-31' });
    expect(full.data.dailyActiveUsers).toHaveLength(366);
    const bad = await query(DAU, { from: '2023-02-29', to: '2023-03-01' });
    expect(bad.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an unknown metric, a bad cursor and an oversized page', async () => {
    const unknown = await query(METRIC, { m: 'nope.nothing', from: '2023-01-01', to: '2023-01-02' });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'metric' });
    const cursor = await query(TOP, { from: '2023-01-01', to: '2023-01-02', after: 'junk' });
    expect(cursor.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const first = await query(TOP, { from: '2023-01-01', to: '2023-01-02', first: 101 });
    expect(first.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('answers FORBIDDEN to non-admins and UNAUTHENTICATED to anonymous callers', async () => {
    const range = { from: '2023-01-01', to: '2023-01-02' };
    const moderator = await issuer.token('moderator');
    const user = await issuer.token('user');
    for (const [document, variables] of [
      [GROWTH, range],
      [SIGNUPS, range],
      [DAU, range],
      [TOP, range],
      [METRIC, { ...range, m: 'events' }],
      ['{ serviceHealth { name } }', {}],
    ] as const) {
      for (const token of [user, moderator]) {
        expect((await query(document, variables, token)).errors![0].extensions.code).toBe('FORBIDDEN');
      }
      expect((await query(document, variables, null)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
