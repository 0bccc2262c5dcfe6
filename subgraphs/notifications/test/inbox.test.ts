import { randomUUID } from 'node:crypto';
import { Notification } from '../src/entities';
import { createLoaders } from '../src/loaders';
import { type Notifications, startNotifications } from './support/fixture';
import { seedInbox } from './support/seed';

let n: Notifications;
const ownerId = randomUUID();
const strangerId = randomUUID();
let owner: string;
let stranger: string;
let admin: string;
/** The owner's 25 entries, oldest first: 0–9 read, 3 and 20 archived. */
let entries: Notification[];
let strangerEntry: Notification;

const INBOX = `query($r: [_Any!]!, $first: Int, $after: String, $unreadOnly: Boolean) {
  _entities(representations: $r) { ... on User {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges { cursor node { id title read readAt archived category kind createdAt } }
      pageInfo { hasNextPage endCursor }
    }
  } }
}`;
const COUNT = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { unreadNotificationCount } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Notification { id title read } } }`;
const READ = `mutation($id: ID!) { markNotificationRead(id: $id) { id read readAt archived } }`;
const ARCHIVE = `mutation($id: ID!) { archiveNotification(id: $id) { id read archived } }`;
const READ_ALL = `mutation { markAllNotificationsRead }`;

const user = (id: string) => [{ __typename: 'User', id }];
const notifications = (ids: string[]) => ids.map((id) => ({ __typename: 'Notification', id }));

async function inbox(token: string, userId: string, variables: Record<string, unknown> = {}) {
  return n.post(token, INBOX, { r: user(userId), ...variables });
}

/** Every page of the inbox, `first` at a time: the ids in order. */
async function allPages(token: string, userId: string, first: number, unreadOnly = false) {
  const ids: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page += 1) {
    const { data, errors } = await inbox(token, userId, { first, after, unreadOnly });
    expect(errors).toBeUndefined();
    const connection = data._entities[0].notifications;
    ids.push(...connection.edges.map((edge: any) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) return ids;
    after = connection.pageInfo.endCursor;
  }
  throw new Error('more pages than expected');
}

async function unreadCount(token: string, userId: string): Promise<number> {
  const { data, errors } = await n.post(token, COUNT, { r: user(userId) });
  expect(errors).toBeUndefined();
  return data._entities[0].unreadNotificationCount;
}

const newestFirst = (rows: Notification[]) => [...rows].reverse().map((row) => row.id);

beforeAll(async () => {
  n = await startNotifications();
  owner = await n.token('user', ownerId);
  stranger = await n.token('user', strangerId);
  admin = await n.token('admin');
  const readAt = new Date('2026-11-02T00:00:00.000Z');
  const archivedAt = new Date('2026-11-03T00:00:00.000Z');
  entries = await seedInbox(n.em(), ownerId, 25, (i) => ({
    readAt: i < 10 ? readAt : null,
    archivedAt: i === 3 || i === 20 ? archivedAt : null,
  }));
  strangerEntry = (await seedInbox(n.em(), strangerId, 1))[0]!;
});
afterAll(() => n?.stop());

describe('User.notifications', () => {
  it('pages through the inbox newest first, archived entries left out', async () => {
    const visible = entries.filter((_, i) => i !== 3 && i !== 20);
    expect(await allPages(owner, ownerId, 7)).toEqual(newestFirst(visible));
    const { data } = await inbox(owner, ownerId, { first: 2 });
    expect(data._entities[0].notifications.edges.map((edge: any) => edge.node)).toEqual([
      expect.objectContaining({
        title: 'entry 24',
        read: false,
        readAt: null,
        archived: false,
        category: 'billing',
      }),
      expect.objectContaining({
        title: 'entry 23',
        kind: 'payment_receipt',
        createdAt: '2026-11-01T00:00:23.000Z',
      }),
    ]);
  });

  it('with unreadOnly, lists the unread entries only', async () => {
    const unread = entries.filter((_, i) => i >= 10 && i !== 20);
    expect(await allPages(owner, ownerId, 4, true)).toEqual(newestFirst(unread));
  });

  it('counts unread, unarchived entries', async () => {
    expect(await unreadCount(owner, ownerId)).toBe(14);
    expect(await unreadCount(stranger, strangerId)).toBe(1);
    const nobody = randomUUID();
    expect(await unreadCount(await n.token('user', nobody), nobody)).toBe(0);
  });

  it('counts for many users in one statement', async () => {
    const em = n.em();
    const execute = jest.spyOn(em.getConnection(), 'execute');
    try {
      const loaders = createLoaders(em);
      const users = [ownerId, strangerId, randomUUID(), 'not-an-id'];
      expect(await Promise.all(users.map((id) => loaders.unreadCountByUser.load(id)))).toEqual([14, 1, 0, 0]);
      const counts = execute.mock.calls.filter(([sql]) => String(sql).includes('count(*)'));
      expect(counts).toHaveLength(1);
    } finally {
      execute.mockRestore();
    }
  });

  it('is its owner’s alone: FORBIDDEN to anyone else, staff included; UNAUTHENTICATED to no one', async () => {
    for (const token of [stranger, admin, await n.token('moderator')]) {
      for (const query of [INBOX, COUNT]) {
        const { data, errors } = await n.post(token, query, { r: user(ownerId) });
        expect(data._entities).toEqual([null]);
        expect(errors[0].extensions.code).toBe('FORBIDDEN');
      }
    }
    const { errors } = await n.post(null, COUNT, { r: user(ownerId) });
    expect(errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a cursor it did not make and a page over 100', async () => {
    const forged = await inbox(owner, ownerId, { after: Buffer.from('["x","y"]').toString('base64url') });
    expect(forged.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const large = await inbox(owner, ownerId, { first: 101 });
    expect(large.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('Notification references', () => {
  it('resolve for their owner, and as null for anyone else, admins and anonymous callers included', async () => {
    const ids = [entries[24]!.id, strangerEntry.id, randomUUID(), 'not-an-id'];
    const mine = await n.post(owner, ENTITIES, { r: notifications(ids) });
    expect(mine.data._entities).toEqual([{ id: ids[0], title: 'entry 24', read: false }, null, null, null]);
    for (const token of [stranger, admin, null]) {
      const { data } = await n.post(token, ENTITIES, { r: notifications(ids.slice(0, 1)) });
      expect(data._entities).toEqual([null]);
    }
  });

  it('cost the same SQL for 5 keys as for 50', async () => {
    const manyId = randomUUID();
    const many = await n.token('user', manyId);
    const sqlFor = async (ids: string[]) => {
      n.fixture.subgraph.sql.reset();
      const { data } = await n.post(many, ENTITIES, { r: notifications(ids) });
      expect(data._entities.map((entry: { id: string }) => entry.id)).toEqual(ids);
      return n.fixture.subgraph.sql.count;
    };
    const all = (await seedInbox(n.em(), manyId, 50)).map((entry) => entry.id);
    const five = await sqlFor(all.slice(0, 5));
    expect(five).toBeGreaterThan(0);
    expect(await sqlFor(all)).toBe(five);
  });
});

describe('marking and archiving', () => {
  const readerId = randomUUID();
  let reader: string;
  let own: Notification[];

  beforeAll(async () => {
    reader = await n.token('user', readerId);
    own = await seedInbox(n.em(), readerId, 6);
  });

  it('marks one entry read, once: the first reading time stays', async () => {
    const first = await n.post(reader, READ, { id: own[0]!.id });
    expect(first.data.markNotificationRead).toMatchObject({ id: own[0]!.id, read: true, archived: false });
    const again = await n.post(reader, READ, { id: own[0]!.id });
    expect(again.data.markNotificationRead.readAt).toBe(first.data.markNotificationRead.readAt);
    expect(await unreadCount(reader, readerId)).toBe(5);
  });

  it('archives an entry: it leaves the inbox and the unread count', async () => {
    const { data } = await n.post(reader, ARCHIVE, { id: own[1]!.id });
    expect(data.archiveNotification).toMatchObject({ id: own[1]!.id, read: false, archived: true });
    expect(await n.post(reader, ARCHIVE, { id: own[1]!.id })).toMatchObject({
      data: { archiveNotification: { archived: true } },
    });
    expect(await allPages(reader, readerId, 10)).not.toContain(own[1]!.id);
    expect(await unreadCount(reader, readerId)).toBe(4);
  });

  it('answers NOT_FOUND for another user’s entry, as for none, and changes nothing', async () => {
    for (const id of [strangerEntry.id, randomUUID(), 'not-an-id']) {
      for (const mutation of [READ, ARCHIVE]) {
        const { data, errors } = await n.post(reader, mutation, { id });
        expect(data).toBeNull();
        expect(errors[0].extensions.code).toBe('NOT_FOUND');
      }
    }
    // Staff cannot touch someone's inbox either.
    const { errors } = await n.post(admin, READ, { id: own[2]!.id });
    expect(errors[0].extensions.code).toBe('NOT_FOUND');
    const untouched = await n.em().findOneOrFail(Notification, { id: strangerEntry.id });
    expect([untouched.readAt, untouched.archivedAt]).toEqual([null, null]);
    expect(await unreadCount(reader, readerId)).toBe(4);
  });

  it('marks every unread entry read and answers how many were', async () => {
    expect((await n.post(reader, READ_ALL)).data.markAllNotificationsRead).toBe(4);
    expect(await unreadCount(reader, readerId)).toBe(0);
    expect((await n.post(reader, READ_ALL)).data.markAllNotificationsRead).toBe(0);
    expect(await unreadCount(stranger, strangerId)).toBe(1);
    const { data } = await n.post(reader, INBOX, { r: user(readerId), unreadOnly: true });
    expect(data._entities[0].notifications.edges).toEqual([]);
  });

  it('refuses anonymous callers', async () => {
    for (const [query, variables] of [
      [READ, { id: own[3]!.id }],
      [ARCHIVE, { id: own[3]!.id }],
      [READ_ALL, {}],
    ] as const) {
      const { errors } = await n.post(null, query, variables);
      expect(errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});
