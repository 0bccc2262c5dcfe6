import { type EntityManager, LockMode, raw } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, forbidden, notFound, validateInput, text } from '@lattice/server-kit';
import { isUuid, type PageArgs, paginate } from '@lattice/subgraph-kit';
import { Activity, Comment, Like } from '../entities';
import type { SocialRuntime } from '../runtime';
import { requireVisible, visibleActivity } from './activities';
import { activityFacts } from './events';

/**
 * Likes an activity the viewer sees. The like row's key makes it idempotent, and the count
 * moves only when a row was written, in the same transaction: exact however many race.
 */
export async function like(em: EntityManager, runtime: SocialRuntime, viewerId: string, id: string) {
  return em.transactional(async (tx) => {
    const activity = await requireVisible(tx, viewerId, id, true);
    const inserted = await tx.execute<unknown[]>(
      `insert into social.activity_like (activity_id, user_id, created_at) values (?, ?, ?)
       on conflict do nothing returning user_id`,
      [activity.id, viewerId, runtime.now()],
    );
    if (inserted.length) {
      await tx.execute('update social.activity set like_count = like_count + 1 where id = ?', [activity.id]);
      recordEvent(
        tx,
        createEvent('social.activity_liked', {
          actor: viewerId,
          subject: activity.id,
          data: { ...activityFacts(activity), likerId: viewerId },
        }),
      );
    }
    return tx.findOneOrFail(Activity, { id: activity.id }, { refresh: true });
  });
}

export async function unlike(em: EntityManager, viewerId: string, id: string) {
  return em.transactional(async (tx) => {
    const activity = await requireVisible(tx, viewerId, id, true);
    const removed = await tx.execute<unknown[]>(
      'delete from social.activity_like where activity_id = ? and user_id = ? returning user_id',
      [activity.id, viewerId],
    );
    if (removed.length)
      await tx.execute('update social.activity set like_count = like_count - 1 where id = ?', [activity.id]);
    return tx.findOneOrFail(Activity, { id: activity.id }, { refresh: true });
  });
}

const body = text(2000, { multiline: true }).refine((value) => value !== '', {
  message: 'must not be blank',
});

/** Comments on an activity the viewer sees, or answers one of its top-level comments. */
export async function comment(
  em: EntityManager,
  runtime: SocialRuntime,
  viewerId: string,
  args: { activityId: string; body: string; parentId?: string | null },
): Promise<Comment> {
  const words = validateInput(body, args.body, 'body');
  return em.transactional(async (tx) => {
    const activity = await requireVisible(tx, viewerId, args.activityId, true);
    let parent: Comment | null = null;
    if (args.parentId) {
      // Locked until commit: its deletion waits and takes this reply, or goes first.
      parent = isUuid(args.parentId)
        ? await tx.findOne(
            Comment,
            { id: args.parentId, activityId: activity.id },
            { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
          )
        : null;
      // A comment of someone blocked either way is not there for the caller (and is not told).
      if (parent && (await blockedEitherWay(tx, viewerId, parent.authorId))) parent = null;
      if (!parent) throw badUserInput('parentId: not a comment of this activity', 'parentId');
      if (parent.parentId)
        throw badUserInput('parentId: replies are one level deep: answer its comment', 'parentId');
      await tx.execute('update social.comment set reply_count = reply_count + 1 where id = ?', [parent.id]);
    }
    const created = tx.create(Comment, {
      activityId: activity.id,
      parentId: parent?.id ?? null,
      authorId: viewerId,
      body: words,
      createdAt: runtime.now(),
    });
    await tx.execute('update social.activity set comment_count = comment_count + 1 where id = ?', [
      activity.id,
    ]);
    recordEvent(
      tx,
      createEvent('social.activity_commented', {
        actor: viewerId,
        subject: activity.id,
        data: {
          ...activityFacts(activity),
          commentId: created.id,
          authorId: viewerId,
          parentCommentId: parent?.id ?? null,
          parentAuthorId: parent?.authorId ?? null,
        },
      }),
    );
    return created;
  });
}

/** Its author, or the activity's, deletes a comment (with its replies; the counts follow). */
export async function deleteComment(em: EntityManager, viewerId: string, id: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    // Locked: a second deletion at once finds nothing, and replies being written are waited for.
    const found = isUuid(id)
      ? await tx.findOne(Comment, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
      : null;
    const activity = found ? await visibleActivity(tx, viewerId, found.activityId) : null;
    if (!found || !activity) throw notFound('No such comment');
    if (found.authorId !== viewerId && activity.actorId !== viewerId)
      throw forbidden('Only its author or the activity’s deletes a comment');
    const removed = await tx.execute<unknown[]>(
      'delete from social.comment where id = ? or parent_id = ? returning id',
      [found.id, found.id],
    );
    await tx.execute('update social.activity set comment_count = comment_count - ? where id = ?', [
      removed.length,
      activity.id,
    ]);
    if (found.parentId && removed.length)
      await tx.execute('update social.comment set reply_count = reply_count - 1 where id = ?', [
        found.parentId,
      ]);
    return true;
  });
}

async function blockedEitherWay(em: EntityManager, viewerId: string, otherId: string): Promise<boolean> {
  const rows = await em.execute<unknown[]>(
    `select 1 from social.block
     where (blocker_id = ? and blocked_id = ?) or (blocker_id = ? and blocked_id = ?)`,
    [viewerId, otherId, otherId, viewerId],
  );
  return rows.length > 0;
}

/** Leaves out rows by anyone the viewer blocked or was blocked by (column `column`). */
const notBlockedWith = (viewerId: string | null, column: string) =>
  viewerId
    ? {
        [raw(
          (alias) => `not exists (select 1 from social.block b
            where (b.blocker_id = ${alias}.${column} and b.blocked_id = ?) or (b.blocker_id = ? and b.blocked_id = ${alias}.${column}))`,
          [viewerId, viewerId],
        )]: [],
      }
    : {};

/**
 * Top-level comments (or a comment's replies), oldest first; none by anyone blocked either way
 * with the viewer (the counts still count them).
 */
export function comments(
  em: EntityManager,
  activityId: string,
  parentId: string | null,
  page: PageArgs,
  viewerId: string | null,
) {
  return paginate(em, Comment, { activityId, parentId, ...notBlockedWith(viewerId, 'author_id') }, page, {
    orderBy: ['createdAt', 'id'],
  });
}

/** Who likes an activity, latest first; no one blocked either way with the viewer. */
export function likers(em: EntityManager, activityId: string, page: PageArgs, viewerId: string | null) {
  return paginate(em, Like, { activityId, ...notBlockedWith(viewerId, 'user_id') }, page, {
    orderBy: ['createdAt', 'userId'],
    direction: 'desc',
    defaultFirst: 3,
  });
}
