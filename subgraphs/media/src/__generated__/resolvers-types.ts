import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Media as MediaModel, Upload as UploadModel, ShareLink as ShareLinkModel } from '../entities';
import type { StorageStatistics as StorageStatisticsModel } from '../service/statistics';
import type { UserReference as UserReferenceModel } from '../service/users';
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
  /** An integer that may exceed 32 bits (bytes, tokens), as a JSON number no larger than 2^53 − 1. */
  SafeInt: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A file to upload. */
export type CreateUploadInput = {
  /** The type the client believes it is; the bytes decide (a mismatch is refused when checked). */
  contentType: Scalars['String']['input'];
  /** Its name on the user's device; sanitised. */
  filename: Scalars['String']['input'];
  /** Its exact length in bytes (at most the size limit, 100 MB by default). */
  size: Scalars['SafeInt']['input'];
};

/**
 * A stored file. Other domains refer to it by id (avatars, attachments, generated images,
 * invoice PDFs, site archives) and resolve it here: only its owner and staff can read it, except
 * an avatar, which anyone may see.
 */
export type Media = {
  __typename?: 'Media';
  /** A compact placeholder to paint while an image loads (https://blurha.sh). */
  blurhash?: Maybe<Scalars['String']['output']>;
  /** `sha256:` and the hex SHA-256 of the bytes as uploaded (compare it with the client's own). */
  checksum: Scalars['String']['output'];
  /** The type of the file served by `url` (an optimised image is JPEG or WebP). */
  contentType: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** When it was deleted (it can be restored until `purgeAt`); null while it is active. */
  deletedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The file name as uploaded, made safe (no folders, no control characters, the right extension). */
  filename: Scalars['String']['output'];
  height?: Maybe<Scalars['Int']['output']>;
  id: Scalars['ID']['output'];
  /** The file exactly as uploaded, when originals are kept; signed like `url`. */
  originalUrl?: Maybe<Scalars['String']['output']>;
  /** The user who uploaded it. */
  owner: User;
  /** When a deleted file is removed for good. */
  purgeAt?: Maybe<Scalars['DateTime']['output']>;
  /** Its share links, newest first. Owner only. */
  shareLinks: ShareLinkConnection;
  /** Bytes of the file served by `url`. */
  size: Scalars['SafeInt']['output'];
  /** A small preview (longest side 320 px), for images; signed like `url`. */
  thumbnailUrl?: Maybe<Scalars['String']['output']>;
  type: MediaType;
  /**
   * Where to download it: a signed URL on the gateway's host, valid for a short time (an hour by
   * default; ask again for a fresh one). Supports HTTP range requests. Null once deleted.
   */
  url?: Maybe<Scalars['String']['output']>;
  /** Pixels, for images. */
  width?: Maybe<Scalars['Int']['output']>;
};


/**
 * A stored file. Other domains refer to it by id (avatars, attachments, generated images,
 * invoice PDFs, site archives) and resolve it here: only its owner and staff can read it, except
 * an avatar, which anyone may see.
 */
export type MediaShareLinksArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of media. */
export type MediaConnection = {
  __typename?: 'MediaConnection';
  edges: Array<MediaEdge>;
  pageInfo: PageInfo;
};

/** A media and its position in the list. */
export type MediaEdge = {
  __typename?: 'MediaEdge';
  cursor: Scalars['String']['output'];
  node: Media;
};

/** What a file is, judged from its bytes. */
export type MediaType =
  /** A ZIP archive (a generated website); stored as uploaded. */
  | 'ARCHIVE'
  /**
   * A recording (a voice note): MP3, M4A, WAV, FLAC, Ogg (Vorbis, Opus) or WebM holding audio
   * alone; stored as uploaded.
   */
  | 'AUDIO'
  /** PDF. */
  | 'DOCUMENT'
  /** JPEG, PNG, GIF, WebP or AVIF; optimised on upload. */
  | 'IMAGE'
  /** Plain UTF-8 text. */
  | 'TEXT'
  /** MP4 or QuickTime; stored as uploaded. */
  | 'VIDEO';

export type Mutation = {
  __typename?: 'Mutation';
  /** Abandons an upload: what was received is dropped. True if there was one to cancel. */
  cancelUpload: Scalars['Boolean']['output'];
  /** A link anyone can download the file with, for `expiresInSeconds` (default an hour, at most 30 days). */
  createShareLink: ShareLink;
  /**
   * Prepares an upload: checks the size against the limit and the plan's storage (QUOTA_EXCEEDED),
   * and returns where to send the bytes.
   */
  createUpload: Upload;
  /** Prepares several uploads at once (at most 20), all or none: the plan's storage must hold them together. */
  createUploads: Array<Upload>;
  /**
   * Moves a file to the bin: its links stop working at once, and it is purged after the retention
   * period unless restored.
   */
  deleteMedia: Media;
  /** Removes a file for good, at once (it stops counting against storage). True if it existed. */
  purgeMedia: Scalars['Boolean']['output'];
  /** Brings a file back from the bin. */
  restoreMedia: Media;
  /** Ends a share link at once (it answers 410 Gone). */
  revokeShareLink: ShareLink;
  /**
   * Makes one of the caller's images their avatar (anyone may then see that image), or removes
   * the avatar with null. The profile's `avatar` and `avatarUrl` follow.
   */
  setAvatar?: Maybe<Media>;
};


export type MutationCancelUploadArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateShareLinkArgs = {
  expiresInSeconds?: InputMaybe<Scalars['Int']['input']>;
  mediaId: Scalars['ID']['input'];
};


export type MutationCreateUploadArgs = {
  input: CreateUploadInput;
};


export type MutationCreateUploadsArgs = {
  inputs: Array<CreateUploadInput>;
};


export type MutationDeleteMediaArgs = {
  id: Scalars['ID']['input'];
};


export type MutationPurgeMediaArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRestoreMediaArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRevokeShareLinkArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSetAvatarArgs = {
  mediaId?: InputMaybe<Scalars['ID']['input']>;
};

/** Pagination state of a list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One of the caller's files (deleted ones too). Another user's → NOT_FOUND. */
  media: Media;
  /** The caller's files, newest first, of one type or all; `deleted: true` lists the bin. */
  myMedia: MediaConnection;
  /** The caller's storage: files, bytes, the plan's limit. */
  myStorage: StorageStatistics;
  /** The whole platform's storage. Admins only. */
  storageStatistics: StorageStatistics;
  /** An upload of the caller's: how far it got, and the media once complete. */
  upload: Upload;
};


export type QueryMediaArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMyMediaArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  deleted?: InputMaybe<Scalars['Boolean']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  type?: InputMaybe<MediaType>;
};


export type QueryUploadArgs = {
  id: Scalars['ID']['input'];
};

/**
 * A time-limited link that lets anyone who has it download one file, until it expires or is
 * revoked (then it answers 410 Gone).
 */
export type ShareLink = {
  __typename?: 'ShareLink';
  createdAt: Scalars['DateTime']['output'];
  /** How many times it was downloaded. */
  downloads: Scalars['Int']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  media: Media;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The link: the gateway's host, no sign-in needed. */
  url: Scalars['String']['output'];
};

/** A page of share links. */
export type ShareLinkConnection = {
  __typename?: 'ShareLinkConnection';
  edges: Array<ShareLinkEdge>;
  pageInfo: PageInfo;
};

/** A share link and its position in the list. */
export type ShareLinkEdge = {
  __typename?: 'ShareLinkEdge';
  cursor: Scalars['String']['output'];
  node: ShareLink;
};

/** Files and the bytes they take. Deleted files count until they are purged. */
export type StorageStatistics = {
  __typename?: 'StorageStatistics';
  activeBytes: Scalars['SafeInt']['output'];
  activeFiles: Scalars['Int']['output'];
  /** Every stored byte: files, thumbnails and kept originals. */
  bytes: Scalars['SafeInt']['output'];
  deletedBytes: Scalars['SafeInt']['output'];
  deletedFiles: Scalars['Int']['output'];
  files: Scalars['Int']['output'];
  /** The plan's storage limit in bytes; null when unlimited or for the whole platform. */
  limit?: Maybe<Scalars['SafeInt']['output']>;
  /** `bytes` for people, e.g. `12.4 MB`. */
  readableSize: Scalars['String']['output'];
  /** What is left of the limit; null when unlimited. */
  remaining?: Maybe<Scalars['SafeInt']['output']>;
};

/**
 * Where and how to send a file's bytes: `PUT` them to `url` in one request, or resume them with
 * the tus protocol (https://tus.io) on the same URL (tus clients: pass it as the upload URL; the
 * upload is already created). Either way the file becomes a `Media` when its last byte arrives.
 */
export type Upload = {
  __typename?: 'Upload';
  expiresAt: Scalars['DateTime']['output'];
  /** The sanitised file name the media will have. */
  filename: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The media it became, once complete. */
  media?: Maybe<Media>;
  /** Bytes received so far (where a resumed upload goes on from). */
  offset: Scalars['SafeInt']['output'];
  /** Bytes declared: the upload must be exactly this long. */
  size: Scalars['SafeInt']['output'];
  /** Signed, on the gateway's host; valid until `expiresAt`. */
  url: Scalars['String']['output'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** What the user's files take, against the plan's storage limit. Owner and staff. */
  storage: StorageStatistics;
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
  Media: Media;
  ShareLink: ShareLink;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Media:
    ( { __typename: 'Media' }
    & GraphQLRecursivePick<FederationTypes['Media'], {"id":true}> );
  ShareLink:
    ( { __typename: 'ShareLink' }
    & GraphQLRecursivePick<FederationTypes['ShareLink'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CreateUploadInput: CreateUploadInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Media: ResolverTypeWrapper<MediaModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  MediaConnection: ResolverTypeWrapper<Omit<MediaConnection, 'edges'> & { edges: Array<ResolversTypes['MediaEdge']> }>;
  MediaEdge: ResolverTypeWrapper<Omit<MediaEdge, 'node'> & { node: ResolversTypes['Media'] }>;
  MediaType: MediaType;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  ShareLink: ResolverTypeWrapper<ShareLinkModel>;
  ShareLinkConnection: ResolverTypeWrapper<Omit<ShareLinkConnection, 'edges'> & { edges: Array<ResolversTypes['ShareLinkEdge']> }>;
  ShareLinkEdge: ResolverTypeWrapper<Omit<ShareLinkEdge, 'node'> & { node: ResolversTypes['ShareLink'] }>;
  StorageStatistics: ResolverTypeWrapper<StorageStatisticsModel>;
  Upload: ResolverTypeWrapper<UploadModel>;
  User: ResolverTypeWrapper<UserReferenceModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CreateUploadInput: CreateUploadInput;
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  Media: MediaModel;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  MediaConnection: Omit<MediaConnection, 'edges'> & { edges: Array<ResolversParentTypes['MediaEdge']> };
  MediaEdge: Omit<MediaEdge, 'node'> & { node: ResolversParentTypes['Media'] };
  Mutation: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  ShareLink: ShareLinkModel;
  ShareLinkConnection: Omit<ShareLinkConnection, 'edges'> & { edges: Array<ResolversParentTypes['ShareLinkEdge']> };
  ShareLinkEdge: Omit<ShareLinkEdge, 'node'> & { node: ResolversParentTypes['ShareLink'] };
  StorageStatistics: StorageStatisticsModel;
  Upload: UploadModel;
  User: UserReferenceModel;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MediaResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Media'] = ResolversParentTypes['Media'], FederationReferenceType extends FederationReferenceTypes['Media'] = FederationReferenceTypes['Media']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Media']> | FederationReferenceType, FederationReferenceType, ContextType>;
  blurhash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  checksum?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  contentType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deletedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  filename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  height?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  originalUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  purgeAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  shareLinks?: Resolver<ResolversTypes['ShareLinkConnection'], ParentType, ContextType, RequireFields<MediaShareLinksArgs, 'first'>>;
  size?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  thumbnailUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['MediaType'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  width?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type MediaConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MediaConnection'] = ResolversParentTypes['MediaConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MediaEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type MediaEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MediaEdge'] = ResolversParentTypes['MediaEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Media'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelUpload?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationCancelUploadArgs, 'id'>>;
  createShareLink?: Resolver<ResolversTypes['ShareLink'], ParentType, ContextType, RequireFields<MutationCreateShareLinkArgs, 'expiresInSeconds' | 'mediaId'>>;
  createUpload?: Resolver<ResolversTypes['Upload'], ParentType, ContextType, RequireFields<MutationCreateUploadArgs, 'input'>>;
  createUploads?: Resolver<Array<ResolversTypes['Upload']>, ParentType, ContextType, RequireFields<MutationCreateUploadsArgs, 'inputs'>>;
  deleteMedia?: Resolver<ResolversTypes['Media'], ParentType, ContextType, RequireFields<MutationDeleteMediaArgs, 'id'>>;
  purgeMedia?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationPurgeMediaArgs, 'id'>>;
  restoreMedia?: Resolver<ResolversTypes['Media'], ParentType, ContextType, RequireFields<MutationRestoreMediaArgs, 'id'>>;
  revokeShareLink?: Resolver<ResolversTypes['ShareLink'], ParentType, ContextType, RequireFields<MutationRevokeShareLinkArgs, 'id'>>;
  setAvatar?: Resolver<Maybe<ResolversTypes['Media']>, ParentType, ContextType, Partial<MutationSetAvatarArgs>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  media?: Resolver<ResolversTypes['Media'], ParentType, ContextType, RequireFields<QueryMediaArgs, 'id'>>;
  myMedia?: Resolver<ResolversTypes['MediaConnection'], ParentType, ContextType, RequireFields<QueryMyMediaArgs, 'deleted' | 'first'>>;
  myStorage?: Resolver<ResolversTypes['StorageStatistics'], ParentType, ContextType>;
  storageStatistics?: Resolver<ResolversTypes['StorageStatistics'], ParentType, ContextType>;
  upload?: Resolver<ResolversTypes['Upload'], ParentType, ContextType, RequireFields<QueryUploadArgs, 'id'>>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type ShareLinkResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShareLink'] = ResolversParentTypes['ShareLink'], FederationReferenceType extends FederationReferenceTypes['ShareLink'] = FederationReferenceTypes['ShareLink']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ShareLink']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  downloads?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  media?: Resolver<ResolversTypes['Media'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ShareLinkConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShareLinkConnection'] = ResolversParentTypes['ShareLinkConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ShareLinkEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ShareLinkEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ShareLinkEdge'] = ResolversParentTypes['ShareLinkEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['ShareLink'], ParentType, ContextType>;
}>;

export type StorageStatisticsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['StorageStatistics'] = ResolversParentTypes['StorageStatistics']> = ResolversObject<{
  activeBytes?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  activeFiles?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  bytes?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  deletedBytes?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  deletedFiles?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  files?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  limit?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  readableSize?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  remaining?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
}>;

export type UploadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Upload'] = ResolversParentTypes['Upload']> = ResolversObject<{
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  filename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  media?: Resolver<Maybe<ResolversTypes['Media']>, ParentType, ContextType>;
  offset?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  storage?: Resolver<ResolversTypes['StorageStatistics'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Media?: MediaResolvers<ContextType>;
  MediaConnection?: MediaConnectionResolvers<ContextType>;
  MediaEdge?: MediaEdgeResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  ShareLink?: ShareLinkResolvers<ContextType>;
  ShareLinkConnection?: ShareLinkConnectionResolvers<ContextType>;
  ShareLinkEdge?: ShareLinkEdgeResolvers<ContextType>;
  StorageStatistics?: StorageStatisticsResolvers<ContextType>;
  Upload?: UploadResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

