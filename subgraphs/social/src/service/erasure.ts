import { type EventApplier, isUuid } from '@lattice/subgraph-kit';
import { Activity } from '../entities';
import type { SocialRuntime } from '../runtime';
import { removeActivities } from './activities';

/**
 * A deleted user leaves no trace: their activities (with the likes and comments on them),
 * their likes and comments elsewhere (counts follow), and every relation, with the counts of
 * the people they touched.
 */
export const eraseUserSocial: EventApplier<SocialRuntime, 'identity.user_deleted'> = async (em, event) => {
  const userId = event.data.userId;
  if (!isUuid(userId)) return;
  // Theirs, and others' "became friends with" naming them.
  await removeActivities(em, await em.find(Activity, { $or: [{ actorId: userId }, { friendId: userId }] }));
  await em.execute(
    `update social.activity a set like_count = like_count - 1
     from social.activity_like l where l.user_id = ? and l.activity_id = a.id`,
    [userId],
  );
  await em.execute('delete from social.activity_like where user_id = ?', [userId]);
  // Counted per parent: UPDATE … FROM changes a row once however many of their replies it has.
  await em.execute(
    `update social.comment p set reply_count = p.reply_count - n.replies
     from (select parent_id, count(*)::int as replies from social.comment
           where author_id = ? and parent_id is not null group by parent_id) n
     where n.parent_id = p.id`,
    [userId],
  );
  await em.execute(
    `with gone as (delete from social.comment c where c.author_id = ? or c.parent_id in (select id from social.comment where author_id = ?) returning activity_id)
     update social.activity a set comment_count = comment_count - n.count
     from (select activity_id, count(*) from gone group by activity_id) n where n.activity_id = a.id`,
    [userId, userId],
  );
  await em.execute(
    `update social.person p set friend_count = friend_count - 1 from social.friend f where f.user_id = ? and f.friend_id = p.user_id`,
    [userId],
  );
  await em.execute(
    `update social.person p set follower_count = follower_count - 1 from social.follow f where f.follower_id = ? and f.followee_id = p.user_id`,
    [userId],
  );
  await em.execute(
    `update social.person p set following_count = following_count - 1 from social.follow f where f.followee_id = ? and f.follower_id = p.user_id`,
    [userId],
  );
  for (const sql of [
    'delete from social.friend where user_id = ? or friend_id = ?',
    'delete from social.friend_request where requester_id = ? or addressee_id = ?',
    'delete from social.follow where follower_id = ? or followee_id = ?',
    'delete from social.block where blocker_id = ? or blocked_id = ?',
    'delete from social.mute where muter_id = ? or muted_id = ?',
    'delete from social.feed_item where owner_id = ? or actor_id = ?',
  ])
    await em.execute(sql, [userId, userId]);
  await em.execute('delete from social.gym_visit where user_id = ?', [userId]);
  await em.execute('delete from social.person where user_id = ?', [userId]);
};
