import { defineDomainMetrics } from './registry';

/** 1 when `condition` holds, else 0 (the registry adds nothing for 0: no row). */
const when = (condition: boolean) => (condition ? 1 : 0);

/**
 * What every interaction event says about its activity, as facts keep it: ids, kind and
 * visibility (the events carry no text of the activity).
 */
const ACTIVITY = ['activityId', 'ownerId', 'kind', 'visibility'] as const;

/**
 * The friendship graph (requests, acceptances, endings per reason, follows, unfollows and
 * blocks) and the activity on it: activities posted (in all and per kind: posts, shares, and
 * the activities told by other domains together), deleted, liked and commented (in all and
 * replies to a comment). Metrics have no dimensions, so a reason or a kind is a metric of its
 * own; a domain activity's own kind (BOOKED, ATTENDED, REVIEWED, FRIENDED, and whichever
 * comes next) is read from the facts, which keep `kind`. Facts keep ids, kinds, visibilities,
 * reasons and counts; no text travels in social's events (posts and comments stay in social).
 * Unblocks are facts only, and so is the sharing of a post's pictures with media
 * (`social.attachments_shared`, `social.attachments_unshared`: media counts files).
 */
export const socialMetrics = defineDomainMetrics({
  domain: 'social',
  metrics: {
    'social.friend_requests': 'Friend requests sent',
    'social.friendships_accepted': 'Friend requests accepted (friendships made)',
    'social.friendships_ended': 'Friendships ended (either reason)',
    'social.friendships_ended_unfriended': 'Friendships ended by unfriending',
    'social.friendships_ended_blocked': 'Friendships ended by a block',
    'social.follows': 'Users followed',
    'social.unfollows': 'Users unfollowed',
    'social.blocks': 'Users blocked',
    'social.activities_posted': 'Activities posted (posts, shares and activities told by other domains)',
    'social.posts': 'Posts written (activities of kind POST)',
    'social.shares': 'Activities shared (activities of kind SHARE)',
    'social.domain_activities': 'Activities told from other domains (any kind but POST and SHARE)',
    'social.activities_deleted': 'Activities deleted',
    'social.likes': 'Activities liked',
    'social.comments': 'Comments on activities (replies included)',
    'social.comment_replies': 'Comments answering a comment',
  },
  events: {
    'social.friend_requested': {
      keep: ['requesterId', 'addresseeId'],
      counts: [{ metric: 'social.friend_requests' }],
    },
    'social.friendship_accepted': {
      keep: ['requesterId', 'addresseeId'],
      counts: [{ metric: 'social.friendships_accepted' }],
    },
    'social.friendship_ended': {
      keep: ['userIds', 'endedBy', 'reason'],
      counts: [
        { metric: 'social.friendships_ended' },
        {
          metric: 'social.friendships_ended_unfriended',
          amount: (event) => when(event.data.reason === 'UNFRIENDED'),
        },
        {
          metric: 'social.friendships_ended_blocked',
          amount: (event) => when(event.data.reason === 'BLOCKED'),
        },
      ],
    },
    'social.followed': {
      keep: ['followerId', 'followeeId'],
      counts: [{ metric: 'social.follows' }],
    },
    'social.unfollowed': {
      keep: ['followerId', 'followeeId'],
      counts: [{ metric: 'social.unfollows' }],
    },
    'social.user_blocked': {
      keep: ['blockerId', 'blockedId'],
      counts: [{ metric: 'social.blocks' }],
    },
    'social.user_unblocked': { keep: ['blockerId', 'blockedId'] },
    'social.activity_posted': {
      keep: [...ACTIVITY, 'mediaCount', 'sharedActivityId'],
      counts: [
        { metric: 'social.activities_posted' },
        { metric: 'social.posts', amount: (event) => when(event.data.kind === 'POST') },
        { metric: 'social.shares', amount: (event) => when(event.data.kind === 'SHARE') },
        {
          metric: 'social.domain_activities',
          amount: (event) => when(event.data.kind !== 'POST' && event.data.kind !== 'SHARE'),
        },
      ],
    },
    'social.activity_deleted': {
      keep: [...ACTIVITY],
      counts: [{ metric: 'social.activities_deleted' }],
    },
    'social.activity_liked': {
      keep: [...ACTIVITY, 'likerId'],
      counts: [{ metric: 'social.likes' }],
    },
    'social.activity_commented': {
      keep: [...ACTIVITY, 'commentId', 'authorId', 'parentCommentId', 'parentAuthorId'],
      counts: [
        { metric: 'social.comments' },
        { metric: 'social.comment_replies', amount: (event) => when(event.data.parentCommentId !== null) },
      ],
    },
    // Pictures of a post shared or made private again: facts only, no metric (media counts files).
    'social.attachments_shared': { keep: ['mediaIds', 'ownerId', 'use', 'audiences'] },
    'social.attachments_unshared': { keep: ['use'] },
  },
});
