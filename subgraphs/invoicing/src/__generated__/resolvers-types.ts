import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Reference as ReferenceModel } from '../service/references';
import type { Invoice as InvoiceModel, InvoiceSettings as InvoiceSettingsModel } from '../entities';
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

/**
 * An invoice to one client of the user. Amounts are exact decimal strings in `currency`, with
 * the currency's number of decimals (`1234.50` in EUR, `1200` in JPY), never floats.
 */
export type Invoice = {
  __typename?: 'Invoice';
  client: InvoiceClient;
  createdAt: Scalars['DateTime']['output'];
  /** ISO 4217 code, upper case (`EUR`). */
  currency: Scalars['String']['output'];
  /** The AI call that made the draft; null for an invoice typed by hand. */
  draftedBy?: Maybe<InvoiceDraftedBy>;
  /**
   * The day payment is due (`YYYY-MM-DD`). A draft without one is given the user's payment terms
   * when issued.
   */
  dueDate?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** The day it was issued (`YYYY-MM-DD`); null while a draft. */
  issueDate?: Maybe<Scalars['String']['output']>;
  issuedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The lines, in order. */
  lines: Array<InvoiceLine>;
  /** Free text printed under the lines (payment details, thanks), at most 2,000 characters. */
  notes?: Maybe<Scalars['String']['output']>;
  /** The number, from the user's pattern (`INV-2026-0007`); null while a draft. */
  number?: Maybe<Scalars['String']['output']>;
  /** The user who bills; only they can read or act on the invoice. */
  owner: User;
  paidAt?: Maybe<Scalars['DateTime']['output']>;
  /** The invoice as a PDF, once issued (media stores it a moment after issuing: until then, null). */
  pdf?: Maybe<Media>;
  status: InvoiceStatus;
  /** The sum of the lines' amounts. */
  subtotal: Scalars['String']['output'];
  /** The sum of `taxes`. */
  tax: Scalars['String']['output'];
  /** The tax, per rate: each rate applies to the sum of its lines, rounded half up once. */
  taxes: Array<InvoiceTax>;
  /** `subtotal` + `tax`. */
  total: Scalars['String']['output'];
  /** What the user said that the draft was made from; null for an invoice typed by hand. */
  transcript?: Maybe<Scalars['String']['output']>;
  updatedAt: Scalars['DateTime']['output'];
  /** The voice note the transcript was made from; null when the user typed or pasted it. */
  voiceNote?: Maybe<Media>;
  /** Why it was voided; null unless VOID. */
  voidReason?: Maybe<Scalars['String']['output']>;
  voidedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** Who is billed. */
export type InvoiceClient = {
  __typename?: 'InvoiceClient';
  address?: Maybe<Scalars['String']['output']>;
  email?: Maybe<Scalars['String']['output']>;
  name: Scalars['String']['output'];
  taxId?: Maybe<Scalars['String']['output']>;
};

export type InvoiceClientInput = {
  /** At most 1,000 characters. */
  address?: InputMaybe<Scalars['String']['input']>;
  email?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 characters. */
  name: Scalars['String']['input'];
  /** At most 64 characters. */
  taxId?: InputMaybe<Scalars['String']['input']>;
};

/** A page of invoices. */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  edges: Array<InvoiceEdge>;
  pageInfo: PageInfo;
};

/**
 * A draft's content. In `updateInvoiceDraft`, an omitted field is unchanged, `lines` replaces
 * every line, and null clears `dueDate` or `notes`.
 */
export type InvoiceDraftInput = {
  client?: InputMaybe<InvoiceClientInput>;
  /** ISO 4217; default the business context's currency, else `USD`. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** `YYYY-MM-DD`, not in the past. */
  dueDate?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 100 lines. */
  lines?: InputMaybe<Array<InvoiceLineInput>>;
  notes?: InputMaybe<Scalars['String']['input']>;
};

/** The AI call a draft came from. */
export type InvoiceDraftedBy = {
  __typename?: 'InvoiceDraftedBy';
  completionTokens: Scalars['Int']['output'];
  model: Scalars['String']['output'];
  promptTokens: Scalars['Int']['output'];
  provider: Scalars['String']['output'];
  /**
   * True when the answer came from Lattice's local OpenAI simulator (no API key set): the draft
   * shows the flow, not a real model's reading of the transcript.
   */
  simulated: Scalars['Boolean']['output'];
};

export type InvoiceEdge = {
  __typename?: 'InvoiceEdge';
  cursor: Scalars['String']['output'];
  node: Invoice;
};

/** One line: `quantity` × `unitPrice` = `amount`, rounded half up to the currency's decimals. */
export type InvoiceLine = {
  __typename?: 'InvoiceLine';
  amount: Scalars['String']['output'];
  description: Scalars['String']['output'];
  /** A positive decimal with at most 3 decimals (`1.5`). */
  quantity: Scalars['String']['output'];
  /** Percent, at most 2 decimals (`20`, `5.5`). */
  taxRate: Scalars['String']['output'];
  /** What is counted (`hour`, `session`); null when nothing was said. */
  unit?: Maybe<Scalars['String']['output']>;
  unitPrice: Scalars['String']['output'];
};

export type InvoiceLineInput = {
  /** 1 to 500 characters. */
  description: Scalars['String']['input'];
  /** A positive decimal, at most 3 decimals, at most 1,000,000. */
  quantity: Scalars['String']['input'];
  /** Percent from 0 to 100, at most 2 decimals; default 0. */
  taxRate?: InputMaybe<Scalars['String']['input']>;
  unit?: InputMaybe<Scalars['String']['input']>;
  /** A non-negative decimal with at most the currency's decimals. */
  unitPrice: Scalars['String']['input'];
};

/** How the user's invoices are numbered and when they fall due. */
export type InvoiceSettings = {
  __typename?: 'InvoiceSettings';
  /** The sequence number the next issued invoice takes. Numbers are never reused or skipped. */
  nextSequence: Scalars['Int']['output'];
  /**
   * The pattern of the next numbers: `{SEQ}` (or `{SEQ:4}`, zero-padded) is the user's sequence,
   * `{YYYY}`, `{YY}` and `{MM}` the issue date's year and month, anything else is kept as is.
   */
  numberPattern: Scalars['String']['output'];
  /** Days from issue to due date for invoices issued without one. */
  paymentTermsDays: Scalars['Int']['output'];
};

export type InvoiceSettingsInput = {
  /** At most 40 characters, with `{SEQ}` or `{SEQ:n}` (n from 1 to 9) exactly once. */
  numberPattern?: InputMaybe<Scalars['String']['input']>;
  /** 0 to 365. */
  paymentTermsDays?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * Where an invoice is: DRAFT (editable, no number, deletable), ISSUED (numbered, final),
 * PAID (an issued invoice the user marked paid), VOID (an issued invoice cancelled: its number
 * stays taken).
 */
export type InvoiceStatus =
  | 'DRAFT'
  | 'ISSUED'
  | 'PAID'
  | 'VOID';

/** The tax of one rate: `rate`% of `base`, the sum of that rate's lines. */
export type InvoiceTax = {
  __typename?: 'InvoiceTax';
  amount: Scalars['String']['output'];
  base: Scalars['String']['output'];
  rate: Scalars['String']['output'];
};

/** The invoices of one status in one currency. */
export type InvoiceTotal = {
  __typename?: 'InvoiceTotal';
  count: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  status: InvoiceStatus;
  total: Scalars['String']['output'];
};

export type Media = {
  __typename?: 'Media';
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** A draft typed by hand: `client` and `lines` are required. */
  createInvoiceDraft: Invoice;
  /** Deletes a draft. An issued invoice cannot be deleted (CONFLICT): void it. */
  deleteInvoice: Scalars['ID']['output'];
  /**
   * Asks the AI model for a draft from what the caller said (1 to 8,000 characters), with
   * their business context (company, currency, frequent clients, common services) to fill
   * gaps. The totals are computed here, exactly; an answer that breaks the draft's shape or
   * cannot be exact in its currency is refused with INVALID_MODEL_OUTPUT and nothing is stored.
   * The tokens count against the caller's AI limit (QUOTA_EXCEEDED when spent).
   */
  draftInvoiceFromTranscript: Invoice;
  /**
   * `draftInvoiceFromTranscript` from a voice note: one of the caller's `AUDIO` media (mp3, m4a,
   * wav, webm, ogg, flac; at most 25 MB), transcribed first by the AI provider (its tokens count
   * against the caller's AI limit too). `language` (ISO 639-1, e.g. `de`) helps the
   * transcription. Someone else's media is NOT_FOUND; another type UNSUPPORTED_MEDIA_TYPE.
   */
  draftInvoiceFromVoiceNote: Invoice;
  /**
   * Numbers the draft (the next of the caller's sequence: no gap, never reused), dates it,
   * renders its PDF and makes it final.
   */
  issueInvoice: Invoice;
  /** Marks an issued invoice paid. */
  markInvoicePaid: Invoice;
  /** A new draft from the same transcript (the invoice itself is unchanged). */
  regenerateInvoice: Invoice;
  /** Changes a draft (CONFLICT once issued). */
  updateInvoiceDraft: Invoice;
  updateInvoiceSettings: InvoiceSettings;
  /** Cancels an issued invoice; its number stays taken. `reason` 1 to 500 characters. */
  voidInvoice: Invoice;
};


export type MutationCreateInvoiceDraftArgs = {
  input: InvoiceDraftInput;
};


export type MutationDeleteInvoiceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationDraftInvoiceFromTranscriptArgs = {
  transcript: Scalars['String']['input'];
};


export type MutationDraftInvoiceFromVoiceNoteArgs = {
  language?: InputMaybe<Scalars['String']['input']>;
  mediaId: Scalars['ID']['input'];
};


export type MutationIssueInvoiceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationMarkInvoicePaidArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRegenerateInvoiceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateInvoiceDraftArgs = {
  id: Scalars['ID']['input'];
  input: InvoiceDraftInput;
};


export type MutationUpdateInvoiceSettingsArgs = {
  input: InvoiceSettingsInput;
};


export type MutationVoidInvoiceArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
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
  /** One of the caller's invoices; null when it is not theirs or does not exist. */
  invoice?: Maybe<Invoice>;
};


export type QueryInvoiceArgs = {
  id: Scalars['ID']['input'];
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
  /** How the user's invoices are numbered and when they fall due. The user only. */
  invoiceSettings?: Maybe<InvoiceSettings>;
  /** How many invoices the user has and their exact total, per status and currency. The user only. */
  invoiceTotals?: Maybe<Array<InvoiceTotal>>;
  /**
   * The user's invoices, newest first, optionally of one status and of clients whose name
   * contains `client` (any case). The user only.
   */
  invoices?: Maybe<InvoiceConnection>;
};


export type UserInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  client?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<InvoiceStatus>;
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
  Invoice: Invoice;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Invoice: ResolverTypeWrapper<InvoiceModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  InvoiceClient: ResolverTypeWrapper<InvoiceClient>;
  InvoiceClientInput: InvoiceClientInput;
  InvoiceConnection: ResolverTypeWrapper<Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversTypes['InvoiceEdge']> }>;
  InvoiceDraftInput: InvoiceDraftInput;
  InvoiceDraftedBy: ResolverTypeWrapper<InvoiceDraftedBy>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  InvoiceEdge: ResolverTypeWrapper<Omit<InvoiceEdge, 'node'> & { node: ResolversTypes['Invoice'] }>;
  InvoiceLine: ResolverTypeWrapper<InvoiceLine>;
  InvoiceLineInput: InvoiceLineInput;
  InvoiceSettings: ResolverTypeWrapper<InvoiceSettingsModel>;
  InvoiceSettingsInput: InvoiceSettingsInput;
  InvoiceStatus: InvoiceStatus;
  InvoiceTax: ResolverTypeWrapper<InvoiceTax>;
  InvoiceTotal: ResolverTypeWrapper<InvoiceTotal>;
  Media: ResolverTypeWrapper<ReferenceModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<ReferenceModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  DateTime: Scalars['DateTime']['output'];
  Invoice: InvoiceModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  InvoiceClient: InvoiceClient;
  InvoiceClientInput: InvoiceClientInput;
  InvoiceConnection: Omit<InvoiceConnection, 'edges'> & { edges: Array<ResolversParentTypes['InvoiceEdge']> };
  InvoiceDraftInput: InvoiceDraftInput;
  InvoiceDraftedBy: InvoiceDraftedBy;
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
  InvoiceEdge: Omit<InvoiceEdge, 'node'> & { node: ResolversParentTypes['Invoice'] };
  InvoiceLine: InvoiceLine;
  InvoiceLineInput: InvoiceLineInput;
  InvoiceSettings: InvoiceSettingsModel;
  InvoiceSettingsInput: InvoiceSettingsInput;
  InvoiceTax: InvoiceTax;
  InvoiceTotal: InvoiceTotal;
  Media: ReferenceModel;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  User: ReferenceModel;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type InvoiceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  client?: Resolver<ResolversTypes['InvoiceClient'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  draftedBy?: Resolver<Maybe<ResolversTypes['InvoiceDraftedBy']>, ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issueDate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  issuedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['InvoiceLine']>, ParentType, ContextType>;
  notes?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  paidAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  pdf?: Resolver<Maybe<ResolversTypes['Media']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvoiceStatus'], ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxes?: Resolver<Array<ResolversTypes['InvoiceTax']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  transcript?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  voiceNote?: Resolver<Maybe<ResolversTypes['Media']>, ParentType, ContextType>;
  voidReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  voidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type InvoiceClientResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceClient'] = ResolversParentTypes['InvoiceClient']> = ResolversObject<{
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type InvoiceConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceConnection'] = ResolversParentTypes['InvoiceConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['InvoiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type InvoiceDraftedByResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceDraftedBy'] = ResolversParentTypes['InvoiceDraftedBy']> = ResolversObject<{
  completionTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  promptTokens?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  simulated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type InvoiceEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceEdge'] = ResolversParentTypes['InvoiceEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
}>;

export type InvoiceLineResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceLine'] = ResolversParentTypes['InvoiceLine']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  taxRate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type InvoiceSettingsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceSettings'] = ResolversParentTypes['InvoiceSettings']> = ResolversObject<{
  nextSequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  numberPattern?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  paymentTermsDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type InvoiceTaxResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceTax'] = ResolversParentTypes['InvoiceTax']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  base?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type InvoiceTotalResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InvoiceTotal'] = ResolversParentTypes['InvoiceTotal']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvoiceStatus'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MediaResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Media'] = ResolversParentTypes['Media']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createInvoiceDraft?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationCreateInvoiceDraftArgs, 'input'>>;
  deleteInvoice?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationDeleteInvoiceArgs, 'id'>>;
  draftInvoiceFromTranscript?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationDraftInvoiceFromTranscriptArgs, 'transcript'>>;
  draftInvoiceFromVoiceNote?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationDraftInvoiceFromVoiceNoteArgs, 'mediaId'>>;
  issueInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationIssueInvoiceArgs, 'id'>>;
  markInvoicePaid?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationMarkInvoicePaidArgs, 'id'>>;
  regenerateInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationRegenerateInvoiceArgs, 'id'>>;
  updateInvoiceDraft?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationUpdateInvoiceDraftArgs, 'id' | 'input'>>;
  updateInvoiceSettings?: Resolver<ResolversTypes['InvoiceSettings'], ParentType, ContextType, RequireFields<MutationUpdateInvoiceSettingsArgs, 'input'>>;
  voidInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationVoidInvoiceArgs, 'id' | 'reason'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<QueryInvoiceArgs, 'id'>>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoiceSettings?: Resolver<Maybe<ResolversTypes['InvoiceSettings']>, ParentType, ContextType>;
  invoiceTotals?: Resolver<Maybe<Array<ResolversTypes['InvoiceTotal']>>, ParentType, ContextType>;
  invoices?: Resolver<Maybe<ResolversTypes['InvoiceConnection']>, ParentType, ContextType, RequireFields<UserInvoicesArgs, 'first'>>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  DateTime?: GraphQLScalarType;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceClient?: InvoiceClientResolvers<ContextType>;
  InvoiceConnection?: InvoiceConnectionResolvers<ContextType>;
  InvoiceDraftedBy?: InvoiceDraftedByResolvers<ContextType>;
  InvoiceEdge?: InvoiceEdgeResolvers<ContextType>;
  InvoiceLine?: InvoiceLineResolvers<ContextType>;
  InvoiceSettings?: InvoiceSettingsResolvers<ContextType>;
  InvoiceTax?: InvoiceTaxResolvers<ContextType>;
  InvoiceTotal?: InvoiceTotalResolvers<ContextType>;
  Media?: MediaResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

