/**
 * The SQL condition "the viewer may see activity `a`": never across a block (either way), nor
 * a new friendship with someone blocked either way; always their own; PUBLIC to everyone;
 * FRIENDS to the actor's friends now (not when posted). Takes the viewer's id six times
 * (visibleParams).
 */
export const VISIBLE_TO_VIEWER = `
  not exists (select 1 from social.block b
              where (b.blocker_id = a.actor_id and b.blocked_id = ?) or (b.blocker_id = ? and b.blocked_id = a.actor_id))
  and (a.actor_id = ? or a.visibility = 'PUBLIC'
       or (a.visibility = 'FRIENDS' and exists (
             select 1 from social.friend f where f.user_id = a.actor_id and f.friend_id = ?)))
  and (a.friend_id is null or not exists (select 1 from social.block fb
              where (fb.blocker_id = a.friend_id and fb.blocked_id = ?) or (fb.blocker_id = ? and fb.blocked_id = a.friend_id)))`;

/** The parameters of VISIBLE_TO_VIEWER. */
export const visibleParams = (viewerId: string) => [
  viewerId,
  viewerId,
  viewerId,
  viewerId,
  viewerId,
  viewerId,
];

/** Feeds also leave out whom the viewer muted. Takes the viewer's id once. */
export const NOT_MUTED = `not exists (select 1 from social.mute m where m.muter_id = ? and m.muted_id = a.actor_id)`;
