import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, forbidden, text, validateInput } from '@lattice/server-kit';
import { isUuid, type PageArgs, pageSize } from '@lattice/subgraph-kit';
import { z } from 'zod';
import { Activity, type ActivityVisibility } from '../entities';
import type { SocialRuntime } from '../runtime';
import { activityFacts, activityUse } from './events';
import { pushToFeeds } from './fan-out';
import { afterCursor, type ActivityPage, pageOf } from './pages';
import { activityId, activityNotFound } from './validation';
import { VISIBLE_TO_VIEWER, visibleParams } from './visibility';

const postInput = z
  .object({
    text: text(5000, { multiline: true })
      .nullish()
      .transform((value) => value || null),
    mediaIds: z
      .array(z.string())
      .max(10, 'must be at most 10 pictures')
      .nullish()
      .refine((ids) => (ids ?? []).every(isUuid), { message: 'must be media ids' })
      .transform((ids) => [...new Set((ids ?? []).map((id) => id.toLowerCase()))]),
    visibility: z.enum(['PUBLIC', 'FRIENDS', 'PRIVATE']).nullish(),
  })
  .refine((post) => post.text || post.mediaIds.length, {
    message: 'a post needs text or pictures',
    path: ['text'],
  });

/**
 * Writes an activity, pushes it into its audience's feeds, tells media who may see its
 * pictures, announces it, and queues its live update, all in the caller's transaction.
 */
export async function publish(
  em: EntityManager,
  runtime: SocialRuntime,
  activity: Activity,
): Promise<Activity> {
  em.persist(activity);
  await em.flush();
  await pushToFeeds(em, activity, runtime.settings);
  shareMedia(em, activity);
  recordEvent(
    em,
    createEvent('social.activity_posted', {
      actor: activity.actorId,
      subject: activity.id,
      data: {
        ...activityFacts(activity),
        mediaCount: activity.mediaIds.length,
        sharedActivityId: activity.sharedActivityId,
      },
    }),
  );
  runtime.live.afterCommit(em, { activityId: activity.id, actorId: activity.actorId });
  return activity;
}

/** Media lets the activity's audience read its pictures (the actor's own only). */
function shareMedia(em: EntityManager, activity: Activity): void {
  if (!activity.mediaIds.length) return;
  const audiences: Record<ActivityVisibility, string[]> = {
    PUBLIC: ['public'],
    FRIENDS: [`friends:${activity.actorId}`],
    PRIVATE: [],
  };
  recordEvent(
    em,
    createEvent('social.attachments_unshared', {
      actor: activity.actorId,
      subject: activity.id,
      data: { use: activityUse(activity.id) },
    }),
  );
  recordEvent(
    em,
    createEvent('social.attachments_shared', {
      actor: activity.actorId,
      subject: activity.id,
      data: {
        mediaIds: activity.mediaIds,
        ownerId: activity.actorId,
        use: activityUse(activity.id),
        audiences: audiences[activity.visibility],
      },
    }),
  );
}

export async function post(em: EntityManager, runtime: SocialRuntime, viewerId: string, input: unknown) {
  const fields = validateInput(postInput, input);
  return em.transactional((tx) =>
    publish(
      tx,
      runtime,
      tx.create(Activity, {
        actorId: viewerId,
        kind: 'POST',
        visibility: fields.visibility ?? 'FRIENDS',
        text: fields.text,
        mediaIds: fields.mediaIds,
        createdAt: runtime.now(),
      }),
    ),
  );
}

/** The activity when `viewerId` may see it; null otherwise (as if it did not exist). */
export async function visibleActivity(
  em: EntityManager,
  viewerId: string,
  id: string,
  lock = false,
): Promise<Activity | null> {
  if (!isUuid(id)) return null;
  const [row] = await em.execute<Array<Record<string, unknown>>>(
    `select a.* from social.activity a where a.id = ? and ${VISIBLE_TO_VIEWER}${lock ? ' for key share of a' : ''}`,
    [id, ...visibleParams(viewerId)],
  );
  return row ? em.map(Activity, row) : null;
}

/**
 * The visible activity or NOT_FOUND. With `lock` (in a transaction that adds to it: a like, a
 * comment, a share), it is held until commit, so a deletion waits and then takes what was added,
 * or goes first and the addition finds nothing.
 */
export async function requireVisible(
  em: EntityManager,
  viewerId: string,
  id: string,
  lock = false,
): Promise<Activity> {
  const activity = await visibleActivity(em, viewerId, activityId(id), lock);
  if (!activity) throw activityNotFound();
  return activity;
}

const shareText = text(5000, { multiline: true })
  .nullish()
  .transform((value) => value || null);

/**
 * Shares an activity the caller sees; a share is never wider than what it shares (a FRIENDS
 * post shared publicly would reach people its author did not choose).
 */
export async function share(
  em: EntityManager,
  runtime: SocialRuntime,
  viewerId: string,
  id: string,
  input: { text?: string | null; visibility?: ActivityVisibility | null },
) {
  const words = validateInput(shareText, input.text, 'text');
  return em.transactional(async (tx) => {
    const original = await requireVisible(tx, viewerId, id, true);
    const visibility = input.visibility ?? 'FRIENDS';
    if (original.visibility !== 'PUBLIC' && visibility !== 'PRIVATE')
      throw badUserInput('visibility: only public activities are shared beyond yourself', 'visibility');
    await tx.execute('update social.activity set share_count = share_count + 1 where id = ?', [original.id]);
    return publish(
      tx,
      runtime,
      tx.create(Activity, {
        actorId: viewerId,
        kind: 'SHARE',
        visibility,
        text: words,
        sharedActivityId: original.id,
        createdAt: runtime.now(),
      }),
    );
  });
}

/** The caller's activity, locked until commit (two deletions at once: the second finds nothing). */
async function ownActivity(em: EntityManager, viewerId: string, id: string): Promise<Activity> {
  const activity = await em.findOne(
    Activity,
    { id: activityId(id) },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
  if (!activity || (await visibleActivity(em, viewerId, activity.id)) === null) throw activityNotFound();
  if (activity.actorId !== viewerId) throw forbidden('Only its author changes an activity');
  return activity;
}

/** Narrowing applies everywhere at once (reads filter); widening reaches new readers from now on. */
export async function setVisibility(
  em: EntityManager,
  viewerId: string,
  id: string,
  visibility: ActivityVisibility,
): Promise<Activity> {
  return em.transactional(async (tx) => {
    const activity = await ownActivity(tx, viewerId, id);
    if (activity.kind === 'SHARE' && visibility !== 'PRIVATE') {
      // As when sharing: a share never reaches wider than the public.
      const original = activity.sharedActivityId
        ? await tx.findOne(Activity, { id: activity.sharedActivityId })
        : null;
      if (original?.visibility !== 'PUBLIC')
        throw badUserInput('visibility: only public activities are shared beyond yourself', 'visibility');
    }
    activity.visibility = visibility;
    shareMedia(tx, activity);
    return activity;
  });
}

export async function deleteActivity(em: EntityManager, viewerId: string, id: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    const activity = await ownActivity(tx, viewerId, id);
    await removeActivities(tx, [activity]);
    return true;
  });
}

/** Removes activities with their feed items, likes and comments; shares of them lose their original. */
export async function removeActivities(em: EntityManager, activities: Activity[]): Promise<void> {
  if (!activities.length) return;
  const ids = activities.map((activity) => activity.id);
  await em.execute('delete from social.feed_item where activity_id in (?)', [ids]);
  await em.execute('delete from social.activity_like where activity_id in (?)', [ids]);
  await em.execute('delete from social.comment where activity_id in (?)', [ids]);
  // One statement per original, however many of its shares go (UPDATE … FROM changes a row once).
  await em.execute(
    `update social.activity o set share_count = o.share_count - n.shares
     from (select shared_activity_id, count(*)::int as shares from social.activity
           where id in (?) and shared_activity_id is not null group by shared_activity_id) n
     where n.shared_activity_id = o.id`,
    [ids],
  );
  await em.execute('delete from social.activity where id in (?)', [ids]);
  for (const activity of activities) {
    recordEvent(
      em,
      createEvent('social.activity_deleted', {
        actor: null,
        subject: activity.id,
        data: activityFacts(activity),
      }),
    );
    if (activity.mediaIds.length)
      recordEvent(
        em,
        createEvent('social.attachments_unshared', {
          actor: null,
          subject: activity.id,
          data: { use: activityUse(activity.id) },
        }),
      );
  }
}

/** One person's activities the viewer may see, latest first. */
export async function userActivity(
  em: EntityManager,
  viewerId: string,
  actorId: string,
  page: PageArgs,
): Promise<ActivityPage> {
  const first = pageSize(page);
  const after = afterCursor(page, 'a');
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `select a.* from social.activity a
     where a.actor_id = ? and ${VISIBLE_TO_VIEWER} ${after.sql}
     order by a.created_at desc, a.id desc limit ?`,
    [actorId, ...visibleParams(viewerId), ...after.params, first + 1],
  );
  return pageOf(em, rows, first);
}
