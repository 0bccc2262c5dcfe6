import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Reference as ReferenceModel } from '../service/references';
import type { Ticket as TicketModel, TicketMessage as TicketMessageModel, CannedResponse as CannedResponseModel, Agent as AgentModel } from '../entities';
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

/** A saved answer agents insert into replies, found by its shortcut or words. */
export type CannedResponse = {
  __typename?: 'CannedResponse';
  body: Scalars['String']['output'];
  createdBy: User;
  id: Scalars['ID']['output'];
  /** What agents type to find it, e.g. `refund-policy` (lower-case letters, digits, dashes). */
  shortcut: Scalars['String']['output'];
  title: Scalars['String']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of canned responses. */
export type CannedResponseConnection = {
  __typename?: 'CannedResponseConnection';
  edges: Array<CannedResponseEdge>;
  pageInfo: PageInfo;
};

/** A canned response and its position in the list. */
export type CannedResponseEdge = {
  __typename?: 'CannedResponseEdge';
  cursor: Scalars['String']['output'];
  node: CannedResponse;
};

/** A canned response's fields. */
export type CannedResponseInput = {
  body: Scalars['String']['input'];
  shortcut: Scalars['String']['input'];
  title: Scalars['String']['input'];
};

export type Media = {
  __typename?: 'Media';
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds an internal note only agents see. Agents and admins. */
  addInternalNote: TicketMessage;
  /** Makes a user an agent taking up to `capacity` (1–100, default 10) tickets at once. Admins. */
  addSupportAgent: SupportAgent;
  /** Assigns a ticket to an agent, or back to the queue with null. Agents and admins. */
  assignTicket: Ticket;
  /** Saves a canned response. Agents and admins; the shortcut is unique (CONFLICT). */
  createCannedResponse: CannedResponse;
  /** Deletes a canned response. Its writer and admins. */
  deleteCannedResponse: Scalars['Boolean']['output'];
  /**
   * Merges a duplicate into another ticket of the same author (BAD_USER_INPUT across authors):
   * the duplicate's description, replies, notes and files move there, and it closes. Agents and
   * admins; a CLOSED ticket is neither merged nor merged into (CONFLICT).
   */
  mergeTickets: Ticket;
  /** Opens a ticket for the caller; support assigns it by round robin when an agent is free. */
  openTicket: Ticket;
  /** The author rates a RESOLVED or CLOSED ticket, once: 1 to 5, and a comment of up to 2,000 characters. */
  rateTicket: Ticket;
  /** Removes an agent; their OPEN and PENDING tickets go back to the queue. Admins. */
  removeSupportAgent: Scalars['Boolean']['output'];
  /**
   * Adds a reply the author sees (1 to 20,000 characters, up to 10 of the caller's own files).
   * The author or an agent. An author's reply reopens a PENDING or RESOLVED ticket; an agent
   * may set the status with it (e.g. PENDING: waiting on the author). A CLOSED ticket takes
   * none (CONFLICT).
   */
  replyToTicket: TicketMessage;
  /** An agent says whether round robin may give them tickets now. */
  setSupportAvailability: SupportAgent;
  /** Moves a ticket: agents to any status (CLOSED is final); its author to RESOLVED only. */
  setTicketStatus: Ticket;
  /** Changes a canned response. Its writer and admins. */
  updateCannedResponse: CannedResponse;
  /** Changes an agent's capacity or availability. Admins. */
  updateSupportAgent: SupportAgent;
  /** Changes a ticket's priority (its SLA targets follow) or category. Agents and admins. */
  updateTicket: Ticket;
};


export type MutationAddInternalNoteArgs = {
  attachmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  body: Scalars['String']['input'];
  ticketId: Scalars['ID']['input'];
};


export type MutationAddSupportAgentArgs = {
  capacity?: InputMaybe<Scalars['Int']['input']>;
  userId: Scalars['ID']['input'];
};


export type MutationAssignTicketArgs = {
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  ticketId: Scalars['ID']['input'];
};


export type MutationCreateCannedResponseArgs = {
  input: CannedResponseInput;
};


export type MutationDeleteCannedResponseArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMergeTicketsArgs = {
  sourceId: Scalars['ID']['input'];
  targetId: Scalars['ID']['input'];
};


export type MutationOpenTicketArgs = {
  input: OpenTicketInput;
};


export type MutationRateTicketArgs = {
  comment?: InputMaybe<Scalars['String']['input']>;
  rating: Scalars['Int']['input'];
  ticketId: Scalars['ID']['input'];
};


export type MutationRemoveSupportAgentArgs = {
  userId: Scalars['ID']['input'];
};


export type MutationReplyToTicketArgs = {
  attachmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  body: Scalars['String']['input'];
  status?: InputMaybe<TicketStatus>;
  ticketId: Scalars['ID']['input'];
};


export type MutationSetSupportAvailabilityArgs = {
  available: Scalars['Boolean']['input'];
};


export type MutationSetTicketStatusArgs = {
  status: TicketStatus;
  ticketId: Scalars['ID']['input'];
};


export type MutationUpdateCannedResponseArgs = {
  id: Scalars['ID']['input'];
  input: CannedResponseInput;
};


export type MutationUpdateSupportAgentArgs = {
  available?: InputMaybe<Scalars['Boolean']['input']>;
  capacity?: InputMaybe<Scalars['Int']['input']>;
  userId: Scalars['ID']['input'];
};


export type MutationUpdateTicketArgs = {
  category?: InputMaybe<Scalars['String']['input']>;
  priority?: InputMaybe<TicketPriority>;
  ticketId: Scalars['ID']['input'];
};

/** A new ticket. */
export type OpenTicketInput = {
  /** Up to 10 of the caller's own media. */
  attachmentIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** One of `supportCategories`. */
  category: Scalars['String']['input'];
  /** 1 to 20,000 characters. */
  description: Scalars['String']['input'];
  /** 1 to 200 characters. */
  title: Scalars['String']['input'];
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
  /** Whether the caller is a support agent (what the app shows them). */
  amSupportAgent: Scalars['Boolean']['output'];
  /** Canned responses, by shortcut, optionally those whose shortcut, title or body has `text`. Agents and admins. */
  cannedResponses: CannedResponseConnection;
  /** The support team, by when they joined. Agents and admins. */
  supportAgents: SupportAgentConnection;
  /** The categories a ticket may have. */
  supportCategories: Array<Scalars['String']['output']>;
  /** The help desk's figures; `since` (default 30 days ago) bounds the medians and ratings. Agents and admins. */
  supportStatistics: SupportStatistics;
  /** The queue: every ticket matching the filter, latest activity first. Agents and admins. */
  supportTickets: TicketConnection;
  /** A ticket: its author, agents and admins only (NOT_FOUND for anyone else). */
  ticket: Ticket;
};


export type QueryCannedResponsesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
};


export type QuerySupportAgentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySupportStatisticsArgs = {
  since?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QuerySupportTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<TicketFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryTicketArgs = {
  id: Scalars['ID']['input'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /** A ticket's new replies and changes, live: its author (replies only) and agents. */
  ticketActivity: TicketActivity;
};


export type SubscriptionTicketActivityArgs = {
  ticketId: Scalars['ID']['input'];
};

/** A member of the support team: who takes tickets, how many at once, and whether now. */
export type SupportAgent = {
  __typename?: 'SupportAgent';
  addedAt: Scalars['DateTime']['output'];
  /** Whether round robin gives them new tickets now. */
  available: Scalars['Boolean']['output'];
  /** At most this many OPEN or PENDING tickets are assigned to them by round robin. */
  capacity: Scalars['Int']['output'];
  /** Their OPEN and PENDING tickets now. */
  openTickets: Scalars['Int']['output'];
  user: User;
};

/** A page of agents. */
export type SupportAgentConnection = {
  __typename?: 'SupportAgentConnection';
  edges: Array<SupportAgentEdge>;
  pageInfo: PageInfo;
};

/** An agent and their position in the list. */
export type SupportAgentEdge = {
  __typename?: 'SupportAgentEdge';
  cursor: Scalars['String']['output'];
  node: SupportAgent;
};

/** Figures of the help desk: what is open now, and how the tickets opened since a date went. */
export type SupportStatistics = {
  __typename?: 'SupportStatistics';
  averageRating?: Maybe<Scalars['String']['output']>;
  /** OPEN and PENDING tickets past one of their SLA targets. */
  breached: Scalars['Int']['output'];
  /** Of the tickets opened since `since`: the median wait for a first reply, in seconds (null when none was answered). */
  medianFirstResponseSeconds?: Maybe<Scalars['Int']['output']>;
  /** The median time from opening to resolution, in seconds, of those resolved. */
  medianResolutionSeconds?: Maybe<Scalars['Int']['output']>;
  /** OPEN and PENDING tickets by priority (every priority listed). */
  openByPriority: Array<TicketPriorityCount>;
  /** Ratings given, their average (exact, two decimals, e.g. "4.25") and how many were 4 or 5. */
  ratings: Scalars['Int']['output'];
  satisfied: Scalars['Int']['output'];
  /** OPEN and PENDING tickets nobody is assigned. */
  unassigned: Scalars['Int']['output'];
};

/**
 * A problem a user reported, and the conversation about it. Its author, agents and admins may
 * read it; no one else learns it exists.
 */
export type Ticket = {
  __typename?: 'Ticket';
  /** The agent handling it; null while in the queue. */
  assignee?: Maybe<User>;
  /** Files attached when it was opened (a file its author does not own resolves as null). */
  attachments: Array<Maybe<Media>>;
  author: User;
  /** One of the categories support is configured with (`SUPPORT_CATEGORIES`). */
  category: Scalars['String']['output'];
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  /** When an agent first replied. */
  firstRespondedAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** The ticket this duplicate was merged into (then it is CLOSED and its conversation is there). */
  mergedInto?: Maybe<Ticket>;
  /** The conversation, oldest first. The author sees replies only; agents see internal notes too. */
  messages: TicketMessageConnection;
  /** The number people quote (#1042), in order of opening. */
  number: Scalars['Int']['output'];
  priority: TicketPriority;
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The author's rating, once given. */
  satisfaction?: Maybe<TicketSatisfaction>;
  /** Its service-level targets and whether they were missed. */
  sla: TicketSla;
  status: TicketStatus;
  title: Scalars['String']['output'];
  /** The last reply, note or change. */
  updatedAt: Scalars['DateTime']['output'];
};


/**
 * A problem a user reported, and the conversation about it. Its author, agents and admins may
 * read it; no one else learns it exists.
 */
export type TicketMessagesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** New activity on a ticket, live. */
export type TicketActivity = {
  __typename?: 'TicketActivity';
  /** The reply (or, for agents, the note) that was added; null when only the ticket changed. */
  message?: Maybe<TicketMessage>;
  ticket: Ticket;
};

/** A page of tickets. */
export type TicketConnection = {
  __typename?: 'TicketConnection';
  edges: Array<TicketEdge>;
  pageInfo: PageInfo;
};

/** A ticket and its position in the list. */
export type TicketEdge = {
  __typename?: 'TicketEdge';
  cursor: Scalars['String']['output'];
  node: Ticket;
};

/** Which tickets an agent's queue shows; every field narrows it. */
export type TicketFilter = {
  /** Tickets of this agent. */
  assigneeId?: InputMaybe<Scalars['ID']['input']>;
  /** Only tickets past an SLA target. */
  breached?: InputMaybe<Scalars['Boolean']['input']>;
  category?: InputMaybe<Scalars['String']['input']>;
  priority?: InputMaybe<Array<TicketPriority>>;
  status?: InputMaybe<Array<TicketStatus>>;
  /** Words found in the title or description (prefixes match: `refu` finds "refund"), or `#1042`. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Only tickets nobody is assigned (true), or only assigned ones (false). */
  unassigned?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A reply or an internal note on a ticket. */
export type TicketMessage = {
  __typename?: 'TicketMessage';
  /** Files attached to it (one its writer does not own resolves as null). */
  attachments: Array<Maybe<Media>>;
  author: User;
  body: Scalars['String']['output'];
  createdAt: Scalars['DateTime']['output'];
  /** Whether an agent wrote it (for showing the conversation's two sides). */
  fromAgent: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  kind: TicketMessageKind;
};

/** A page of a ticket's conversation. */
export type TicketMessageConnection = {
  __typename?: 'TicketMessageConnection';
  edges: Array<TicketMessageEdge>;
  pageInfo: PageInfo;
};

/** A message and its position in the conversation. */
export type TicketMessageEdge = {
  __typename?: 'TicketMessageEdge';
  cursor: Scalars['String']['output'];
  node: TicketMessage;
};

/** REPLY: part of the conversation with the author. NOTE: internal, seen by agents only. */
export type TicketMessageKind =
  | 'NOTE'
  | 'REPLY';

/** How urgent a ticket is; each has its own SLA targets. Tickets open NORMAL; agents change it. */
export type TicketPriority =
  | 'HIGH'
  | 'LOW'
  | 'NORMAL'
  | 'URGENT';

/** How many tickets have a priority. */
export type TicketPriorityCount = {
  __typename?: 'TicketPriorityCount';
  count: Scalars['Int']['output'];
  priority: TicketPriority;
};

/** How satisfied the author was: 1 (bad) to 5 (great), with an optional comment. */
export type TicketSatisfaction = {
  __typename?: 'TicketSatisfaction';
  comment?: Maybe<Scalars['String']['output']>;
  ratedAt: Scalars['DateTime']['output'];
  rating: Scalars['Int']['output'];
};

/** The targets of a ticket's priority (`SUPPORT_SLA_MINUTES`), counted from its opening. */
export type TicketSla = {
  __typename?: 'TicketSla';
  /** Whether the first reply came late, or is late now. */
  firstResponseBreached: Scalars['Boolean']['output'];
  /** When an agent's first reply is due (met or not, it stays). */
  firstResponseDueAt: Scalars['DateTime']['output'];
  /** Whether the resolution clock is stopped (the ticket is waiting on its author). */
  paused: Scalars['Boolean']['output'];
  /** Whether it was resolved late, or is late now. */
  resolutionBreached: Scalars['Boolean']['output'];
  /** When it must be resolved; time spent PENDING (waiting on the author) is added to it. */
  resolutionDueAt: Scalars['DateTime']['output'];
};

/**
 * Where a ticket is: OPEN (support's move), PENDING (waiting on the author), RESOLVED (the
 * author may still reply, which reopens it, or rate it), CLOSED (final: a new question is a new
 * ticket).
 */
export type TicketStatus =
  | 'CLOSED'
  | 'OPEN'
  | 'PENDING'
  | 'RESOLVED';

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /**
   * Tickets the user opened, latest activity first, optionally of one status. The user, agents
   * and admins only.
   */
  tickets?: Maybe<TicketConnection>;
};


export type UserTicketsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<TicketStatus>;
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
  Ticket: Ticket;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Ticket:
    ( { __typename: 'Ticket' }
    & GraphQLRecursivePick<FederationTypes['Ticket'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CannedResponse: ResolverTypeWrapper<CannedResponseModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CannedResponseConnection: ResolverTypeWrapper<Omit<CannedResponseConnection, 'edges'> & { edges: Array<ResolversTypes['CannedResponseEdge']> }>;
  CannedResponseEdge: ResolverTypeWrapper<Omit<CannedResponseEdge, 'node'> & { node: ResolversTypes['CannedResponse'] }>;
  CannedResponseInput: CannedResponseInput;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Media: ResolverTypeWrapper<ReferenceModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  OpenTicketInput: OpenTicketInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SupportAgent: ResolverTypeWrapper<AgentModel>;
  SupportAgentConnection: ResolverTypeWrapper<Omit<SupportAgentConnection, 'edges'> & { edges: Array<ResolversTypes['SupportAgentEdge']> }>;
  SupportAgentEdge: ResolverTypeWrapper<Omit<SupportAgentEdge, 'node'> & { node: ResolversTypes['SupportAgent'] }>;
  SupportStatistics: ResolverTypeWrapper<SupportStatistics>;
  Ticket: ResolverTypeWrapper<TicketModel>;
  TicketActivity: ResolverTypeWrapper<Omit<TicketActivity, 'message' | 'ticket'> & { message?: Maybe<ResolversTypes['TicketMessage']>, ticket: ResolversTypes['Ticket'] }>;
  TicketConnection: ResolverTypeWrapper<Omit<TicketConnection, 'edges'> & { edges: Array<ResolversTypes['TicketEdge']> }>;
  TicketEdge: ResolverTypeWrapper<Omit<TicketEdge, 'node'> & { node: ResolversTypes['Ticket'] }>;
  TicketFilter: TicketFilter;
  TicketMessage: ResolverTypeWrapper<TicketMessageModel>;
  TicketMessageConnection: ResolverTypeWrapper<Omit<TicketMessageConnection, 'edges'> & { edges: Array<ResolversTypes['TicketMessageEdge']> }>;
  TicketMessageEdge: ResolverTypeWrapper<Omit<TicketMessageEdge, 'node'> & { node: ResolversTypes['TicketMessage'] }>;
  TicketMessageKind: TicketMessageKind;
  TicketPriority: TicketPriority;
  TicketPriorityCount: ResolverTypeWrapper<TicketPriorityCount>;
  TicketSatisfaction: ResolverTypeWrapper<TicketSatisfaction>;
  TicketSla: ResolverTypeWrapper<TicketSla>;
  TicketStatus: TicketStatus;
  User: ResolverTypeWrapper<ReferenceModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CannedResponse: CannedResponseModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  CannedResponseConnection: Omit<CannedResponseConnection, 'edges'> & { edges: Array<ResolversParentTypes['CannedResponseEdge']> };
  CannedResponseEdge: Omit<CannedResponseEdge, 'node'> & { node: ResolversParentTypes['CannedResponse'] };
  CannedResponseInput: CannedResponseInput;
  DateTime: Scalars['DateTime']['output'];
  Media: ReferenceModel;
  Mutation: Record<PropertyKey, never>;
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  OpenTicketInput: OpenTicketInput;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Subscription: Record<PropertyKey, never>;
  SupportAgent: AgentModel;
  SupportAgentConnection: Omit<SupportAgentConnection, 'edges'> & { edges: Array<ResolversParentTypes['SupportAgentEdge']> };
  SupportAgentEdge: Omit<SupportAgentEdge, 'node'> & { node: ResolversParentTypes['SupportAgent'] };
  SupportStatistics: SupportStatistics;
  Ticket: TicketModel;
  TicketActivity: Omit<TicketActivity, 'message' | 'ticket'> & { message?: Maybe<ResolversParentTypes['TicketMessage']>, ticket: ResolversParentTypes['Ticket'] };
  TicketConnection: Omit<TicketConnection, 'edges'> & { edges: Array<ResolversParentTypes['TicketEdge']> };
  TicketEdge: Omit<TicketEdge, 'node'> & { node: ResolversParentTypes['Ticket'] };
  TicketFilter: TicketFilter;
  TicketMessage: TicketMessageModel;
  TicketMessageConnection: Omit<TicketMessageConnection, 'edges'> & { edges: Array<ResolversParentTypes['TicketMessageEdge']> };
  TicketMessageEdge: Omit<TicketMessageEdge, 'node'> & { node: ResolversParentTypes['TicketMessage'] };
  TicketPriorityCount: TicketPriorityCount;
  TicketSatisfaction: TicketSatisfaction;
  TicketSla: TicketSla;
  User: ReferenceModel;
}>;

export type CannedResponseResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CannedResponse'] = ResolversParentTypes['CannedResponse']> = ResolversObject<{
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  shortcut?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type CannedResponseConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CannedResponseConnection'] = ResolversParentTypes['CannedResponseConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CannedResponseEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CannedResponseEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CannedResponseEdge'] = ResolversParentTypes['CannedResponseEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CannedResponse'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MediaResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Media'] = ResolversParentTypes['Media']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addInternalNote?: Resolver<ResolversTypes['TicketMessage'], ParentType, ContextType, RequireFields<MutationAddInternalNoteArgs, 'attachmentIds' | 'body' | 'ticketId'>>;
  addSupportAgent?: Resolver<ResolversTypes['SupportAgent'], ParentType, ContextType, RequireFields<MutationAddSupportAgentArgs, 'capacity' | 'userId'>>;
  assignTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<MutationAssignTicketArgs, 'ticketId'>>;
  createCannedResponse?: Resolver<ResolversTypes['CannedResponse'], ParentType, ContextType, RequireFields<MutationCreateCannedResponseArgs, 'input'>>;
  deleteCannedResponse?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteCannedResponseArgs, 'id'>>;
  mergeTickets?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<MutationMergeTicketsArgs, 'sourceId' | 'targetId'>>;
  openTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<MutationOpenTicketArgs, 'input'>>;
  rateTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<MutationRateTicketArgs, 'rating' | 'ticketId'>>;
  removeSupportAgent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRemoveSupportAgentArgs, 'userId'>>;
  replyToTicket?: Resolver<ResolversTypes['TicketMessage'], ParentType, ContextType, RequireFields<MutationReplyToTicketArgs, 'attachmentIds' | 'body' | 'ticketId'>>;
  setSupportAvailability?: Resolver<ResolversTypes['SupportAgent'], ParentType, ContextType, RequireFields<MutationSetSupportAvailabilityArgs, 'available'>>;
  setTicketStatus?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<MutationSetTicketStatusArgs, 'status' | 'ticketId'>>;
  updateCannedResponse?: Resolver<ResolversTypes['CannedResponse'], ParentType, ContextType, RequireFields<MutationUpdateCannedResponseArgs, 'id' | 'input'>>;
  updateSupportAgent?: Resolver<ResolversTypes['SupportAgent'], ParentType, ContextType, RequireFields<MutationUpdateSupportAgentArgs, 'userId'>>;
  updateTicket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<MutationUpdateTicketArgs, 'ticketId'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  amSupportAgent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  cannedResponses?: Resolver<ResolversTypes['CannedResponseConnection'], ParentType, ContextType, RequireFields<QueryCannedResponsesArgs, 'first'>>;
  supportAgents?: Resolver<ResolversTypes['SupportAgentConnection'], ParentType, ContextType, RequireFields<QuerySupportAgentsArgs, 'first'>>;
  supportCategories?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  supportStatistics?: Resolver<ResolversTypes['SupportStatistics'], ParentType, ContextType, Partial<QuerySupportStatisticsArgs>>;
  supportTickets?: Resolver<ResolversTypes['TicketConnection'], ParentType, ContextType, RequireFields<QuerySupportTicketsArgs, 'first'>>;
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType, RequireFields<QueryTicketArgs, 'id'>>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  ticketActivity?: SubscriptionResolver<ResolversTypes['TicketActivity'], "ticketActivity", ParentType, ContextType, RequireFields<SubscriptionTicketActivityArgs, 'ticketId'>>;
}>;

export type SupportAgentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupportAgent'] = ResolversParentTypes['SupportAgent']> = ResolversObject<{
  addedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  available?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openTickets?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type SupportAgentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupportAgentConnection'] = ResolversParentTypes['SupportAgentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['SupportAgentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type SupportAgentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupportAgentEdge'] = ResolversParentTypes['SupportAgentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['SupportAgent'], ParentType, ContextType>;
}>;

export type SupportStatisticsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SupportStatistics'] = ResolversParentTypes['SupportStatistics']> = ResolversObject<{
  averageRating?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  breached?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianFirstResponseSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  medianResolutionSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  openByPriority?: Resolver<Array<ResolversTypes['TicketPriorityCount']>, ParentType, ContextType>;
  ratings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  satisfied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unassigned?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TicketResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Ticket'] = ResolversParentTypes['Ticket'], FederationReferenceType extends FederationReferenceTypes['Ticket'] = FederationReferenceTypes['Ticket']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Ticket']> | FederationReferenceType, FederationReferenceType, ContextType>;
  assignee?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  attachments?: Resolver<Array<Maybe<ResolversTypes['Media']>>, ParentType, ContextType>;
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstRespondedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mergedInto?: Resolver<Maybe<ResolversTypes['Ticket']>, ParentType, ContextType>;
  messages?: Resolver<ResolversTypes['TicketMessageConnection'], ParentType, ContextType, RequireFields<TicketMessagesArgs, 'first'>>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['TicketPriority'], ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  satisfaction?: Resolver<Maybe<ResolversTypes['TicketSatisfaction']>, ParentType, ContextType>;
  sla?: Resolver<ResolversTypes['TicketSla'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TicketStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type TicketActivityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketActivity'] = ResolversParentTypes['TicketActivity']> = ResolversObject<{
  message?: Resolver<Maybe<ResolversTypes['TicketMessage']>, ParentType, ContextType>;
  ticket?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
}>;

export type TicketConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketConnection'] = ResolversParentTypes['TicketConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['TicketEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type TicketEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketEdge'] = ResolversParentTypes['TicketEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Ticket'], ParentType, ContextType>;
}>;

export type TicketMessageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketMessage'] = ResolversParentTypes['TicketMessage']> = ResolversObject<{
  attachments?: Resolver<Array<Maybe<ResolversTypes['Media']>>, ParentType, ContextType>;
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  body?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fromAgent?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TicketMessageKind'], ParentType, ContextType>;
}>;

export type TicketMessageConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketMessageConnection'] = ResolversParentTypes['TicketMessageConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['TicketMessageEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type TicketMessageEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketMessageEdge'] = ResolversParentTypes['TicketMessageEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TicketMessage'], ParentType, ContextType>;
}>;

export type TicketPriorityCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketPriorityCount'] = ResolversParentTypes['TicketPriorityCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['TicketPriority'], ParentType, ContextType>;
}>;

export type TicketSatisfactionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketSatisfaction'] = ResolversParentTypes['TicketSatisfaction']> = ResolversObject<{
  comment?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ratedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TicketSlaResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TicketSla'] = ResolversParentTypes['TicketSla']> = ResolversObject<{
  firstResponseBreached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  firstResponseDueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  paused?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  resolutionBreached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  resolutionDueAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  tickets?: Resolver<Maybe<ResolversTypes['TicketConnection']>, ParentType, ContextType, RequireFields<UserTicketsArgs, 'first'>>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  CannedResponse?: CannedResponseResolvers<ContextType>;
  CannedResponseConnection?: CannedResponseConnectionResolvers<ContextType>;
  CannedResponseEdge?: CannedResponseEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Media?: MediaResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SupportAgent?: SupportAgentResolvers<ContextType>;
  SupportAgentConnection?: SupportAgentConnectionResolvers<ContextType>;
  SupportAgentEdge?: SupportAgentEdgeResolvers<ContextType>;
  SupportStatistics?: SupportStatisticsResolvers<ContextType>;
  Ticket?: TicketResolvers<ContextType>;
  TicketActivity?: TicketActivityResolvers<ContextType>;
  TicketConnection?: TicketConnectionResolvers<ContextType>;
  TicketEdge?: TicketEdgeResolvers<ContextType>;
  TicketMessage?: TicketMessageResolvers<ContextType>;
  TicketMessageConnection?: TicketMessageConnectionResolvers<ContextType>;
  TicketMessageEdge?: TicketMessageEdgeResolvers<ContextType>;
  TicketPriorityCount?: TicketPriorityCountResolvers<ContextType>;
  TicketSatisfaction?: TicketSatisfactionResolvers<ContextType>;
  TicketSla?: TicketSlaResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

