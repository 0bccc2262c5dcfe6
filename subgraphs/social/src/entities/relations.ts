import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** One direction of a friendship (each friendship is two rows, so either side lists it alike). */
export class Friend {
  [OptionalProps]?: 'since';
  userId!: string;
  friendId!: string;
  since: Date = new Date();
}

export const FriendSchema = new EntitySchema<Friend>({
  class: Friend,
  tableName: 'friend',
  indexes: [{ properties: ['userId', 'since', 'friendId'] }],
  properties: {
    userId: { type: 'uuid', primary: true },
    friendId: { type: 'uuid', primary: true },
    since: { type: 'datetime' },
  },
});

export class FriendRequest {
  [OptionalProps]?: 'createdAt';
  requesterId!: string;
  addresseeId!: string;
  createdAt: Date = new Date();
}

export const FriendRequestSchema = new EntitySchema<FriendRequest>({
  class: FriendRequest,
  tableName: 'friend_request',
  indexes: [{ properties: ['addresseeId', 'createdAt', 'requesterId'] }],
  properties: {
    requesterId: { type: 'uuid', primary: true },
    addresseeId: { type: 'uuid', primary: true },
    createdAt: { type: 'datetime' },
  },
});

export class Follow {
  [OptionalProps]?: 'createdAt';
  followerId!: string;
  followeeId!: string;
  createdAt: Date = new Date();
}

export const FollowSchema = new EntitySchema<Follow>({
  class: Follow,
  tableName: 'follow',
  indexes: [
    { properties: ['followeeId', 'createdAt', 'followerId'] },
    { properties: ['followerId', 'createdAt', 'followeeId'] },
  ],
  properties: {
    followerId: { type: 'uuid', primary: true },
    followeeId: { type: 'uuid', primary: true },
    createdAt: { type: 'datetime' },
  },
});

/** `blockerId` hides everything of theirs from `blockedId`, and the other way round. */
export class Block {
  [OptionalProps]?: 'createdAt';
  blockerId!: string;
  blockedId!: string;
  createdAt: Date = new Date();
}

export const BlockSchema = new EntitySchema<Block>({
  class: Block,
  tableName: 'block',
  indexes: [{ properties: ['blockedId'] }],
  properties: {
    blockerId: { type: 'uuid', primary: true },
    blockedId: { type: 'uuid', primary: true },
    createdAt: { type: 'datetime' },
  },
});

/** `muterId` no longer sees `mutedId`'s activities in their feeds (they are not told). */
export class Mute {
  [OptionalProps]?: 'createdAt';
  muterId!: string;
  mutedId!: string;
  createdAt: Date = new Date();
}

export const MuteSchema = new EntitySchema<Mute>({
  class: Mute,
  tableName: 'mute',
  properties: {
    muterId: { type: 'uuid', primary: true },
    mutedId: { type: 'uuid', primary: true },
    createdAt: { type: 'datetime' },
  },
});

/** A gym the user booked at (from bookings), for "people you may know". */
export class GymVisit {
  userId!: string;
  gymId!: string;
  lastAt!: Date;
}

export const GymVisitSchema = new EntitySchema<GymVisit>({
  class: GymVisit,
  tableName: 'gym_visit',
  indexes: [{ properties: ['gymId'] }],
  properties: {
    userId: { type: 'uuid', primary: true },
    gymId: { type: 'uuid', primary: true },
    lastAt: { type: 'datetime' },
  },
});
