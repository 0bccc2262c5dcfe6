import { ActivitySchema, CommentSchema, FeedItemSchema, LikeSchema } from './activity';
import { PersonSchema } from './person';
import {
  BlockSchema,
  FollowSchema,
  FriendRequestSchema,
  FriendSchema,
  GymVisitSchema,
  MuteSchema,
} from './relations';

export { Activity, type ActivityKind, type ActivityVisibility, Comment, FeedItem, Like } from './activity';
export { Person } from './person';
export { Block, Follow, Friend, FriendRequest, GymVisit, Mute } from './relations';

export const entities = [
  PersonSchema,
  FriendSchema,
  FriendRequestSchema,
  FollowSchema,
  BlockSchema,
  MuteSchema,
  GymVisitSchema,
  ActivitySchema,
  FeedItemSchema,
  LikeSchema,
  CommentSchema,
];
