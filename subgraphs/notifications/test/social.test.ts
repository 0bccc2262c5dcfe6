import { randomUUID } from 'node:crypto';
import {
  createEvent,
  createInProcessBus,
  type EventBus,
  type EventData,
  type EventEnvelope,
  type EventType,
} from '@lattice/events';
import { createLogger } from '@lattice/server-kit';
import { type RunningSubgraph, startSubgraph, subgraphConfigFromEnv } from '@lattice/subgraph-kit';
import { createTestDatabase, type TestDatabase, waitFor } from '@lattice/testkit';
import { Delivery, Notification } from '../src/entities';
import type { NotificationsRuntime } from '../src/runtime';
import { notifications } from '../src/subgraph';

/**
 * social's events consumed over a real database, as `npm start` runs it (mail to the local
 * capture): what each sends, to whom, and what sends nothing (one's own act, a block).
 */
let db: TestDatabase;
let bus: EventBus;
let running: RunningSubgraph;
let runtime: NotificationsRuntime;
const logLines: string[] = [];
const log = createLogger('notifications', 'debug', { write: (line: string) => logLines.push(line) });

beforeAll(async () => {
  db = await createTestDatabase();
  bus = createInProcessBus({
    onRetry: (event, group, error) => log.warn({ err: error, eventId: event.id, group }, 'retried'),
    onDeadLetter: (event, group, error) => log.error({ err: error, eventId: event.id, group }, 'dead'),
  });
  running = await startSubgraph(
    { ...notifications, init: async (deps) => (runtime = await notifications.init!(deps)) },
    subgraphConfigFromEnv(0, {
      DATABASE_URL: db.url,
      HOST: '127.0.0.1',
      MAIL_CAPTURE_PORT: '0',
      APP_URL: 'https://app.example.test/',
      DELIVERY_RETRY_BASE_MS: '100',
      DELIVERY_RETRY_MAX_MS: '400',
    }),
    { bus, logger: log },
  );
});
afterAll(async () => {
  await running?.close();
  await bus?.close();
  await db?.drop();
});

const em = () => running.orm.em.fork();
const sql = <T>(query: string, params: unknown[] = []) => em().getConnection().execute<T[]>(query, params);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function publish<T extends EventType>(type: T, data: EventData<T>): Promise<EventEnvelope<T>> {
  const subject = (data as { activityId?: string }).activityId ?? randomUUID();
  const event = createEvent(type, { actor: subject, subject, data });
  await bus.publish(event);
  return event;
}

const applied = async (event: EventEnvelope) =>
  (await sql('select 1 from notifications.processed_event where event_id = ?', [event.id])).length > 0;

const mailTo = (address: string, subject: RegExp) =>
  runtime.capture!.waitFor((mail) => mail.envelope.to.includes(address) && subject.test(mail.subject));
const mailsTo = (address: string) =>
  runtime.capture!.messages().filter((mail) => mail.envelope.to.includes(address));
/** Spaces as one plain space (ICU puts narrow no-break ones in times). */
const plain = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ');

async function registered(profile: Partial<EventData<'accounts.profile_updated'>['profile']> = {}) {
  const userId = randomUUID();
  const email = `${userId}@example.test`;
  await publish('identity.user_registered', { userId, email, role: 'user' });
  if (Object.keys(profile).length) {
    await publish('accounts.profile_updated', {
      userId,
      fields: Object.keys(profile),
      profile: {
        displayName: 'Ada',
        locale: 'en',
        timezone: 'UTC',
        phone: null,
        notifications: { email: true, sms: false, marketing: false },
        ...profile,
      },
    });
  }
  return { userId, email };
}

/** An activity of `ownerId`'s, as social's interaction events tell it. */
const activityFacts = (ownerId: string) => ({
  activityId: randomUUID(),
  ownerId,
  kind: 'POST',
  visibility: 'FRIENDS' as const,
});
const APP = 'https://app.example.test';

/** What an event sent: each recipient's channels, mail and inbox alike. */
async function sent(event: EventEnvelope) {
  await waitFor(() => applied(event), { message: 'the event was applied' });
  const deliveries = await em().find(Delivery, { eventId: event.id });
  const entries = await em().find(Notification, { eventId: event.id }, { orderBy: { kind: 'asc' } });
  const by: Record<string, string[]> = {};
  for (const row of [
    ...deliveries.map((d) => [d.userId, d.channel]),
    ...entries.map((n) => [n.userId, 'inapp']),
  ])
    (by[row[0]!] ??= []).push(row[1]!);
  for (const channels of Object.values(by)) channels.sort();
  return { by, entries };
}

describe('a friend request', () => {
  it('tells its addressee by mail and in the inbox, naming no one, leading to their requests', async () => {
    const [requester, addressee] = [await registered(), await registered({ locale: 'fr' })];
    const event = await publish('social.friend_requested', {
      requesterId: requester.userId,
      addresseeId: addressee.userId,
    });
    const mail = await mailTo(addressee.email, /demande d’ami/);
    expect(mail.subject).toBe('Vous avez une nouvelle demande d’ami');
    expect(mail.links).toContain(`${APP}/social/requests`);
    expect(mail.headers['list-unsubscribe']).toMatch(/\/unsubscribe\?token=/);
    expect(plain(mail.text)).not.toContain(requester.userId);
    const { by, entries } = await sent(event);
    expect(by).toEqual({ [addressee.userId]: ['email', 'inapp'] });
    expect(entries[0]).toMatchObject({
      kind: 'friend_requested',
      category: 'activity',
      title: 'Nouvelle demande d’ami',
      link: `${APP}/social/requests`,
    });
    expect(mailsTo(requester.email)).toHaveLength(0);
  });

  it('accepted: tells the requester in the inbox alone', async () => {
    const [requester, addressee] = [await registered(), await registered()];
    const event = await publish('social.friendship_accepted', {
      requesterId: requester.userId,
      addresseeId: addressee.userId,
    });
    const { by, entries } = await sent(event);
    expect(by).toEqual({ [requester.userId]: ['inapp'] });
    expect(entries[0]).toMatchObject({ title: 'Friend request accepted', link: `${APP}/social/friends` });
  });
});

describe('a like', () => {
  it('tells the owner in the inbox alone, and no one when they liked their own', async () => {
    const [owner, fan] = [await registered(), await registered()];
    const facts = activityFacts(owner.userId);
    const event = await publish('social.activity_liked', { ...facts, likerId: fan.userId });
    const { by, entries } = await sent(event);
    expect(by).toEqual({ [owner.userId]: ['inapp'] });
    expect(entries[0]).toMatchObject({
      kind: 'activity_liked',
      title: 'New like on your post',
      link: `${APP}/social/activities/${facts.activityId}`,
    });
    const own = await publish('social.activity_liked', { ...facts, likerId: owner.userId });
    expect((await sent(own)).by).toEqual({});
  });
});

describe('a comment', () => {
  const comment = (
    facts: ReturnType<typeof activityFacts>,
    authorId: string,
    parentAuthorId: string | null = null,
  ) =>
    publish('social.activity_commented', {
      ...facts,
      commentId: randomUUID(),
      authorId,
      parentCommentId: parentAuthorId ? randomUUID() : null,
      parentAuthorId,
    });

  it('tells the owner in the inbox alone', async () => {
    const [owner, fan] = [await registered(), await registered()];
    const event = await comment(activityFacts(owner.userId), fan.userId);
    const { by, entries } = await sent(event);
    expect(by).toEqual({ [owner.userId]: ['inapp'] });
    expect(entries[0]).toMatchObject({ kind: 'activity_commented', title: 'New comment on your post' });
  });

  it('a reply: tells the owner and the author of the comment answered, one entry each', async () => {
    const [owner, fan, other] = [await registered(), await registered(), await registered()];
    const facts = activityFacts(owner.userId);
    const event = await comment(facts, fan.userId, other.userId);
    const { by, entries } = await sent(event);
    expect(by).toEqual({ [owner.userId]: ['inapp'], [other.userId]: ['inapp'] });
    expect(entries.map((entry) => [entry.kind, entry.userId, entry.link])).toEqual([
      ['activity_commented', owner.userId, `${APP}/social/activities/${facts.activityId}`],
      ['comment_replied', other.userId, `${APP}/social/activities/${facts.activityId}`],
    ]);
  });

  it('one’s own: tells no one, and the owner answered in a thread once', async () => {
    const [owner, fan] = [await registered(), await registered()];
    const facts = activityFacts(owner.userId);
    const own = await comment(facts, owner.userId, owner.userId);
    expect((await sent(own)).by).toEqual({});
    const toOwner = await comment(facts, fan.userId, owner.userId);
    expect((await sent(toOwner)).by).toEqual({ [owner.userId]: ['inapp'] });
  });
});

describe('a follow', () => {
  it('tells the one followed in the inbox alone', async () => {
    const [follower, followee] = [await registered(), await registered()];
    const event = await publish('social.followed', {
      followerId: follower.userId,
      followeeId: followee.userId,
    });
    const { by, entries } = await sent(event);
    expect(by).toEqual({ [followee.userId]: ['inapp'] });
    expect(entries[0]).toMatchObject({ title: 'New follower', link: `${APP}/social/followers` });
  });
});

describe('social’s other events', () => {
  it('send nothing: a block, an unfriending, an unfollow, a post', async () => {
    const [blocker, blocked] = [await registered(), await registered()];
    const events = [
      await publish('social.user_blocked', { blockerId: blocker.userId, blockedId: blocked.userId }),
      await publish('social.friendship_ended', {
        userIds: [blocker.userId, blocked.userId],
        endedBy: blocker.userId,
        reason: 'BLOCKED',
      }),
      await publish('social.user_unblocked', { blockerId: blocker.userId, blockedId: blocked.userId }),
      await publish('social.unfollowed', { followerId: blocker.userId, followeeId: blocked.userId }),
      await publish('social.activity_posted', {
        ...activityFacts(blocker.userId),
        mediaCount: 0,
        sharedActivityId: null,
      }),
    ];
    await pause(300);
    for (const event of events) {
      expect(await em().count(Delivery, { eventId: event.id })).toBe(0);
      expect(await em().count(Notification, { eventId: event.id })).toBe(0);
    }
    expect(await em().count(Notification, { userId: blocked.userId })).toBe(0);
    expect(mailsTo(blocked.email)).toHaveLength(0);
  });
});
