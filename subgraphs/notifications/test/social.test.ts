import { randomUUID } from 'node:crypto';
import { Delivery, Notification } from '../src/entities';
import { pause, plain, startWithMail, subjectFrom, type WithMail } from './support/domain-events';

/**
 * social's events consumed over a real database, as `npm start` runs it (mail to the local
 * capture): what each sends, to whom, and what sends nothing (one's own act, a block).
 */
let n: WithMail;
beforeAll(async () => {
  n = await startWithMail({ origin: subjectFrom('activityId') });
});
afterAll(() => n?.close());

/** An activity of `ownerId`'s, as social's interaction events tell it. */
const activityFacts = (ownerId: string) => ({
  activityId: randomUUID(),
  ownerId,
  kind: 'POST',
  visibility: 'FRIENDS' as const,
});
const APP = 'https://app.example.test';

describe('a friend request', () => {
  it('tells its addressee by mail and in the inbox, naming no one, leading to their requests', async () => {
    const [requester, addressee] = [await n.registered(), await n.registered({ locale: 'fr' })];
    const event = await n.publish('social.friend_requested', {
      requesterId: requester.userId,
      addresseeId: addressee.userId,
    });
    const mail = await n.mailTo(addressee.email, /demande d’ami/);
    expect(mail.subject).toBe('Vous avez une nouvelle demande d’ami');
    expect(mail.links).toContain(`${APP}/social/requests`);
    expect(mail.headers['list-unsubscribe']).toMatch(/\/unsubscribe\?token=/);
    expect(plain(mail.text)).not.toContain(requester.userId);
    const { by, entries } = await n.sent(event);
    expect(by).toEqual({ [addressee.userId]: ['email', 'inapp'] });
    expect(entries[0]).toMatchObject({
      kind: 'friend_requested',
      category: 'activity',
      title: 'Nouvelle demande d’ami',
      link: `${APP}/social/requests`,
    });
    expect(n.mailsTo(requester.email)).toHaveLength(0);
  });

  it('accepted: tells the requester in the inbox alone', async () => {
    const [requester, addressee] = [await n.registered(), await n.registered()];
    const event = await n.publish('social.friendship_accepted', {
      requesterId: requester.userId,
      addresseeId: addressee.userId,
    });
    const { by, entries } = await n.sent(event);
    expect(by).toEqual({ [requester.userId]: ['inapp'] });
    expect(entries[0]).toMatchObject({ title: 'Friend request accepted', link: `${APP}/social/friends` });
  });
});

describe('a like', () => {
  it('tells the owner in the inbox alone, and no one when they liked their own', async () => {
    const [owner, fan] = [await n.registered(), await n.registered()];
    const facts = activityFacts(owner.userId);
    const event = await n.publish('social.activity_liked', { ...facts, likerId: fan.userId });
    const { by, entries } = await n.sent(event);
    expect(by).toEqual({ [owner.userId]: ['inapp'] });
    expect(entries[0]).toMatchObject({
      kind: 'activity_liked',
      title: 'New like on your post',
      link: `${APP}/social/activities/${facts.activityId}`,
    });
    const own = await n.publish('social.activity_liked', { ...facts, likerId: owner.userId });
    expect((await n.sent(own)).by).toEqual({});
  });
});

describe('a comment', () => {
  const comment = (
    facts: ReturnType<typeof activityFacts>,
    authorId: string,
    parentAuthorId: string | null = null,
  ) =>
    n.publish('social.activity_commented', {
      ...facts,
      commentId: randomUUID(),
      authorId,
      parentCommentId: parentAuthorId ? randomUUID() : null,
      parentAuthorId,
    });

  it('tells the owner in the inbox alone', async () => {
    const [owner, fan] = [await n.registered(), await n.registered()];
    const event = await comment(activityFacts(owner.userId), fan.userId);
    const { by, entries } = await n.sent(event);
    expect(by).toEqual({ [owner.userId]: ['inapp'] });
    expect(entries[0]).toMatchObject({ kind: 'activity_commented', title: 'New comment on your post' });
  });

  it('a reply: tells the owner and the author of the comment answered, one entry each', async () => {
    const [owner, fan, other] = [await n.registered(), await n.registered(), await n.registered()];
    const facts = activityFacts(owner.userId);
    const event = await comment(facts, fan.userId, other.userId);
    const { by, entries } = await n.sent(event);
    expect(by).toEqual({ [owner.userId]: ['inapp'], [other.userId]: ['inapp'] });
    expect(entries.map((entry) => [entry.kind, entry.userId, entry.link])).toEqual([
      ['activity_commented', owner.userId, `${APP}/social/activities/${facts.activityId}`],
      ['comment_replied', other.userId, `${APP}/social/activities/${facts.activityId}`],
    ]);
  });

  it('one’s own: tells no one, and the owner answered in a thread once', async () => {
    const [owner, fan] = [await n.registered(), await n.registered()];
    const facts = activityFacts(owner.userId);
    const own = await comment(facts, owner.userId, owner.userId);
    expect((await n.sent(own)).by).toEqual({});
    const toOwner = await comment(facts, fan.userId, owner.userId);
    expect((await n.sent(toOwner)).by).toEqual({ [owner.userId]: ['inapp'] });
  });
});

describe('a follow', () => {
  it('tells the one followed in the inbox alone', async () => {
    const [follower, followee] = [await n.registered(), await n.registered()];
    const event = await n.publish('social.followed', {
      followerId: follower.userId,
      followeeId: followee.userId,
    });
    const { by, entries } = await n.sent(event);
    expect(by).toEqual({ [followee.userId]: ['inapp'] });
    expect(entries[0]).toMatchObject({ title: 'New follower', link: `${APP}/social/followers` });
  });
});

describe('social’s other events', () => {
  it('send nothing: a block, an unfriending, an unfollow, a post', async () => {
    const [blocker, blocked] = [await n.registered(), await n.registered()];
    const events = [
      await n.publish('social.user_blocked', { blockerId: blocker.userId, blockedId: blocked.userId }),
      await n.publish('social.friendship_ended', {
        userIds: [blocker.userId, blocked.userId],
        endedBy: blocker.userId,
        reason: 'BLOCKED',
      }),
      await n.publish('social.user_unblocked', { blockerId: blocker.userId, blockedId: blocked.userId }),
      await n.publish('social.unfollowed', { followerId: blocker.userId, followeeId: blocked.userId }),
      await n.publish('social.activity_posted', {
        ...activityFacts(blocker.userId),
        mediaCount: 0,
        sharedActivityId: null,
      }),
    ];
    await pause(300);
    for (const event of events) {
      expect(await n.em().count(Delivery, { eventId: event.id })).toBe(0);
      expect(await n.em().count(Notification, { eventId: event.id })).toBe(0);
    }
    expect(await n.em().count(Notification, { userId: blocked.userId })).toBe(0);
    expect(n.mailsTo(blocked.email)).toHaveLength(0);
  });
});
