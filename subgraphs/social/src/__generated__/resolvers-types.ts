import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Reference as ReferenceModel } from '../service/references';
import type { Activity as ActivityModel, Comment as CommentModel } from '../entities';
import type { Relationship as RelationshipModel } from '../service/graph';
import type { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time in UTC, e.g. `2026-11-22T10:00:00.000Z`. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Something a user did or said, in feeds. */
export type Activity = {
  __typename?: 'Activity';
  actor: User;
  commentCount: Scalars['Int']['output'];
  /** Comments, oldest first; each has its replies (one level). */
  comments: CommentConnection;
  createdAt: Scalars['DateTime']['output'];
  /** For a new friendship: the friend. */
  friend?: Maybe<User>;
  /** For activities from bookings: the gym and the session. */
  gymName?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  kind: ActivityKind;
  likeCount: Scalars['Int']['output'];
  /** Whether the caller likes it. */
  likedByMe: Scalars['Boolean']['output'];
  /** Who likes it, latest first ("Ada and 3 others like this"). */
  likers: PeopleConnection;
  /** Pictures of a post (one the actor does not own resolves as null). */
  media: Array<Maybe<Media>>;
  /** For a review: its rating, 1 to 5. */
  rating?: Maybe<Scalars['Int']['output']>;
  sessionStartsAt?: Maybe<Scalars['DateTime']['output']>;
  sessionTitle?: Maybe<Scalars['String']['output']>;
  shareCount: Scalars['Int']['output'];
  /** For a share: the activity shared (null when the caller may not see it, or it was deleted). */
  shared?: Maybe<Activity>;
  /** The post's or share's text. */
  text?: Maybe<Scalars['String']['output']>;
  visibility: ActivityVisibility;
};


/** Something a user did or said, in feeds. */
export type ActivityCommentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Something a user did or said, in feeds. */
export type ActivityLikersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of activities. */
export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  edges: Array<ActivityEdge>;
  pageInfo: PageInfo;
};

/** An activity and its position in the list. */
export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  cursor: Scalars['String']['output'];
  node: Activity;
};

/**
 * What an activity tells: a post, a share of another activity, or something done in another
 * domain (a session booked or attended, a review, a new friendship).
 */
export type ActivityKind =
  | 'ATTENDED'
  | 'BOOKED'
  | 'FRIENDED'
  | 'POST'
  | 'REVIEWED'
  | 'SHARE';

/**
 * Who sees an activity: everyone (PUBLIC), the actor's friends (FRIENDS), the actor alone (PRIVATE).
 * Every read respects it, and blocks hide everything both ways.
 */
export type ActivityVisibility =
  | 'FRIENDS'
  | 'PRIVATE'
  | 'PUBLIC';

/** A comment on an activity, or a reply to one. */
export type Comment = {
  __typename?: 'Comment';
  author: User;
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The comment this one answers. */
  parentId?: Maybe<Scalars['ID']['output']>;
  replies: CommentConnection;
  replyCount: Scalars['Int']['output'];
};


/** A comment on an activity, or a reply to one. */
export type CommentRepliesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of comments. */
export type CommentConnection = {
  __typename?: 'CommentConnection';
  edges: Array<CommentEdge>;
  pageInfo: PageInfo;
};

/** A comment and its position in the list. */
export type CommentEdge = {
  __typename?: 'CommentEdge';
  cursor: Scalars['String']['output'];
  node: Comment;
};

/** Where a friendship between the caller and a user is. */
export type FriendshipState =
  | 'FRIENDS'
  | 'NONE'
  | 'REQUEST_RECEIVED'
  | 'REQUEST_SENT';

export type Media = {
  __typename?: 'Media';
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Hides each from the other everywhere, and ends friendship, requests and follows both ways. */
  block: Relationship;
  /** Withdraws a request the caller sent. */
  cancelFriendRequest: Relationship;
  /** Comments on an activity, or answers a comment (`parentId`; replies are one level deep). */
  comment: Comment;
  /** Deletes one of the caller's activities (with its likes and comments). */
  deleteActivity: Scalars['Boolean']['output'];
  /** Deletes the caller's comment, or any comment on the caller's activity. */
  deleteComment: Scalars['Boolean']['output'];
  follow: Relationship;
  /** Likes an activity; liking again changes nothing. */
  like: Activity;
  /** Takes the user's activities out of the caller's feeds (they are not told). */
  mute: Relationship;
  /** Posts text and pictures. */
  post: Activity;
  /** Accepts or declines a request from the user. */
  respondToFriendRequest: Relationship;
  /** Asks a user to be friends (accepts theirs when they asked first). Following comes with it. */
  sendFriendRequest: Relationship;
  /** Changes who sees one of the caller's activities. */
  setActivityVisibility: Activity;
  /** Shares a public activity (or a friend's, to friends) with the caller's own text. */
  share: Activity;
  unblock: Relationship;
  unfollow: Relationship;
  unfriend: Relationship;
  unlike: Activity;
  unmute: Relationship;
};


export type MutationBlockArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationCancelFriendRequestArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationCommentArgs = {
  activityId: Scalars['ID']['input'];
  body: Scalars['String']['input'];
  parentId?: InputMaybe<Scalars['ID']['input']>;
};


export type MutationDeleteActivityArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteCommentArgs = {
  id: Scalars['ID']['input'];
};


export type MutationFollowArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationLikeArgs = {
  activityId: Scalars['ID']['input'];
};


export type MutationMuteArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationPostArgs = {
  input: PostInput;
};


export type MutationRespondToFriendRequestArgs = {
  accept: Scalars['Boolean']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationSendFriendRequestArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationSetActivityVisibilityArgs = {
  id: Scalars['ID']['input'];
  visibility: ActivityVisibility;
};


export type MutationShareArgs = {
  activityId: Scalars['ID']['input'];
  text?: InputMaybe<Scalars['String']['input']>;
  visibility?: InputMaybe<ActivityVisibility>;
};


export type MutationUnblockArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationUnfollowArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationUnfriendArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationUnlikeArgs = {
  activityId: Scalars['ID']['input'];
};


export type MutationUnmuteArgs = {
  userId: Scalars['ID']['input'];
};

/** Pagination state of a list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A page of people. */
export type PeopleConnection = {
  __typename?: 'PeopleConnection';
  edges: Array<PersonEdge>;
  pageInfo: PageInfo;
};

/** A person and their position in the list. */
export type PersonEdge = {
  __typename?: 'PersonEdge';
  cursor: Scalars['String']['output'];
  node: User;
};

/** A new post. */
export type PostInput = {
  /** Up to 10 of the caller's own images. */
  mediaIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Up to 5,000 characters; a post needs text or pictures. */
  text?: InputMaybe<Scalars['String']['input']>;
  visibility?: InputMaybe<ActivityVisibility>;
};

export type Query = {
  __typename?: 'Query';
  /** One activity, when the caller may see it (NOT_FOUND otherwise). */
  activity: Activity;
  /** Public activities of people the caller does not follow, latest first. */
  discoverFeed: ActivityConnection;
  /** Friend requests to the caller (`incoming`), or from them, latest first. */
  friendRequests: PeopleConnection;
  /**
   * What the people the caller follows and their friends did, and their own activities, latest
   * first.
   */
  homeFeed: ActivityConnection;
  /** Friends of friends and people from the same gyms, most in common first. */
  peopleYouMayKnow: Array<SuggestedPerson>;
  /** People by name (word prefixes), for finding friends. */
  searchPeople: PeopleConnection;
  /** Public activities with the most likes, comments and shares in the last 24 hours. */
  trending: Array<Activity>;
};


export type QueryActivityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryDiscoverFeedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryFriendRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  incoming?: InputMaybe<Scalars['Boolean']['input']>;
};


export type QueryHomeFeedArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPeopleYouMayKnowArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySearchPeopleArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
};


export type QueryTrendingArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** How the caller and another user stand. */
export type Relationship = {
  __typename?: 'Relationship';
  /** Whether the caller blocked them. */
  blocked: Scalars['Boolean']['output'];
  /** Whether they follow the caller. */
  followedBy: Scalars['Boolean']['output'];
  /** Whether the caller follows them. */
  following: Scalars['Boolean']['output'];
  friendship: FriendshipState;
  /** Whether the caller muted them (their activities leave the caller's feeds). */
  muted: Scalars['Boolean']['output'];
  user: User;
};

/** Counts of a user's relations. */
export type SocialCounts = {
  __typename?: 'SocialCounts';
  followers: Scalars['Int']['output'];
  following: Scalars['Int']['output'];
  friends: Scalars['Int']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** New activities of the caller's home feed, live. */
  feedUpdated: Activity;
};

/** Someone the caller may know, and why. */
export type SuggestedPerson = {
  __typename?: 'SuggestedPerson';
  mutualFriends: Scalars['Int']['output'];
  /** Gyms both booked sessions at. */
  sharedGyms: Scalars['Int']['output'];
  user: User;
};

export type User = {
  __typename?: 'User';
  /** The user's activities the caller may see, latest first. */
  activity?: Maybe<ActivityConnection>;
  /** Who follows the user, latest first. */
  followers?: Maybe<PeopleConnection>;
  /** Whom the user follows, latest first. */
  following?: Maybe<PeopleConnection>;
  /** The user's friends, latest first. Hidden (empty) between users who blocked one another. */
  friends?: Maybe<PeopleConnection>;
  id: Scalars['ID']['output'];
  /** Friends the user and the caller have in common. */
  mutualFriends?: Maybe<PeopleConnection>;
  /** How the caller and the user stand (null for oneself or when signed out). */
  relationship?: Maybe<Relationship>;
  /** How many friends, followers and followed accounts the user has. */
  socialCounts?: Maybe<SocialCounts>;
};


export type UserActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type UserFollowersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type UserFollowingArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type UserFriendsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type UserMutualFriendsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Activity: Activity;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Activity:
    ( { __typename: 'Activity' }
    & GraphQLRecursivePick<FederationTypes['Activity'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Activity: ResolverTypeWrapper<ActivityModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ActivityConnection: ResolverTypeWrapper<Omit<ActivityConnection, 'edges'> & { edges: Array<ResolversTypes['ActivityEdge']> }>;
  ActivityEdge: ResolverTypeWrapper<Omit<ActivityEdge, 'node'> & { node: ResolversTypes['Activity'] }>;
  ActivityKind: ActivityKind;
  ActivityVisibility: ActivityVisibility;
  Comment: ResolverTypeWrapper<CommentModel>;
  CommentConnection: ResolverTypeWrapper<Omit<CommentConnection, 'edges'> & { edges: Array<ResolversTypes['CommentEdge']> }>;
  CommentEdge: ResolverTypeWrapper<Omit<CommentEdge, 'node'> & { node: ResolversTypes['Comment'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FriendshipState: FriendshipState;
  Media: ResolverTypeWrapper<ReferenceModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PeopleConnection: ResolverTypeWrapper<Omit<PeopleConnection, 'edges'> & { edges: Array<ResolversTypes['PersonEdge']> }>;
  PersonEdge: ResolverTypeWrapper<Omit<PersonEdge, 'node'> & { node: ResolversTypes['User'] }>;
  PostInput: PostInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Relationship: ResolverTypeWrapper<RelationshipModel>;
  SocialCounts: ResolverTypeWrapper<SocialCounts>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SuggestedPerson: ResolverTypeWrapper<Omit<SuggestedPerson, 'user'> & { user: ResolversTypes['User'] }>;
  User: ResolverTypeWrapper<ReferenceModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Activity: ActivityModel;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  ActivityConnection: Omit<ActivityConnection, 'edges'> & { edges: Array<ResolversParentTypes['ActivityEdge']> };
  ActivityEdge: Omit<ActivityEdge, 'node'> & { node: ResolversParentTypes['Activity'] };
  Comment: CommentModel;
  CommentConnection: Omit<CommentConnection, 'edges'> & { edges: Array<ResolversParentTypes['CommentEdge']> };
  CommentEdge: Omit<CommentEdge, 'node'> & { node: ResolversParentTypes['Comment'] };
  DateTime: Scalars['DateTime']['output'];
  Media: ReferenceModel;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  PeopleConnection: Omit<PeopleConnection, 'edges'> & { edges: Array<ResolversParentTypes['PersonEdge']> };
  PersonEdge: Omit<PersonEdge, 'node'> & { node: ResolversParentTypes['User'] };
  PostInput: PostInput;
  Query: Record<PropertyKey, never>;
  Relationship: RelationshipModel;
  SocialCounts: SocialCounts;
  Subscription: Record<PropertyKey, never>;
  SuggestedPerson: Omit<SuggestedPerson, 'user'> & { user: ResolversParentTypes['User'] };
  User: ReferenceModel;
}>;

export type ActivityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Activity'] = ResolversParentTypes['Activity'], FederationReferenceType extends FederationReferenceTypes['Activity'] = FederationReferenceTypes['Activity']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Activity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  actor?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  commentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  comments?: Resolver<ResolversTypes['CommentConnection'], ParentType, ContextType, RequireFields<ActivityCommentsArgs, 'first'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  friend?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  gymName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ActivityKind'], ParentType, ContextType>;
  likeCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  likedByMe?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  likers?: Resolver<ResolversTypes['PeopleConnection'], ParentType, ContextType, RequireFields<ActivityLikersArgs, 'first'>>;
  media?: Resolver<Array<Maybe<ResolversTypes['Media']>>, ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  sessionStartsAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  sessionTitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  shareCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  shared?: Resolver<Maybe<ResolversTypes['Activity']>, ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  visibility?: Resolver<ResolversTypes['ActivityVisibility'], ParentType, ContextType>;
}>;

export type ActivityConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActivityConnection'] = ResolversParentTypes['ActivityConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ActivityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ActivityEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ActivityEdge'] = ResolversParentTypes['ActivityEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Activity'], ParentType, ContextType>;
}>;

export type CommentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Comment'] = ResolversParentTypes['Comment']> = ResolversObject<{
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  parentId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  replies?: Resolver<ResolversTypes['CommentConnection'], ParentType, ContextType, RequireFields<CommentRepliesArgs, 'first'>>;
  replyCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CommentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommentConnection'] = ResolversParentTypes['CommentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CommentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CommentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommentEdge'] = ResolversParentTypes['CommentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Comment'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MediaResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Media'] = ResolversParentTypes['Media']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  block?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationBlockArgs, 'userId'>>;
  cancelFriendRequest?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationCancelFriendRequestArgs, 'userId'>>;
  comment?: Resolver<ResolversTypes['Comment'], ParentType, ContextType, RequireFields<MutationCommentArgs, 'activityId' | 'body'>>;
  deleteActivity?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteActivityArgs, 'id'>>;
  deleteComment?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteCommentArgs, 'id'>>;
  follow?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationFollowArgs, 'userId'>>;
  like?: Resolver<ResolversTypes['Activity'], ParentType, ContextType, RequireFields<MutationLikeArgs, 'activityId'>>;
  mute?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationMuteArgs, 'userId'>>;
  post?: Resolver<ResolversTypes['Activity'], ParentType, ContextType, RequireFields<MutationPostArgs, 'input'>>;
  respondToFriendRequest?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationRespondToFriendRequestArgs, 'accept' | 'userId'>>;
  sendFriendRequest?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationSendFriendRequestArgs, 'userId'>>;
  setActivityVisibility?: Resolver<ResolversTypes['Activity'], ParentType, ContextType, RequireFields<MutationSetActivityVisibilityArgs, 'id' | 'visibility'>>;
  share?: Resolver<ResolversTypes['Activity'], ParentType, ContextType, RequireFields<MutationShareArgs, 'activityId' | 'visibility'>>;
  unblock?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationUnblockArgs, 'userId'>>;
  unfollow?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationUnfollowArgs, 'userId'>>;
  unfriend?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationUnfriendArgs, 'userId'>>;
  unlike?: Resolver<ResolversTypes['Activity'], ParentType, ContextType, RequireFields<MutationUnlikeArgs, 'activityId'>>;
  unmute?: Resolver<ResolversTypes['Relationship'], ParentType, ContextType, RequireFields<MutationUnmuteArgs, 'userId'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PeopleConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PeopleConnection'] = ResolversParentTypes['PeopleConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PersonEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PersonEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PersonEdge'] = ResolversParentTypes['PersonEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  activity?: Resolver<ResolversTypes['Activity'], ParentType, ContextType, RequireFields<QueryActivityArgs, 'id'>>;
  discoverFeed?: Resolver<ResolversTypes['ActivityConnection'], ParentType, ContextType, RequireFields<QueryDiscoverFeedArgs, 'first'>>;
  friendRequests?: Resolver<ResolversTypes['PeopleConnection'], ParentType, ContextType, RequireFields<QueryFriendRequestsArgs, 'first' | 'incoming'>>;
  homeFeed?: Resolver<ResolversTypes['ActivityConnection'], ParentType, ContextType, RequireFields<QueryHomeFeedArgs, 'first'>>;
  peopleYouMayKnow?: Resolver<Array<ResolversTypes['SuggestedPerson']>, ParentType, ContextType, RequireFields<QueryPeopleYouMayKnowArgs, 'first'>>;
  searchPeople?: Resolver<ResolversTypes['PeopleConnection'], ParentType, ContextType, RequireFields<QuerySearchPeopleArgs, 'first' | 'text'>>;
  trending?: Resolver<Array<ResolversTypes['Activity']>, ParentType, ContextType, RequireFields<QueryTrendingArgs, 'first'>>;
}>;

export type RelationshipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Relationship'] = ResolversParentTypes['Relationship']> = ResolversObject<{
  blocked?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  followedBy?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  following?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  friendship?: Resolver<ResolversTypes['FriendshipState'], ParentType, ContextType>;
  muted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type SocialCountsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SocialCounts'] = ResolversParentTypes['SocialCounts']> = ResolversObject<{
  followers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  following?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  friends?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  feedUpdated?: SubscriptionResolver<ResolversTypes['Activity'], "feedUpdated", ParentType, ContextType>;
}>;

export type SuggestedPersonResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SuggestedPerson'] = ResolversParentTypes['SuggestedPerson']> = ResolversObject<{
  mutualFriends?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  sharedGyms?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  activity?: Resolver<Maybe<ResolversTypes['ActivityConnection']>, ParentType, ContextType, RequireFields<UserActivityArgs, 'first'>>;
  followers?: Resolver<Maybe<ResolversTypes['PeopleConnection']>, ParentType, ContextType, RequireFields<UserFollowersArgs, 'first'>>;
  following?: Resolver<Maybe<ResolversTypes['PeopleConnection']>, ParentType, ContextType, RequireFields<UserFollowingArgs, 'first'>>;
  friends?: Resolver<Maybe<ResolversTypes['PeopleConnection']>, ParentType, ContextType, RequireFields<UserFriendsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mutualFriends?: Resolver<Maybe<ResolversTypes['PeopleConnection']>, ParentType, ContextType, RequireFields<UserMutualFriendsArgs, 'first'>>;
  relationship?: Resolver<Maybe<ResolversTypes['Relationship']>, ParentType, ContextType>;
  socialCounts?: Resolver<Maybe<ResolversTypes['SocialCounts']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Activity?: ActivityResolvers<ContextType>;
  ActivityConnection?: ActivityConnectionResolvers<ContextType>;
  ActivityEdge?: ActivityEdgeResolvers<ContextType>;
  Comment?: CommentResolvers<ContextType>;
  CommentConnection?: CommentConnectionResolvers<ContextType>;
  CommentEdge?: CommentEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Media?: MediaResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PeopleConnection?: PeopleConnectionResolvers<ContextType>;
  PersonEdge?: PersonEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Relationship?: RelationshipResolvers<ContextType>;
  SocialCounts?: SocialCountsResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SuggestedPerson?: SuggestedPersonResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

