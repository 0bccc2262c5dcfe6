import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Profile as ProfileModel, BusinessContext as BusinessContextModel, FrequentClient as FrequentClientModel, CommonService as CommonServiceModel } from '../entities';
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

/** A service to add to the signed-in user's common services. */
export type AddCommonServiceInput = {
  /** An ISO 4217 currency code; omitted or null means the business context's default. */
  currency?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 500 characters. */
  description: Scalars['String']['input'];
  /** What one unit is, e.g. `hour`; at most 32 characters. */
  unit?: InputMaybe<Scalars['String']['input']>;
  /** A non-negative decimal with at most 2 decimals and 10 integer digits, e.g. `120` or `99.5`. */
  unitPrice: Scalars['String']['input'];
};

/** A client to add to the signed-in user's frequent clients. */
export type AddFrequentClientInput = {
  /** Several lines, at most 1000 characters. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** A valid email address, at most 254 characters. */
  email?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 characters. */
  name: Scalars['String']['input'];
};

/** What a user's invoices are made of: who they are as a business, whom they bill, what they sell. */
export type BusinessContext = {
  __typename?: 'BusinessContext';
  /** The postal address, several lines, at most 1000 characters; null when not set. */
  address?: Maybe<Scalars['String']['output']>;
  /** Services the user sells often, oldest first (at most 200). */
  commonServices: CommonServiceConnection;
  /** The trading name, at most 200 characters; null when not set. */
  companyName?: Maybe<Scalars['String']['output']>;
  /** ISO 4217 code of the currency invoices use unless a service says otherwise, e.g. `GBP`. */
  defaultCurrency?: Maybe<Scalars['String']['output']>;
  /** Clients the user bills often, oldest first (at most 200). */
  frequentClients: FrequentClientConnection;
  /** The company logo printed on invoices: one of the user's images; null when not set. */
  logo?: Maybe<Media>;
  /** A VAT number or other tax identifier, at most 64 characters; null when not set. */
  taxId?: Maybe<Scalars['String']['output']>;
  /** When the business context last changed. */
  updatedAt: Scalars['DateTime']['output'];
};


/** What a user's invoices are made of: who they are as a business, whom they bill, what they sell. */
export type BusinessContextCommonServicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** What a user's invoices are made of: who they are as a business, whom they bill, what they sell. */
export type BusinessContextFrequentClientsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A service the user sells often. */
export type CommonService = {
  __typename?: 'CommonService';
  /** When the service was added. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * ISO 4217 code: the service's own currency, else the business context's default; null when
   * neither is set.
   */
  currency?: Maybe<Scalars['String']['output']>;
  /** What is sold, at most 500 characters. */
  description: Scalars['String']['output'];
  /** Pass to `removeCommonService`. */
  id: Scalars['ID']['output'];
  /** What one unit is, e.g. `hour`; null when not set. */
  unit?: Maybe<Scalars['String']['output']>;
  /** Price of one unit as a decimal string with two decimals, e.g. `120.00` (never a float). */
  unitPrice: Scalars['String']['output'];
};

/** A page of common services. */
export type CommonServiceConnection = {
  __typename?: 'CommonServiceConnection';
  /** The services of this page, each with its cursor. */
  edges: Array<CommonServiceEdge>;
  /** Whether another page follows, and where it starts. */
  pageInfo: PageInfo;
};

/** A common service and its position in the list. */
export type CommonServiceEdge = {
  __typename?: 'CommonServiceEdge';
  /** Pass as `after` to get the services after this one. */
  cursor: Scalars['String']['output'];
  /** The service. */
  node: CommonService;
};

/** A client the user bills often. */
export type FrequentClient = {
  __typename?: 'FrequentClient';
  /** The client's postal address, several lines; null when not set. */
  address?: Maybe<Scalars['String']['output']>;
  /** When the client was added. */
  createdAt: Scalars['DateTime']['output'];
  /** Where invoices go; null when not set. */
  email?: Maybe<Scalars['String']['output']>;
  /** Pass to `removeFrequentClient`. */
  id: Scalars['ID']['output'];
  /** The client's name, at most 200 characters. */
  name: Scalars['String']['output'];
};

/** A page of frequent clients. */
export type FrequentClientConnection = {
  __typename?: 'FrequentClientConnection';
  /** The clients of this page, each with its cursor. */
  edges: Array<FrequentClientEdge>;
  /** Whether another page follows, and where it starts. */
  pageInfo: PageInfo;
};

/** A frequent client and its position in the list. */
export type FrequentClientEdge = {
  __typename?: 'FrequentClientEdge';
  /** Pass as `after` to get the clients after this one. */
  cursor: Scalars['String']['output'];
  /** The client. */
  node: FrequentClient;
};

export type Media = {
  __typename?: 'Media';
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Adds a common service to the signed-in user's list. QUOTA_EXCEEDED beyond 200 services. */
  addCommonService: CommonService;
  /** Adds a frequent client to the signed-in user's list. QUOTA_EXCEEDED beyond 200 clients. */
  addFrequentClient: FrequentClient;
  /**
   * Removes one of the signed-in user's common services and returns its id. NOT_FOUND when the
   * user has no service with this id.
   */
  removeCommonService: Scalars['ID']['output'];
  /**
   * Removes one of the signed-in user's frequent clients and returns its id. NOT_FOUND when
   * the user has no client with this id.
   */
  removeFrequentClient: Scalars['ID']['output'];
  /** Changes the signed-in user's own business context. UNAUTHENTICATED when anonymous. */
  updateBusinessContext: BusinessContext;
  /**
   * Changes the signed-in user's own profile (creating it if it does not exist yet) and emits
   * `accounts.profile_updated`. UNAUTHENTICATED when anonymous.
   */
  updateProfile: Profile;
};


export type MutationAddCommonServiceArgs = {
  input: AddCommonServiceInput;
};


export type MutationAddFrequentClientArgs = {
  input: AddFrequentClientInput;
};


export type MutationRemoveCommonServiceArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveFrequentClientArgs = {
  id: Scalars['ID']['input'];
};


export type MutationUpdateBusinessContextArgs = {
  input: UpdateBusinessContextInput;
};


export type MutationUpdateProfileArgs = {
  input: UpdateProfileInput;
};

/** Which notifications a user wants, per channel. */
export type NotificationPreferences = {
  __typename?: 'NotificationPreferences';
  /** Account and activity notifications by email (default true). */
  email: Scalars['Boolean']['output'];
  /** News and offers (default false: an explicit opt-in). */
  marketing: Scalars['Boolean']['output'];
  /** Account and activity notifications by SMS (default false). */
  sms: Scalars['Boolean']['output'];
};

/** Notification channels to change; an omitted channel stays as it is. */
export type NotificationPreferencesInput = {
  /** Account and activity notifications by email. */
  email?: InputMaybe<Scalars['Boolean']['input']>;
  /** News and offers. */
  marketing?: InputMaybe<Scalars['Boolean']['input']>;
  /** Account and activity notifications by SMS. */
  sms?: InputMaybe<Scalars['Boolean']['input']>;
};

/** Pagination state of a list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** Language, time zone and notification choices of a user. */
export type Preferences = {
  __typename?: 'Preferences';
  /** A BCP-47 language tag, e.g. `en-GB` (default `en-GB`). */
  locale: Scalars['String']['output'];
  /** Which notifications the user wants. */
  notifications: NotificationPreferences;
  /** An IANA time zone, e.g. `Europe/London` (default `UTC`). */
  timezone: Scalars['String']['output'];
};

/** Preferences to change; an omitted field stays as it is (none can be cleared). */
export type PreferencesInput = {
  /** A BCP-47 language tag, e.g. `en-GB`. */
  locale?: InputMaybe<Scalars['String']['input']>;
  /** Notification channels to change. */
  notifications?: InputMaybe<NotificationPreferencesInput>;
  /** An IANA time zone, e.g. `Europe/London`. */
  timezone?: InputMaybe<Scalars['String']['input']>;
};

/** How a person presents themself, and how they want to be addressed and notified. */
export type Profile = {
  __typename?: 'Profile';
  /**
   * The avatar image uploaded through media (`setAvatar`); null when there is none, or when the
   * avatar is an external URL the user gave (`avatarUrl`).
   */
  avatar?: Maybe<Media>;
  /**
   * The address of the avatar image: the public URL of `avatar` when the avatar was uploaded
   * through media (`setAvatar`), else the https URL the user gave; null when not set.
   */
  avatarUrl?: Maybe<Scalars['String']['output']>;
  /** The name shown to others; defaults to the part of the email before the `@`. */
  displayName: Scalars['String']['output'];
  /** Given name, at most 100 characters; null when not set. */
  firstName?: Maybe<Scalars['String']['output']>;
  /** Family name, at most 100 characters; null when not set. */
  lastName?: Maybe<Scalars['String']['output']>;
  /** Phone number in E.164 form, e.g. `+447700900123`; null when not set. */
  phone?: Maybe<Scalars['String']['output']>;
  /** Language, time zone and notification choices. */
  preferences: Preferences;
  /** When the profile last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/**
 * Changes to the signed-in user's business context: an omitted field stays as it is, an
 * explicit null clears it.
 */
export type UpdateBusinessContextInput = {
  /** Several lines, at most 1000 characters. */
  address?: InputMaybe<Scalars['String']['input']>;
  /** At most 200 characters. */
  companyName?: InputMaybe<Scalars['String']['input']>;
  /** An ISO 4217 currency code, e.g. `GBP`. */
  defaultCurrency?: InputMaybe<Scalars['String']['input']>;
  /**
   * The id of one of the user's images (uploaded through media) to print on invoices; null
   * removes the logo.
   */
  logoMediaId?: InputMaybe<Scalars['ID']['input']>;
  /** At most 64 characters. */
  taxId?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Changes to the signed-in user's profile: an omitted field stays as it is, an explicit null
 * clears a field that may be empty.
 */
export type UpdateProfileInput = {
  /**
   * An https URL, at most 2048 characters, replacing the avatar uploaded through media (the
   * same URL again keeps it); null clears it.
   */
  avatarUrl?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 64 characters; cannot be cleared. */
  displayName?: InputMaybe<Scalars['String']['input']>;
  /** At most 100 characters; null or empty clears it. */
  firstName?: InputMaybe<Scalars['String']['input']>;
  /** At most 100 characters; null or empty clears it. */
  lastName?: InputMaybe<Scalars['String']['input']>;
  /**
   * An international number with its country code, e.g. `+44 7700 900123` (spaces, dashes, dots
   * and parentheses are ignored; a leading `00` counts as `+`); stored as E.164. Null clears it.
   */
  phone?: InputMaybe<Scalars['String']['input']>;
  /** Preferences to change; omitted preferences stay as they are. */
  preferences?: InputMaybe<PreferencesInput>;
};

export type User = {
  __typename?: 'User';
  /**
   * What the user's invoices are made of (company, address, clients, services). Readable by its
   * owner and by staff; null with a FORBIDDEN error for anyone else, and null until the user
   * first saves a business context, a frequent client or a common service.
   */
  businessContext?: Maybe<BusinessContext>;
  /** The user's id, assigned by identity. */
  id: Scalars['ID']['output'];
  /**
   * The public face of the account. Readable by its owner and by staff; null with a FORBIDDEN
   * error for anyone else, and null while the profile is still being created.
   */
  profile?: Maybe<Profile>;
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
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AddCommonServiceInput: AddCommonServiceInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AddFrequentClientInput: AddFrequentClientInput;
  BusinessContext: ResolverTypeWrapper<BusinessContextModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  CommonService: ResolverTypeWrapper<CommonServiceModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CommonServiceConnection: ResolverTypeWrapper<Omit<CommonServiceConnection, 'edges'> & { edges: Array<ResolversTypes['CommonServiceEdge']> }>;
  CommonServiceEdge: ResolverTypeWrapper<Omit<CommonServiceEdge, 'node'> & { node: ResolversTypes['CommonService'] }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  FrequentClient: ResolverTypeWrapper<FrequentClientModel>;
  FrequentClientConnection: ResolverTypeWrapper<Omit<FrequentClientConnection, 'edges'> & { edges: Array<ResolversTypes['FrequentClientEdge']> }>;
  FrequentClientEdge: ResolverTypeWrapper<Omit<FrequentClientEdge, 'node'> & { node: ResolversTypes['FrequentClient'] }>;
  Media: ResolverTypeWrapper<Media>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NotificationPreferences: ResolverTypeWrapper<NotificationPreferences>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  NotificationPreferencesInput: NotificationPreferencesInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Preferences: ResolverTypeWrapper<Preferences>;
  PreferencesInput: PreferencesInput;
  Profile: ResolverTypeWrapper<ProfileModel>;
  UpdateBusinessContextInput: UpdateBusinessContextInput;
  UpdateProfileInput: UpdateProfileInput;
  User: ResolverTypeWrapper<Omit<User, 'businessContext' | 'profile'> & { businessContext?: Maybe<ResolversTypes['BusinessContext']>, profile?: Maybe<ResolversTypes['Profile']> }>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AddCommonServiceInput: AddCommonServiceInput;
  String: Scalars['String']['output'];
  AddFrequentClientInput: AddFrequentClientInput;
  BusinessContext: BusinessContextModel;
  Int: Scalars['Int']['output'];
  CommonService: CommonServiceModel;
  ID: Scalars['ID']['output'];
  CommonServiceConnection: Omit<CommonServiceConnection, 'edges'> & { edges: Array<ResolversParentTypes['CommonServiceEdge']> };
  CommonServiceEdge: Omit<CommonServiceEdge, 'node'> & { node: ResolversParentTypes['CommonService'] };
  DateTime: Scalars['DateTime']['output'];
  FrequentClient: FrequentClientModel;
  FrequentClientConnection: Omit<FrequentClientConnection, 'edges'> & { edges: Array<ResolversParentTypes['FrequentClientEdge']> };
  FrequentClientEdge: Omit<FrequentClientEdge, 'node'> & { node: ResolversParentTypes['FrequentClient'] };
  Media: Media;
  Mutation: Record<PropertyKey, never>;
  NotificationPreferences: NotificationPreferences;
  Boolean: Scalars['Boolean']['output'];
  NotificationPreferencesInput: NotificationPreferencesInput;
  PageInfo: PageInfo;
  Preferences: Preferences;
  PreferencesInput: PreferencesInput;
  Profile: ProfileModel;
  UpdateBusinessContextInput: UpdateBusinessContextInput;
  UpdateProfileInput: UpdateProfileInput;
  User: Omit<User, 'businessContext' | 'profile'> & { businessContext?: Maybe<ResolversParentTypes['BusinessContext']>, profile?: Maybe<ResolversParentTypes['Profile']> } | FederationReferenceTypes['User'];
}>;

export type BusinessContextResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BusinessContext'] = ResolversParentTypes['BusinessContext']> = ResolversObject<{
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  commonServices?: Resolver<ResolversTypes['CommonServiceConnection'], ParentType, ContextType, Partial<BusinessContextCommonServicesArgs>>;
  companyName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  defaultCurrency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  frequentClients?: Resolver<ResolversTypes['FrequentClientConnection'], ParentType, ContextType, Partial<BusinessContextFrequentClientsArgs>>;
  logo?: Resolver<Maybe<ResolversTypes['Media']>, ParentType, ContextType>;
  taxId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type CommonServiceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommonService'] = ResolversParentTypes['CommonService']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CommonServiceConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommonServiceConnection'] = ResolversParentTypes['CommonServiceConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CommonServiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CommonServiceEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CommonServiceEdge'] = ResolversParentTypes['CommonServiceEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CommonService'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type FrequentClientResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FrequentClient'] = ResolversParentTypes['FrequentClient']> = ResolversObject<{
  address?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FrequentClientConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FrequentClientConnection'] = ResolversParentTypes['FrequentClientConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['FrequentClientEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type FrequentClientEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FrequentClientEdge'] = ResolversParentTypes['FrequentClientEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['FrequentClient'], ParentType, ContextType>;
}>;

export type MediaResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Media'] = ResolversParentTypes['Media']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  addCommonService?: Resolver<ResolversTypes['CommonService'], ParentType, ContextType, RequireFields<MutationAddCommonServiceArgs, 'input'>>;
  addFrequentClient?: Resolver<ResolversTypes['FrequentClient'], ParentType, ContextType, RequireFields<MutationAddFrequentClientArgs, 'input'>>;
  removeCommonService?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationRemoveCommonServiceArgs, 'id'>>;
  removeFrequentClient?: Resolver<ResolversTypes['ID'], ParentType, ContextType, RequireFields<MutationRemoveFrequentClientArgs, 'id'>>;
  updateBusinessContext?: Resolver<ResolversTypes['BusinessContext'], ParentType, ContextType, RequireFields<MutationUpdateBusinessContextArgs, 'input'>>;
  updateProfile?: Resolver<ResolversTypes['Profile'], ParentType, ContextType, RequireFields<MutationUpdateProfileArgs, 'input'>>;
}>;

export type NotificationPreferencesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['NotificationPreferences'] = ResolversParentTypes['NotificationPreferences']> = ResolversObject<{
  email?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  marketing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sms?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PreferencesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Preferences'] = ResolversParentTypes['Preferences']> = ResolversObject<{
  locale?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  notifications?: Resolver<ResolversTypes['NotificationPreferences'], ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ProfileResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Profile'] = ResolversParentTypes['Profile']> = ResolversObject<{
  avatar?: Resolver<Maybe<ResolversTypes['Media']>, ParentType, ContextType>;
  avatarUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  displayName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastName?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  preferences?: Resolver<ResolversTypes['Preferences'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  businessContext?: Resolver<Maybe<ResolversTypes['BusinessContext']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  profile?: Resolver<Maybe<ResolversTypes['Profile']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  BusinessContext?: BusinessContextResolvers<ContextType>;
  CommonService?: CommonServiceResolvers<ContextType>;
  CommonServiceConnection?: CommonServiceConnectionResolvers<ContextType>;
  CommonServiceEdge?: CommonServiceEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  FrequentClient?: FrequentClientResolvers<ContextType>;
  FrequentClientConnection?: FrequentClientConnectionResolvers<ContextType>;
  FrequentClientEdge?: FrequentClientEdgeResolvers<ContextType>;
  Media?: MediaResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NotificationPreferences?: NotificationPreferencesResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Preferences?: PreferencesResolvers<ContextType>;
  Profile?: ProfileResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

