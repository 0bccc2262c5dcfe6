import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';
import type { ActivityVisibility } from '@lattice/events';

export type { ActivityVisibility };
export type ActivityKind = 'POST' | 'SHARE' | 'BOOKED' | 'ATTENDED' | 'REVIEWED' | 'FRIENDED';

/** Something a user did or said. Its counts are kept exact with each like, comment and share. */
export class Activity {
  [OptionalProps]?:
    | 'id'
    | 'text'
    | 'mediaIds'
    | 'sharedActivityId'
    | 'gymName'
    | 'sessionTitle'
    | 'sessionStartsAt'
    | 'rating'
    | 'friendId'
    | 'likeCount'
    | 'commentCount'
    | 'shareCount'
    | 'sourceEventId'
    | 'createdAt';
  id: string = randomUUID();
  actorId!: string;
  kind!: ActivityKind;
  visibility!: ActivityVisibility;
  text: string | null = null;
  mediaIds: string[] = [];
  sharedActivityId: string | null = null;
  gymName: string | null = null;
  sessionTitle: string | null = null;
  sessionStartsAt: Date | null = null;
  rating: number | null = null;
  friendId: string | null = null;
  likeCount: number = 0;
  commentCount: number = 0;
  shareCount: number = 0;
  /** The domain event it tells (one activity per event, however often it is delivered). */
  sourceEventId: string | null = null;
  createdAt: Date = new Date();
}

export const ActivitySchema = new EntitySchema<Activity>({
  class: Activity,
  tableName: 'activity',
  indexes: [
    { properties: ['actorId', 'createdAt', 'id'] },
    { properties: ['visibility', 'createdAt', 'id'] },
  ],
  uniques: [{ properties: ['sourceEventId'] }],
  checks: [
    {
      name: 'activity_counts_check',
      expression: 'like_count >= 0 and comment_count >= 0 and share_count >= 0',
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    actorId: { type: 'uuid' },
    kind: { type: 'string', length: 10 },
    visibility: { type: 'string', length: 10 },
    text: { type: 'text', nullable: true },
    mediaIds: { type: 'json' },
    sharedActivityId: { type: 'uuid', nullable: true },
    gymName: { type: 'string', length: 200, nullable: true },
    sessionTitle: { type: 'string', length: 200, nullable: true },
    sessionStartsAt: { type: 'datetime', nullable: true },
    rating: { type: 'smallint', nullable: true },
    friendId: { type: 'uuid', nullable: true },
    likeCount: { type: 'integer' },
    commentCount: { type: 'integer' },
    shareCount: { type: 'integer' },
    sourceEventId: { type: 'string', length: 100, nullable: true },
    createdAt: { type: 'datetime' },
  },
});

/**
 * An activity pushed into a reader's home feed at write time (see service/fan-out.ts): the
 * feed is read from here, newest first, merged with the activities of very followed accounts,
 * which are pulled at read time instead.
 */
export class FeedItem {
  ownerId!: string;
  activityId!: string;
  actorId!: string;
  createdAt!: Date;
}

export const FeedItemSchema = new EntitySchema<FeedItem>({
  class: FeedItem,
  tableName: 'feed_item',
  indexes: [{ properties: ['ownerId', 'createdAt', 'activityId'] }, { properties: ['ownerId', 'actorId'] }],
  properties: {
    ownerId: { type: 'uuid', primary: true },
    activityId: { type: 'uuid', primary: true },
    actorId: { type: 'uuid' },
    createdAt: { type: 'datetime' },
  },
});

export class Like {
  [OptionalProps]?: 'createdAt';
  activityId!: string;
  userId!: string;
  createdAt: Date = new Date();
}

export const LikeSchema = new EntitySchema<Like>({
  class: Like,
  tableName: 'activity_like',
  indexes: [{ properties: ['activityId', 'createdAt', 'userId'] }, { properties: ['createdAt'] }],
  properties: {
    activityId: { type: 'uuid', primary: true },
    userId: { type: 'uuid', primary: true },
    createdAt: { type: 'datetime' },
  },
});

export class Comment {
  [OptionalProps]?: 'id' | 'parentId' | 'replyCount' | 'createdAt';
  id: string = randomUUID();
  activityId!: string;
  /** The comment answered; replies are one level deep. */
  parentId: string | null = null;
  authorId!: string;
  body!: string;
  replyCount: number = 0;
  createdAt: Date = new Date();
}

export const CommentSchema = new EntitySchema<Comment>({
  class: Comment,
  tableName: 'comment',
  indexes: [
    { properties: ['activityId', 'createdAt', 'id'] },
    { properties: ['parentId', 'createdAt', 'id'] },
    { properties: ['createdAt'] },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    activityId: { type: 'uuid' },
    parentId: { type: 'uuid', nullable: true },
    authorId: { type: 'uuid' },
    body: { type: 'text' },
    replyCount: { type: 'integer' },
    createdAt: { type: 'datetime' },
  },
});
