import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, type EventData, type EventType, recordEvent } from '@lattice/events';
import { conflict, notFound } from '@lattice/server-kit';
import type { SocialRuntime } from '../runtime';
import { tellFriendship } from './domain-activities';
import { backfill, dropFromFeed } from './fan-out';
import { count, ensurePeople } from './people';

export type FriendshipState = 'NONE' | 'REQUEST_SENT' | 'REQUEST_RECEIVED' | 'FRIENDS';

export interface Relationship {
  userId: string;
  friendship: FriendshipState;
  following: boolean;
  followedBy: boolean;
  blocked: boolean;
  /** Whether they blocked the caller (never shown to the caller: it hides everything instead). */
  blockedBy: boolean;
  muted: boolean;
}

function announce<T extends EventType>(
  em: EntityManager,
  type: T,
  actor: string,
  subject: string,
  data: EventData<T>,
) {
  recordEvent(em, createEvent(type, { actor, subject, data }));
}

/** Changes between two users go one at a time (a request each way at once becomes a friendship once). */
async function lockPair(em: EntityManager, a: string, b: string): Promise<void> {
  const [low, high] = a < b ? [a, b] : [b, a];
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`social:${low}:${high}`]);
}

/** How `viewerId` and each of `others` stand, in one statement. */
export async function relationships(
  em: EntityManager,
  viewerId: string,
  others: readonly string[],
): Promise<Map<string, Relationship>> {
  const rows = await em.execute<Array<Record<string, string | boolean>>>(
    `select o.id as user_id,
       exists (select 1 from social.friend where user_id = ? and friend_id = o.id) as friends,
       exists (select 1 from social.friend_request where requester_id = ? and addressee_id = o.id) as sent,
       exists (select 1 from social.friend_request where requester_id = o.id and addressee_id = ?) as received,
       exists (select 1 from social.follow where follower_id = ? and followee_id = o.id) as following,
       exists (select 1 from social.follow where follower_id = o.id and followee_id = ?) as followed_by,
       exists (select 1 from social.block where blocker_id = ? and blocked_id = o.id) as blocked,
       exists (select 1 from social.block where blocker_id = o.id and blocked_id = ?) as blocked_by,
       exists (select 1 from social.mute where muter_id = ? and muted_id = o.id) as muted
     from unnest(array[?]::uuid[]) as o(id)`,
    [viewerId, viewerId, viewerId, viewerId, viewerId, viewerId, viewerId, viewerId, [...others]],
  );
  return new Map(
    rows.map((row) => [
      row.user_id as string,
      {
        userId: row.user_id as string,
        friendship: row.friends
          ? 'FRIENDS'
          : row.sent
            ? 'REQUEST_SENT'
            : row.received
              ? 'REQUEST_RECEIVED'
              : 'NONE',
        following: !!row.following,
        followedBy: !!row.followed_by,
        blocked: !!row.blocked,
        blockedBy: !!row.blocked_by,
        muted: !!row.muted,
      },
    ]),
  );
}

const relationship = async (em: EntityManager, viewerId: string, other: string) =>
  (await relationships(em, viewerId, [other])).get(other)!;

/**
 * Someone who blocked the caller does not exist for them (NOT_FOUND); someone the caller
 * blocked must be unblocked first (CONFLICT).
 */
async function checkNotBlocked(em: EntityManager, viewerId: string, other: string): Promise<void> {
  const [row] = await em.execute<Array<{ blocked_me: boolean; i_blocked: boolean }>>(
    `select exists (select 1 from social.block where blocker_id = ? and blocked_id = ?) as blocked_me,
            exists (select 1 from social.block where blocker_id = ? and blocked_id = ?) as i_blocked`,
    [other, viewerId, viewerId, other],
  );
  if (row?.blocked_me) throw notFound('No such user');
  if (row?.i_blocked) throw conflict('You blocked this user: unblock them first', 'userId');
}

/** Inserts the follow if new, with its counts, event and the followee's recent activities. */
async function addFollow(em: EntityManager, runtime: SocialRuntime, followerId: string, followeeId: string) {
  const inserted = await em.execute<unknown[]>(
    `insert into social.follow (follower_id, followee_id, created_at) values (?, ?, ?)
     on conflict do nothing returning follower_id`,
    [followerId, followeeId, runtime.now()],
  );
  if (!inserted.length) return;
  await count(em, followerId, 'following_count', 1);
  await count(em, followeeId, 'follower_count', 1);
  await backfill(em, followerId, followeeId);
  announce(em, 'social.followed', followerId, followeeId, { followerId, followeeId });
}

async function removeFollow(em: EntityManager, followerId: string, followeeId: string, announced = true) {
  const removed = await em.execute<unknown[]>(
    'delete from social.follow where follower_id = ? and followee_id = ? returning follower_id',
    [followerId, followeeId],
  );
  if (!removed.length) return;
  await count(em, followerId, 'following_count', -1);
  await count(em, followeeId, 'follower_count', -1);
  if (announced) announce(em, 'social.unfollowed', followerId, followeeId, { followerId, followeeId });
}

/** Ends a friendship both ways, with its counts; whether there was one. */
async function removeFriendship(em: EntityManager, a: string, b: string): Promise<boolean> {
  const removed = await em.execute<unknown[]>(
    `delete from social.friend where (user_id = ? and friend_id = ?) or (user_id = ? and friend_id = ?) returning user_id`,
    [a, b, b, a],
  );
  if (!removed.length) return false;
  await count(em, a, 'friend_count', -1);
  await count(em, b, 'friend_count', -1);
  return true;
}

/** Runs `change` between the caller and `other` under their pair's lock; answers how they stand after. */
async function between(
  em: EntityManager,
  viewerId: string,
  other: string,
  change: (tx: EntityManager) => Promise<void>,
): Promise<Relationship> {
  return em.transactional(async (tx) => {
    await lockPair(tx, viewerId, other);
    await ensurePeople(tx, [viewerId, other]);
    // Their counts are written in id order: changes of pairs sharing a user (a triangle of
    // accepts) then wait for one another instead of deadlocking.
    await tx.execute(
      'select 1 from social.person where user_id in (?, ?) order by user_id for no key update',
      [viewerId, other],
    );
    await change(tx);
    return relationship(tx, viewerId, other);
  });
}

export function sendFriendRequest(
  em: EntityManager,
  runtime: SocialRuntime,
  viewerId: string,
  other: string,
) {
  return between(em, viewerId, other, async (tx) => {
    await checkNotBlocked(tx, viewerId, other);
    const now = await relationship(tx, viewerId, other);
    if (now.friendship === 'FRIENDS' || now.friendship === 'REQUEST_SENT') return;
    if (now.friendship === 'REQUEST_RECEIVED') return accept(tx, runtime, other, viewerId);
    await tx.execute(
      'insert into social.friend_request (requester_id, addressee_id, created_at) values (?, ?, ?)',
      [viewerId, other, runtime.now()],
    );
    announce(tx, 'social.friend_requested', viewerId, other, { requesterId: viewerId, addresseeId: other });
  });
}

/** `addresseeId` accepts `requesterId`'s request: friends both ways, following each other. */
async function accept(tx: EntityManager, runtime: SocialRuntime, requesterId: string, addresseeId: string) {
  await tx.execute('delete from social.friend_request where requester_id = ? and addressee_id = ?', [
    requesterId,
    addresseeId,
  ]);
  const since = runtime.now();
  await tx.execute(
    `insert into social.friend (user_id, friend_id, since) values (?, ?, ?), (?, ?, ?) on conflict do nothing`,
    [requesterId, addresseeId, since, addresseeId, requesterId, since],
  );
  await count(tx, requesterId, 'friend_count', 1);
  await count(tx, addresseeId, 'friend_count', 1);
  await addFollow(tx, runtime, requesterId, addresseeId);
  await addFollow(tx, runtime, addresseeId, requesterId);
  announce(tx, 'social.friendship_accepted', addresseeId, requesterId, { requesterId, addresseeId });
  await tellFriendship(tx, runtime, requesterId, addresseeId, since);
}

export function respondToFriendRequest(
  em: EntityManager,
  runtime: SocialRuntime,
  viewerId: string,
  other: string,
  accepted: boolean,
) {
  return between(em, viewerId, other, async (tx) => {
    const pending = await tx.execute<unknown[]>(
      'select 1 from social.friend_request where requester_id = ? and addressee_id = ?',
      [other, viewerId],
    );
    if (!pending.length) throw notFound('No friend request from this user');
    if (accepted) await accept(tx, runtime, other, viewerId);
    else
      await tx.execute('delete from social.friend_request where requester_id = ? and addressee_id = ?', [
        other,
        viewerId,
      ]);
  });
}

export function cancelFriendRequest(em: EntityManager, viewerId: string, other: string) {
  return between(em, viewerId, other, async (tx) => {
    await tx.execute('delete from social.friend_request where requester_id = ? and addressee_id = ?', [
      viewerId,
      other,
    ]);
  });
}

/** Ends the friendship; the caller also stops following them. */
export function unfriend(em: EntityManager, viewerId: string, other: string) {
  return between(em, viewerId, other, async (tx) => {
    if (!(await removeFriendship(tx, viewerId, other))) return;
    await removeFollow(tx, viewerId, other);
    await dropFromFeed(tx, viewerId, other);
    announce(tx, 'social.friendship_ended', viewerId, other, {
      userIds: [viewerId, other],
      endedBy: viewerId,
      reason: 'UNFRIENDED',
    });
  });
}

export function follow(em: EntityManager, runtime: SocialRuntime, viewerId: string, other: string) {
  return between(em, viewerId, other, async (tx) => {
    await checkNotBlocked(tx, viewerId, other);
    await addFollow(tx, runtime, viewerId, other);
  });
}

/** Stops following; their activities leave the caller's feed unless they are friends. */
export function unfollow(em: EntityManager, viewerId: string, other: string) {
  return between(em, viewerId, other, async (tx) => {
    await removeFollow(tx, viewerId, other);
    const friends = await tx.execute<unknown[]>(
      'select 1 from social.friend where user_id = ? and friend_id = ?',
      [viewerId, other],
    );
    if (!friends.length) await dropFromFeed(tx, viewerId, other);
  });
}

/** Hides each from the other: friendship, requests and follows end both ways, feeds are cleared. */
export function block(em: EntityManager, viewerId: string, other: string, now: Date) {
  return between(em, viewerId, other, async (tx) => {
    const inserted = await tx.execute<unknown[]>(
      `insert into social.block (blocker_id, blocked_id, created_at) values (?, ?, ?) on conflict do nothing returning blocker_id`,
      [viewerId, other, now],
    );
    if (!inserted.length) return;
    if (await removeFriendship(tx, viewerId, other))
      announce(tx, 'social.friendship_ended', viewerId, other, {
        userIds: [viewerId, other],
        endedBy: viewerId,
        reason: 'BLOCKED',
      });
    await tx.execute(
      `delete from social.friend_request where (requester_id = ? and addressee_id = ?) or (requester_id = ? and addressee_id = ?)`,
      [viewerId, other, other, viewerId],
    );
    await removeFollow(tx, viewerId, other, false);
    await removeFollow(tx, other, viewerId, false);
    await dropFromFeed(tx, viewerId, other);
    await dropFromFeed(tx, other, viewerId);
    announce(tx, 'social.user_blocked', viewerId, other, { blockerId: viewerId, blockedId: other });
  });
}

export function unblock(em: EntityManager, viewerId: string, other: string) {
  return between(em, viewerId, other, async (tx) => {
    const removed = await tx.execute<unknown[]>(
      'delete from social.block where blocker_id = ? and blocked_id = ? returning blocker_id',
      [viewerId, other],
    );
    if (removed.length)
      announce(tx, 'social.user_unblocked', viewerId, other, { blockerId: viewerId, blockedId: other });
  });
}

export function mute(em: EntityManager, viewerId: string, other: string, muted: boolean, now: Date) {
  return between(em, viewerId, other, async (tx) => {
    if (muted)
      await tx.execute(
        'insert into social.mute (muter_id, muted_id, created_at) values (?, ?, ?) on conflict do nothing',
        [viewerId, other, now],
      );
    else await tx.execute('delete from social.mute where muter_id = ? and muted_id = ?', [viewerId, other]);
  });
}
