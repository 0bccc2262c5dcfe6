import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Conversation as ConversationModel, Message as MessageModel, GeneratedImage as GeneratedImageModel } from '../entities';
import type { Model as ModelModel } from '../providers/catalogue';
import type { StreamEvent as StreamEventModel } from '../live/reply-stream';
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

/** A conversation with a model, owned by one user. */
export type Conversation = {
  __typename?: 'Conversation';
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** Its messages, oldest first. */
  messages: MessageConnection;
  /** The chat model replies come from. */
  model: Scalars['String']['output'];
  systemPrompt?: Maybe<Scalars['String']['output']>;
  title: Scalars['String']['output'];
  /** When the last message was added. */
  updatedAt: Scalars['DateTime']['output'];
};


/** A conversation with a model, owned by one user. */
export type ConversationMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ConversationConnection = {
  __typename?: 'ConversationConnection';
  edges: Array<ConversationEdge>;
  pageInfo: PageInfo;
};

export type ConversationEdge = {
  __typename?: 'ConversationEdge';
  cursor: Scalars['String']['output'];
  node: Conversation;
};

/** A new conversation. */
export type CreateConversationInput = {
  /** A chat model of `models`; default the first configured. */
  model?: InputMaybe<Scalars['String']['input']>;
  /** Instructions for the model, at most 10,000 characters. */
  systemPrompt?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 characters; default `New conversation`. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Formats a conversation can be exported in. */
export type ExportFormat =
  | 'JSON'
  | 'MARKDOWN';

/** An image generated for a user and stored as media. */
export type GeneratedImage = {
  __typename?: 'GeneratedImage';
  /** US dollars, as a decimal string. */
  cost: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  /** The stored image (with its thumbnail), once media has stored it. */
  image?: Maybe<Media>;
  model: Scalars['String']['output'];
  prompt: Scalars['String']['output'];
  size: Scalars['String']['output'];
  style?: Maybe<Scalars['String']['output']>;
};

export type GeneratedImageConnection = {
  __typename?: 'GeneratedImageConnection';
  edges: Array<GeneratedImageEdge>;
  pageInfo: PageInfo;
};

export type GeneratedImageEdge = {
  __typename?: 'GeneratedImageEdge';
  cursor: Scalars['String']['output'];
  node: GeneratedImage;
};

export type Media = {
  __typename?: 'Media';
  id: Scalars['ID']['output'];
};

/** A message of a conversation: the user's, or a reply with what it cost. */
export type Message = {
  __typename?: 'Message';
  completionTokens?: Maybe<Scalars['Int']['output']>;
  content: Scalars['String']['output'];
  conversationId: Scalars['ID']['output'];
  /** US dollars, as a decimal string (exact). */
  cost?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Why a reply failed. */
  error?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Milliseconds from the request to the provider to the last token. */
  latencyMs?: Maybe<Scalars['Int']['output']>;
  /** For replies: the model and provider that wrote it. */
  model?: Maybe<Scalars['String']['output']>;
  promptTokens?: Maybe<Scalars['Int']['output']>;
  provider?: Maybe<Scalars['String']['output']>;
  role: MessageRole;
  status: MessageStatus;
};

export type MessageConnection = {
  __typename?: 'MessageConnection';
  edges: Array<MessageEdge>;
  pageInfo: PageInfo;
};

export type MessageEdge = {
  __typename?: 'MessageEdge';
  cursor: Scalars['String']['output'];
  node: Message;
};

/** Who wrote a message. */
export type MessageRole =
  | 'ASSISTANT'
  | 'USER';

/** Where a reply stands. */
export type MessageStatus =
  /** Stopped by `cancelGeneration`: the partial text and its tokens are kept. */
  | 'CANCELLED'
  | 'COMPLETE'
  /** The provider failed; `error` says why. The conversation stays usable. */
  | 'FAILED'
  /** Being generated: `content` is what has arrived so far. */
  | 'STREAMING';

/** One piece of a streamed reply, or its end. */
export type MessageStreamEvent = {
  __typename?: 'MessageStreamEvent';
  /** New text; empty on the final event. */
  delta: Scalars['String']['output'];
  /** Set on the final event only: the stored reply (complete, cancelled or failed). */
  message?: Maybe<Message>;
  /** The reply being streamed. */
  messageId: Scalars['ID']['output'];
  /** Where `delta` starts in the reply's text (UTF-16 code units): resubscribe from `offset + delta.length`. */
  offset: Scalars['Int']['output'];
};

/** A model a provider serves, as configured (AI_PROVIDERS). */
export type Model = {
  __typename?: 'Model';
  /** Tokens of prompt and reply together the model can take (chat models). */
  contextWindow?: Maybe<Scalars['Int']['output']>;
  /** The id to pass as `model`, e.g. `gpt-4o-mini`. */
  id: Scalars['ID']['output'];
  /** US dollars per million prompt tokens, as a decimal string (chat models). */
  inputPricePerMillionTokens?: Maybe<Scalars['String']['output']>;
  kind: ModelKind;
  /** US dollars per million reply tokens, as a decimal string (chat models). */
  outputPricePerMillionTokens?: Maybe<Scalars['String']['output']>;
  /** US dollars per image, as a decimal string (image models). */
  pricePerImage?: Maybe<Scalars['String']['output']>;
  /** The provider's id, e.g. `openai`, `azure`, `ollama`. */
  provider: Scalars['String']['output'];
  /** True when the provider is Lattice's local OpenAI-compatible simulator (no key configured). */
  simulated: Scalars['Boolean']['output'];
};

/** What a model does. */
export type ModelKind =
  | 'CHAT'
  | 'IMAGE';

export type Mutation = {
  __typename?: 'Mutation';
  /** Stops the reply being generated; what was written stays, marked CANCELLED. False if none was running. */
  cancelGeneration: Scalars['Boolean']['output'];
  createConversation: Conversation;
  /** Deletes one of the caller's conversations (it disappears from every list and search). */
  deleteConversation: Scalars['Boolean']['output'];
  deleteImage: Scalars['Boolean']['output'];
  /**
   * Generates an image (`size`: 1024x1024, 1536x1024 or 1024x1536) and stores it as media; the
   * plan's image limit applies (QUOTA_EXCEEDED).
   */
  generateImage: GeneratedImage;
  /** Replaces the last reply with a new one, streamed like any other. */
  regenerateReply: Message;
  renameConversation: Conversation;
  /**
   * Stores the caller's message and starts the reply, which streams on `messageStream`. The
   * plan's token budget is checked first (QUOTA_EXCEEDED, and no provider is called). Answers the
   * reply as it starts (STREAMING).
   */
  sendMessage: Message;
};


export type MutationCancelGenerationArgs = {
  conversationId: Scalars['ID']['input'];
};


export type MutationCreateConversationArgs = {
  input: CreateConversationInput;
};


export type MutationDeleteConversationArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDeleteImageArgs = {
  id: Scalars['ID']['input'];
};


export type MutationGenerateImageArgs = {
  prompt: Scalars['String']['input'];
  size?: InputMaybe<Scalars['String']['input']>;
  style?: InputMaybe<Scalars['String']['input']>;
};


export type MutationRegenerateReplyArgs = {
  conversationId: Scalars['ID']['input'];
};


export type MutationRenameConversationArgs = {
  id: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};


export type MutationSendMessageArgs = {
  content: Scalars['String']['input'];
  conversationId: Scalars['ID']['input'];
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
  /** One of the caller's conversations; another's → NOT_FOUND. */
  conversation: Conversation;
  /**
   * The caller's conversations, most recently active first; `search` matches titles and messages
   * (full text).
   */
  conversations: ConversationConnection;
  /** One of the caller's conversations with all its messages, as JSON or Markdown. */
  exportConversation: Scalars['String']['output'];
  /** The models configured, chat and image. */
  models: Array<Model>;
};


export type QueryConversationArgs = {
  id: Scalars['ID']['input'];
};


export type QueryConversationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryExportConversationArgs = {
  format: ExportFormat;
  id: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * The replies of one of the caller's conversations as they are written: deltas in order, then
   * a final event with the stored message. Pass the `messageId` and `offset` you had to resume
   * after a reconnect: what was missed comes first, then the rest, each character once.
   */
  messageStream: MessageStreamEvent;
};


export type SubscriptionMessageStreamArgs = {
  conversationId: Scalars['ID']['input'];
  messageId?: InputMaybe<Scalars['ID']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};

export type User = {
  __typename?: 'User';
  /** The user's generated images, newest first. Owner and staff. */
  generatedImages: GeneratedImageConnection;
  id: Scalars['ID']['output'];
};


export type UserGeneratedImagesArgs = {
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
  Conversation: Conversation;
  GeneratedImage: GeneratedImage;
  Message: Message;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Conversation:
    ( { __typename: 'Conversation' }
    & GraphQLRecursivePick<FederationTypes['Conversation'], {"id":true}> );
  GeneratedImage:
    ( { __typename: 'GeneratedImage' }
    & GraphQLRecursivePick<FederationTypes['GeneratedImage'], {"id":true}> );
  Message:
    ( { __typename: 'Message' }
    & GraphQLRecursivePick<FederationTypes['Message'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Conversation: ResolverTypeWrapper<ConversationModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ConversationConnection: ResolverTypeWrapper<Omit<ConversationConnection, 'edges'> & { edges: Array<ResolversTypes['ConversationEdge']> }>;
  ConversationEdge: ResolverTypeWrapper<Omit<ConversationEdge, 'node'> & { node: ResolversTypes['Conversation'] }>;
  CreateConversationInput: CreateConversationInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  ExportFormat: ExportFormat;
  GeneratedImage: ResolverTypeWrapper<GeneratedImageModel>;
  GeneratedImageConnection: ResolverTypeWrapper<Omit<GeneratedImageConnection, 'edges'> & { edges: Array<ResolversTypes['GeneratedImageEdge']> }>;
  GeneratedImageEdge: ResolverTypeWrapper<Omit<GeneratedImageEdge, 'node'> & { node: ResolversTypes['GeneratedImage'] }>;
  Media: ResolverTypeWrapper<Media>;
  Message: ResolverTypeWrapper<MessageModel>;
  MessageConnection: ResolverTypeWrapper<Omit<MessageConnection, 'edges'> & { edges: Array<ResolversTypes['MessageEdge']> }>;
  MessageEdge: ResolverTypeWrapper<Omit<MessageEdge, 'node'> & { node: ResolversTypes['Message'] }>;
  MessageRole: MessageRole;
  MessageStatus: MessageStatus;
  MessageStreamEvent: ResolverTypeWrapper<StreamEventModel>;
  Model: ResolverTypeWrapper<ModelModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ModelKind: ModelKind;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<UserReferenceModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Conversation: ConversationModel;
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  ConversationConnection: Omit<ConversationConnection, 'edges'> & { edges: Array<ResolversParentTypes['ConversationEdge']> };
  ConversationEdge: Omit<ConversationEdge, 'node'> & { node: ResolversParentTypes['Conversation'] };
  CreateConversationInput: CreateConversationInput;
  DateTime: Scalars['DateTime']['output'];
  GeneratedImage: GeneratedImageModel;
  GeneratedImageConnection: Omit<GeneratedImageConnection, 'edges'> & { edges: Array<ResolversParentTypes['GeneratedImageEdge']> };
  GeneratedImageEdge: Omit<GeneratedImageEdge, 'node'> & { node: ResolversParentTypes['GeneratedImage'] };
  Media: Media;
  Message: MessageModel;
  MessageConnection: Omit<MessageConnection, 'edges'> & { edges: Array<ResolversParentTypes['MessageEdge']> };
  MessageEdge: Omit<MessageEdge, 'node'> & { node: ResolversParentTypes['Message'] };
  MessageStreamEvent: StreamEventModel;
  Model: ModelModel;
  Boolean: Scalars['Boolean']['output'];
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  Subscription: Record<PropertyKey, never>;
  User: UserReferenceModel;
}>;

export type ConversationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Conversation'] = ResolversParentTypes['Conversation'], FederationReferenceType extends FederationReferenceTypes['Conversation'] = FederationReferenceTypes['Conversation']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Conversation']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  messages?: Resolver<ResolversTypes['MessageConnection'], ParentType, ContextType, RequireFields<ConversationMessagesArgs, 'first'>>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  systemPrompt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type ConversationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConversationConnection'] = ResolversParentTypes['ConversationConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ConversationEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ConversationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ConversationEdge'] = ResolversParentTypes['ConversationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type GeneratedImageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GeneratedImage'] = ResolversParentTypes['GeneratedImage'], FederationReferenceType extends FederationReferenceTypes['GeneratedImage'] = FederationReferenceTypes['GeneratedImage']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['GeneratedImage']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cost?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['Media']>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  prompt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  style?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type GeneratedImageConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GeneratedImageConnection'] = ResolversParentTypes['GeneratedImageConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['GeneratedImageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type GeneratedImageEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GeneratedImageEdge'] = ResolversParentTypes['GeneratedImageEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GeneratedImage'], ParentType, ContextType>;
}>;

export type MediaResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Media'] = ResolversParentTypes['Media']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Message'] = ResolversParentTypes['Message'], FederationReferenceType extends FederationReferenceTypes['Message'] = FederationReferenceTypes['Message']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Message']> | FederationReferenceType, FederationReferenceType, ContextType>;
  completionTokens?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  content?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  conversationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cost?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latencyMs?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  promptTokens?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  provider?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['MessageRole'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MessageStatus'], ParentType, ContextType>;
}>;

export type MessageConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MessageConnection'] = ResolversParentTypes['MessageConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['MessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type MessageEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MessageEdge'] = ResolversParentTypes['MessageEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Message'], ParentType, ContextType>;
}>;

export type MessageStreamEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MessageStreamEvent'] = ResolversParentTypes['MessageStreamEvent']> = ResolversObject<{
  delta?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<Maybe<ResolversTypes['Message']>, ParentType, ContextType>;
  messageId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  offset?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ModelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Model'] = ResolversParentTypes['Model']> = ResolversObject<{
  contextWindow?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputPricePerMillionTokens?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ModelKind'], ParentType, ContextType>;
  outputPricePerMillionTokens?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pricePerImage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  simulated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelGeneration?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationCancelGenerationArgs, 'conversationId'>>;
  createConversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType, RequireFields<MutationCreateConversationArgs, 'input'>>;
  deleteConversation?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteConversationArgs, 'id'>>;
  deleteImage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteImageArgs, 'id'>>;
  generateImage?: Resolver<ResolversTypes['GeneratedImage'], ParentType, ContextType, RequireFields<MutationGenerateImageArgs, 'prompt' | 'size'>>;
  regenerateReply?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationRegenerateReplyArgs, 'conversationId'>>;
  renameConversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType, RequireFields<MutationRenameConversationArgs, 'id' | 'title'>>;
  sendMessage?: Resolver<ResolversTypes['Message'], ParentType, ContextType, RequireFields<MutationSendMessageArgs, 'content' | 'conversationId'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  conversation?: Resolver<ResolversTypes['Conversation'], ParentType, ContextType, RequireFields<QueryConversationArgs, 'id'>>;
  conversations?: Resolver<ResolversTypes['ConversationConnection'], ParentType, ContextType, RequireFields<QueryConversationsArgs, 'first'>>;
  exportConversation?: Resolver<ResolversTypes['String'], ParentType, ContextType, RequireFields<QueryExportConversationArgs, 'format' | 'id'>>;
  models?: Resolver<Array<ResolversTypes['Model']>, ParentType, ContextType>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  messageStream?: SubscriptionResolver<ResolversTypes['MessageStreamEvent'], "messageStream", ParentType, ContextType, RequireFields<SubscriptionMessageStreamArgs, 'conversationId' | 'offset'>>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  generatedImages?: Resolver<ResolversTypes['GeneratedImageConnection'], ParentType, ContextType, RequireFields<UserGeneratedImagesArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Conversation?: ConversationResolvers<ContextType>;
  ConversationConnection?: ConversationConnectionResolvers<ContextType>;
  ConversationEdge?: ConversationEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  GeneratedImage?: GeneratedImageResolvers<ContextType>;
  GeneratedImageConnection?: GeneratedImageConnectionResolvers<ContextType>;
  GeneratedImageEdge?: GeneratedImageEdgeResolvers<ContextType>;
  Media?: MediaResolvers<ContextType>;
  Message?: MessageResolvers<ContextType>;
  MessageConnection?: MessageConnectionResolvers<ContextType>;
  MessageEdge?: MessageEdgeResolvers<ContextType>;
  MessageStreamEvent?: MessageStreamEventResolvers<ContextType>;
  Model?: ModelResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

