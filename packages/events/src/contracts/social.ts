import type { EventSpecs } from './define';

export type ActivityVisibility = 'PUBLIC' | 'FRIENDS' | 'PRIVATE';

/** What social's interaction events say about the activity concerned (never its text). */
export interface ActivityFacts {
  activityId: string;
  /** Whose activity it is. */
  ownerId: string;
  /** POST, SHARE, or the domain event it tells (BOOKED, ATTENDED, REVIEWED, FRIENDED). */
  kind: string;
  visibility: ActivityVisibility;
}

/** Events social publishes: the friendship graph, posts and the interactions on them. */
export interface SocialEvents {
  'social.friend_requested': { version: 1; data: { requesterId: string; addresseeId: string } };
  'social.friendship_accepted': { version: 1; data: { requesterId: string; addresseeId: string } };
  /** Unfriended, or a block ended it; `endedBy` is who did. */
  'social.friendship_ended': {
    version: 1;
    data: { userIds: [string, string]; endedBy: string; reason: 'UNFRIENDED' | 'BLOCKED' };
  };
  'social.followed': { version: 1; data: { followerId: string; followeeId: string } };
  'social.unfollowed': { version: 1; data: { followerId: string; followeeId: string } };
  /** Hides each from the other everywhere; says nothing to the blocked user. */
  'social.user_blocked': { version: 1; data: { blockerId: string; blockedId: string } };
  'social.user_unblocked': { version: 1; data: { blockerId: string; blockedId: string } };
  /** A post, a share, or a domain event told as an activity. */
  'social.activity_posted': {
    version: 1;
    data: ActivityFacts & { mediaCount: number; sharedActivityId: string | null };
  };
  'social.activity_deleted': { version: 1; data: ActivityFacts };
  'social.activity_liked': { version: 1; data: ActivityFacts & { likerId: string } };
  'social.activity_commented': {
    version: 1;
    data: ActivityFacts & {
      commentId: string;
      authorId: string;
      /** The comment answered (one level of threads), and its author. */
      parentCommentId: string | null;
      parentAuthorId: string | null;
    };
  };
  /**
   * Pictures of a post: media lets the `audiences` read the ones `ownerId` owns (`public`
   * for everyone, `friends:<owner>` for their friends, `user:<id>` for one user). `use` is
   * `activity:<id>`.
   */
  'social.attachments_shared': {
    version: 1;
    data: { mediaIds: string[]; ownerId: string; use: string; audiences: string[] };
  };
  /** Every file shared for that use is private again (the post was deleted). */
  'social.attachments_unshared': { version: 1; data: { use: string } };
}

export const socialEvents: EventSpecs<SocialEvents> = {
  'social.friend_requested': { version: 1 },
  'social.friendship_accepted': { version: 1 },
  'social.friendship_ended': { version: 1 },
  'social.followed': { version: 1 },
  'social.unfollowed': { version: 1 },
  'social.user_blocked': { version: 1 },
  'social.user_unblocked': { version: 1 },
  'social.activity_posted': { version: 1 },
  'social.activity_deleted': { version: 1 },
  'social.activity_liked': { version: 1 },
  'social.activity_commented': { version: 1 },
  'social.attachments_shared': { version: 1 },
  'social.attachments_unshared': { version: 1 },
};
