import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PlatformEventRecord as PlatformEventRecordModel } from '../service/facts';
import type { UserActivity as UserActivityModel } from '../service/top-users';
import type { ServiceHealthRow as ServiceHealthRowModel } from '../monitoring/service-health';
import type { LiveStatsValue as LiveStatsValueModel } from '../runtime';
import type { RevenueQuery as RevenueQueryModel } from '../revenue/report';
import type { LifetimeValueSummary as LifetimeValueSummaryModel, CustomerValue as CustomerValueModel } from '../revenue/lifetime-value';
import type { AiUsageQuery as AiUsageQueryModel } from '../ai/usage';
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
  /** A calendar day in UTC, `YYYY-MM-DD`, e.g. `2026-11-22`. */
  Date: { input: string; output: string; }
  /** An ISO-8601 date-time in UTC, e.g. `2026-11-22T10:00:00.000Z`. */
  DateTime: { input: Date; output: Date; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  /** An integer that may exceed 32 bits (bytes, tokens), as a JSON number no larger than 2^53 − 1. */
  SafeInt: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/**
 * An estimated cost in US dollars (providers' list prices times what was used), exact: read it
 * with an exact decimal type, never `parseFloat`.
 */
export type AiCost = {
  __typename?: 'AiCost';
  /** US dollars with 12 decimals, e.g. `"0.001234500000"`. */
  dollars: Scalars['String']['output'];
  /** The same in picodollars (10⁻¹² USD), an integer as a decimal string, e.g. `"1234500000"`. */
  picodollars: Scalars['String']['output'];
};

/**
 * How one provider's model served replies over a range. Percentiles are interpolated
 * (`percentile_cont`) and given to a tenth of a millisecond.
 */
export type AiModelPerformance = {
  __typename?: 'AiModelPerformance';
  /** Replies cancelled before their end. */
  cancelledReplies: Scalars['Int']['output'];
  /** `failedReplies / replies` (0 to 1). */
  errorRate: Scalars['Float']['output'];
  /** Replies that failed. */
  failedReplies: Scalars['Int']['output'];
  /** Median milliseconds to the first token, over replies that got one; null without any. */
  firstTokenP50Ms?: Maybe<Scalars['Float']['output']>;
  /** 95th percentile of the same; null without replies that got a first token. */
  firstTokenP95Ms?: Maybe<Scalars['Float']['output']>;
  /** Median milliseconds from the request to the last token, over complete replies; null without any. */
  latencyP50Ms?: Maybe<Scalars['Float']['output']>;
  /** 95th percentile of the same; null without complete replies. */
  latencyP95Ms?: Maybe<Scalars['Float']['output']>;
  /** The model's id. */
  model: Scalars['String']['output'];
  /** The provider's id, e.g. `openai`. */
  provider: Scalars['String']['output'];
  /** Replies that ended: complete, cancelled or failed. */
  replies: Scalars['Int']['output'];
};

/** AI usage of one provider's model over a range. */
export type AiModelUsage = {
  __typename?: 'AiModelUsage';
  /** Of them, replies cancelled. */
  cancelledReplies: Scalars['Int']['output'];
  /** Completion tokens the model returned. */
  completionTokens: Scalars['SafeInt']['output'];
  /** The estimated cost of its replies and images. */
  cost: AiCost;
  /** Of them, replies that failed. */
  failedReplies: Scalars['Int']['output'];
  /** Images the model generated. */
  images: Scalars['Int']['output'];
  /** The model's id, e.g. `gpt-4o-mini`. */
  model: Scalars['String']['output'];
  /** Prompt tokens sent to the model. */
  promptTokens: Scalars['SafeInt']['output'];
  /** The provider's id, e.g. `openai`. */
  provider: Scalars['String']['output'];
  /** Replies the model gave (complete, cancelled or failed). */
  replies: Scalars['Int']['output'];
};

/** AI usage of the users of one plan over a range. */
export type AiPlanUsage = {
  __typename?: 'AiPlanUsage';
  /** Of them, replies cancelled. */
  cancelledReplies: Scalars['Int']['output'];
  /** Completion tokens of their replies. */
  completionTokens: Scalars['SafeInt']['output'];
  /** The estimated cost of their replies and images. */
  cost: AiCost;
  /** Of them, replies that failed. */
  failedReplies: Scalars['Int']['output'];
  /** Images they generated. */
  images: Scalars['Int']['output'];
  /** The plan the users are on now (`free` for users billing never moved). */
  plan: Scalars['String']['output'];
  /** Prompt tokens of their replies. */
  promptTokens: Scalars['SafeInt']['output'];
  /** Replies they got (complete, cancelled or failed). */
  replies: Scalars['Int']['output'];
  /** Distinct users of the plan who got a reply or an image. */
  users: Scalars['Int']['output'];
};

/** A model and how much it was used over a range. */
export type AiPopularModel = {
  __typename?: 'AiPopularModel';
  /** Distinct users it replied to. */
  chatters: Scalars['Int']['output'];
  /** The model's id. */
  model: Scalars['String']['output'];
  /** The provider's id. */
  provider: Scalars['String']['output'];
  /** Replies it gave (complete, cancelled or failed). */
  replies: Scalars['Int']['output'];
};

/** A page of models ranked by replies. */
export type AiPopularModelConnection = {
  __typename?: 'AiPopularModelConnection';
  /** The models of this page, most replies first, each with its cursor. */
  edges: Array<AiPopularModelEdge>;
  /** Whether another page follows, and where it starts. */
  pageInfo: PageInfo;
};

/** A ranked model and its position in the list. */
export type AiPopularModelEdge = {
  __typename?: 'AiPopularModelEdge';
  /** Pass as `after` to get the models after this one. */
  cursor: Scalars['String']['output'];
  /** The model and its use. */
  node: AiPopularModel;
};

/**
 * AI usage over a date range (admin only), from ai's replies and images. Each field is computed
 * only when selected.
 */
export type AiUsage = {
  __typename?: 'AiUsage';
  /** Tokens, images and cost per provider and model, by provider, then model. */
  byModel: Array<AiModelUsage>;
  /**
   * Tokens, images and cost per plan the users are on now (their latest plan change; `free`
   * for users billing never moved), most tokens first, then by plan. A user's whole usage in
   * the range counts toward their current plan, even if they changed plans during it.
   */
  byPlan: Array<AiPlanUsage>;
  /** Chat activity: one entry per day of the range, zero on quiet days, oldest first. */
  overTime: Array<AiUsageDay>;
  /** Each provider and model that replied: error rate and latencies, by provider, then model. */
  performance: Array<AiModelPerformance>;
  /** Models by replies, most first (ties by provider, then model). */
  popularModels: AiPopularModelConnection;
  /** Everything over the range. */
  totals: AiUsageTotals;
};


/**
 * AI usage over a date range (admin only), from ai's replies and images. Each field is computed
 * only when selected.
 */
export type AiUsagePopularModelsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** AI usage on one day (UTC). */
export type AiUsageDay = {
  __typename?: 'AiUsageDay';
  /** Replies cancelled that day. */
  cancelledReplies: Scalars['Int']['output'];
  /** Distinct users who got a reply that day. */
  chatters: Scalars['Int']['output'];
  /** Completion tokens of that day's replies. */
  completionTokens: Scalars['SafeInt']['output'];
  /** The estimated cost of that day's replies and images. */
  cost: AiCost;
  /** The day (UTC). */
  date: Scalars['Date']['output'];
  /** Replies that failed that day. */
  failedReplies: Scalars['Int']['output'];
  /** Images generated that day. */
  images: Scalars['Int']['output'];
  /** Prompt tokens of that day's replies. */
  promptTokens: Scalars['SafeInt']['output'];
  /** Replies that ended that day. */
  replies: Scalars['Int']['output'];
};

/** AI usage over a whole range. */
export type AiUsageTotals = {
  __typename?: 'AiUsageTotals';
  /** Replies cancelled before their end. */
  cancelledReplies: Scalars['Int']['output'];
  /** Distinct users who got a reply. */
  chatters: Scalars['Int']['output'];
  /** Completion tokens the replies received. */
  completionTokens: Scalars['SafeInt']['output'];
  /** The estimated cost of replies and images. */
  cost: AiCost;
  /** Replies that failed. */
  failedReplies: Scalars['Int']['output'];
  /** The estimated cost of the images. */
  imageCost: AiCost;
  /** Images generated. */
  images: Scalars['Int']['output'];
  /** Prompt tokens the replies sent to providers. */
  promptTokens: Scalars['SafeInt']['output'];
  /** Replies that ended: complete, cancelled or failed. */
  replies: Scalars['Int']['output'];
  /** The estimated cost of the replies. */
  replyCost: AiCost;
};

/**
 * Customer lifetime value in one currency: what customers paid over their whole history,
 * minus what was refunded to them.
 */
export type CustomerLifetimeValue = {
  __typename?: 'CustomerLifetimeValue';
  /**
   * `total / customers`, rounded to the nearest minor unit (halves away from zero); zero
   * without customers.
   */
  average: MoneyAmount;
  /** ISO 4217 code, lower case. */
  currency: Scalars['String']['output'];
  /** Users who paid at least once in this currency. */
  customers: Scalars['Int']['output'];
  /** Customers by lifetime value, highest first (ties by user id). */
  topCustomers: CustomerValueConnection;
  /** Their lifetime net payments, summed. */
  total: MoneyAmount;
};


/**
 * Customer lifetime value in one currency: what customers paid over their whole history,
 * minus what was refunded to them.
 */
export type CustomerLifetimeValueTopCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A customer's lifetime payments in one currency. */
export type CustomerValue = {
  __typename?: 'CustomerValue';
  /** When they first paid in this currency. */
  firstPaidAt: Scalars['DateTime']['output'];
  /** Payments that succeeded. */
  gross: MoneyAmount;
  /** When they last paid in this currency. */
  lastPaidAt: Scalars['DateTime']['output'];
  /** `gross - refunded`: their lifetime value. */
  net: MoneyAmount;
  /** Refunds issued to them. */
  refunded: MoneyAmount;
  /** The customer (resolved by the subgraphs that own it: email, profile...). */
  user: User;
};

/** A page of customers ranked by lifetime value. */
export type CustomerValueConnection = {
  __typename?: 'CustomerValueConnection';
  /** The customers of this page, highest value first, each with its cursor. */
  edges: Array<CustomerValueEdge>;
  /** Whether another page follows, and where it starts. */
  pageInfo: PageInfo;
};

/** A ranked customer and its position in the list. */
export type CustomerValueEdge = {
  __typename?: 'CustomerValueEdge';
  /** Pass as `after` to get the customers after this one. */
  cursor: Scalars['String']['output'];
  /** The customer and their lifetime value. */
  node: CustomerValue;
};

/** One day of a daily figure. */
export type DailyValue = {
  __typename?: 'DailyValue';
  /** The day (UTC). */
  date: Scalars['Date']['output'];
  /** The figure on that day (0 when nothing happened). */
  value: Scalars['Int']['output'];
};

/** The platform's figures at one moment, for live monitoring. */
export type LiveStats = {
  __typename?: 'LiveStats';
  /** Distinct users who caused a domain event in the last 5 minutes. */
  activeUsers: Scalars['Int']['output'];
  /** When the figures were taken. */
  at: Scalars['DateTime']['output'];
  /** Subscription clients connected to the gateways now. */
  connectedSubscribers: Scalars['Int']['output'];
  /** Domain events that occurred in the last minute. */
  eventsPerMinute: Scalars['Int']['output'];
  /** Every monitored subgraph, by name. */
  services: Array<ServiceHealth>;
  /** Sign-ups since midnight UTC. */
  signupsToday: Scalars['Int']['output'];
  /** Accounts that exist (sign-ups minus deletions). */
  usersTotal: Scalars['Int']['output'];
};

/**
 * An exact sum of money in one currency. `amount` is an integer count of the currency's minor
 * unit (cents for `usd`, yen for `jpy`) written as a decimal string, e.g. `"1234567890123"` for
 * 12,345,678,901.23 USD: totals outgrow GraphQL's 32-bit `Int`, and a `Float` would lose cents.
 * Read it with an exact integer type (`BigInt(amount)` in JavaScript), never `parseFloat`. It is
 * negative only where a figure can be (a net after refunds).
 */
export type MoneyAmount = {
  __typename?: 'MoneyAmount';
  /** An integer number of the currency's minor unit, as a decimal string (e.g. `"-1250"`). */
  amount: Scalars['String']['output'];
  /** ISO 4217 code, lower case, e.g. `usd`. */
  currency: Scalars['String']['output'];
};

/**
 * Monthly recurring revenue in one currency now: what every paying plan subscription brings
 * per month (a yearly price counts a twelfth, rounded down by billing).
 */
export type MonthlyRecurringRevenue = {
  __typename?: 'MonthlyRecurringRevenue';
  /** The sum over paying subscriptions. */
  amount: MoneyAmount;
  /** Per plan, highest amount first. */
  byPlan: Array<PlanRecurringRevenue>;
  /** ISO 4217 code, lower case. */
  currency: Scalars['String']['output'];
  /** Subscriptions that bring something (free, trialing, paused and canceled ones do not). */
  subscribers: Scalars['Int']['output'];
};

/** Pagination state of a list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** Monthly recurring revenue from one plan in one currency. */
export type PlanRecurringRevenue = {
  __typename?: 'PlanRecurringRevenue';
  /** The sum over the plan's paying subscriptions. */
  amount: MoneyAmount;
  /** The plan's name. */
  plan: Scalars['String']['output'];
  /** Paying subscriptions to the plan. */
  subscribers: Scalars['Int']['output'];
};

/** Revenue from one plan in one currency over a report's range. */
export type PlanRevenue = {
  __typename?: 'PlanRevenue';
  /** ISO 4217 code, lower case. */
  currency: Scalars['String']['output'];
  /** Payments for the plan that succeeded in the range. */
  gross: MoneyAmount;
  /** `gross - refunds`. */
  net: MoneyAmount;
  /**
   * The plan the payments were for; null for payments for no plan (credits, memberships...)
   * and refunds of payments analytics never recorded.
   */
  plan?: Maybe<Scalars['String']['output']>;
  /** Refunds of the plan's payments issued in the range. */
  refunds: MoneyAmount;
};

/** A domain event, as admins watch it live. */
export type PlatformEvent = {
  __typename?: 'PlatformEvent';
  /** The user who caused it; null when the system did. */
  actor?: Maybe<User>;
  /**
   * The event's non-secret fields (secrets, one-time tokens and personal data are left out);
   * null for events whose payload is secret.
   */
  data?: Maybe<Scalars['JSON']['output']>;
  /** The event's id (unique). */
  id: Scalars['ID']['output'];
  /** When the change happened. */
  occurredAt: Scalars['DateTime']['output'];
  /** Key of the entity the event is about (e.g. a user id). */
  subject: Scalars['String']['output'];
  /** The event type, e.g. `identity.user_registered`. */
  type: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * Admin only: AI usage from `from` to `to` (inclusive, UTC, at most 366 days): chat activity
   * per day, tokens by provider, model and plan, provider performance, estimated costs (exact
   * US dollars) and the most used models.
   */
  aiUsage: AiUsage;
  /**
   * Admin only: customer lifetime value per currency (by code) — average and top customers —
   * or only in `currency` (exactly that one, zero without customers).
   */
  customerLifetimeValue: Array<CustomerLifetimeValue>;
  /**
   * Admin only: distinct users who caused at least one domain event, per day from `from` to
   * `to` (inclusive, at most 366 days).
   */
  dailyActiveUsers: Array<DailyValue>;
  /**
   * Admin only: any registered daily metric (e.g. `identity.logins`, `events`) per day from
   * `from` to `to` (inclusive, at most 366 days). BAD_USER_INPUT for an unknown metric.
   */
  dailyMetric: Array<DailyValue>;
  /**
   * Admin only: monthly recurring revenue now, per currency (by code), or only in `currency`
   * (exactly that one, zero without subscribers).
   */
  mrr: Array<MonthlyRecurringRevenue>;
  /**
   * Admin only: revenue from `from` to `to` (inclusive, UTC, at most 366 days) in every
   * currency, or only in `currency` (ISO 4217, e.g. `usd`; BAD_USER_INPUT otherwise). Amounts
   * are exact integers of minor units (see `MoneyAmount`); currencies are never added together.
   */
  revenue: RevenueReport;
  /** Admin only: every monitored subgraph's health, probe latency, uptime and traffic. */
  serviceHealth: Array<ServiceHealth>;
  /** Admin only: sign-ups from `from` to `to` (inclusive, at most 366 days). */
  signups: Signups;
  /**
   * Admin only: users ranked by the domain events they caused from `from` to `to` (inclusive,
   * at most 366 days), most active first.
   */
  topUsers: UserActivityConnection;
  /**
   * Admin only: accounts created and deleted per day from `from` to `to` (inclusive, UTC, at
   * most 366 days), with the running total.
   */
  userGrowth: UserGrowth;
};


export type QueryAiUsageArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QueryCustomerLifetimeValueArgs = {
  currency?: InputMaybe<Scalars['String']['input']>;
};


export type QueryDailyActiveUsersArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QueryDailyMetricArgs = {
  from: Scalars['Date']['input'];
  metric: Scalars['String']['input'];
  to: Scalars['Date']['input'];
};


export type QueryMrrArgs = {
  currency?: InputMaybe<Scalars['String']['input']>;
};


export type QueryRevenueArgs = {
  currency?: InputMaybe<Scalars['String']['input']>;
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QuerySignupsArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QueryTopUsersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};


export type QueryUserGrowthArgs = {
  from: Scalars['Date']['input'];
  to: Scalars['Date']['input'];
};

/** Revenue in one currency on one day (UTC). */
export type RevenuePoint = {
  __typename?: 'RevenuePoint';
  /** ISO 4217 code, lower case. */
  currency: Scalars['String']['output'];
  /** The day (UTC). */
  date: Scalars['Date']['output'];
  /** Payments that succeeded that day. */
  gross: MoneyAmount;
  /** `gross - refunds` of that day. */
  net: MoneyAmount;
  /** Refunds issued that day. */
  refunds: MoneyAmount;
};

/**
 * Revenue over a date range (admin only), from billing's payments and refunds. Each list is
 * computed only when selected.
 */
export type RevenueReport = {
  __typename?: 'RevenueReport';
  /** Per plan and currency over the range, by currency, then net from highest. */
  byPlan: Array<PlanRevenue>;
  /**
   * One entry per day of the range and currency (as in `totals`), zero on days without
   * payments or refunds, oldest first, then by currency.
   */
  overTime: Array<RevenuePoint>;
  /**
   * Gross, refunds and net per currency over the whole range, by currency code. With
   * `currency`, exactly that currency (zero without payments).
   */
  totals: Array<RevenueTotal>;
};

/** Revenue in one currency over a report's range. */
export type RevenueTotal = {
  __typename?: 'RevenueTotal';
  /** ISO 4217 code, lower case. */
  currency: Scalars['String']['output'];
  /** Payments that succeeded, by the day they were paid. */
  gross: MoneyAmount;
  /** `gross - refunds`; negative when more was refunded than paid. */
  net: MoneyAmount;
  /** Refunds, by the day they were issued (not the day of the payment they return). */
  refunds: MoneyAmount;
};

/** A subgraph's health (from analytics' probes) and traffic (from the gateways' figures). */
export type ServiceHealth = {
  __typename?: 'ServiceHealth';
  /** Average duration of those requests in milliseconds; null when there were none. */
  averageLatencyMs?: Maybe<Scalars['Float']['output']>;
  /** When the last probe ran; null before the first probe. */
  checkedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Share of those requests that failed (0 to 1); null when there were none. */
  errorRate?: Maybe<Scalars['Float']['output']>;
  /** The subgraph's name, e.g. `identity`. */
  name: Scalars['String']['output'];
  /** How long the last readiness probe took, in milliseconds; null before the first probe. */
  probeLatencyMs?: Maybe<Scalars['Float']['output']>;
  /** Requests per second the gateways sent it over the last 15 seconds. */
  requestRate: Scalars['Float']['output'];
  /** The outcome of the last readiness probe. */
  status: ServiceStatus;
  /** Since when the subgraph has answered every probe; null while it is down. */
  upSince?: Maybe<Scalars['DateTime']['output']>;
  /** Share of successful probes over the last hour (0 to 1); null before the first probe. */
  uptime?: Maybe<Scalars['Float']['output']>;
};

/** Whether a subgraph answers its readiness probe. */
export enum ServiceStatus {
  /** The last probe failed, timed out or answered unhealthy. */
  Down = 'DOWN',
  /** Not probed yet. */
  Unknown = 'UNKNOWN',
  /** The last probe answered healthy. */
  Up = 'UP'
}

/** Sign-ups over a date range. */
export type Signups = {
  __typename?: 'Signups';
  /** Sign-ups per day of the range, oldest first. */
  days: Array<DailyValue>;
  /** Sign-ups over the whole range. */
  total: Scalars['Int']['output'];
};

export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Admin only: the platform's figures, first at once, then whenever they change but at most
   * once every `intervalSeconds` (1 to 300).
   */
  liveStats: LiveStats;
  /**
   * Admin only: every domain event as it is recorded, optionally only the given types
   * (BAD_USER_INPUT for an unknown type).
   */
  platformEvents: PlatformEvent;
};


export type SubscriptionLiveStatsArgs = {
  intervalSeconds?: InputMaybe<Scalars['Int']['input']>;
};


export type SubscriptionPlatformEventsArgs = {
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type User = {
  __typename?: 'User';
  id: Scalars['ID']['output'];
};

/** A user and how many domain events they caused over a date range. */
export type UserActivity = {
  __typename?: 'UserActivity';
  /** Domain events the user caused over the range. */
  events: Scalars['Int']['output'];
  /** The user (resolved by the subgraphs that own it: email, profile...). */
  user: User;
};

/** A page of users ranked by activity. */
export type UserActivityConnection = {
  __typename?: 'UserActivityConnection';
  /** The users of this page, most active first, each with its cursor. */
  edges: Array<UserActivityEdge>;
  /** Whether another page follows, and where it starts. */
  pageInfo: PageInfo;
};

/** A ranked user and its position in the list. */
export type UserActivityEdge = {
  __typename?: 'UserActivityEdge';
  /** Pass as `after` to get the users after this one. */
  cursor: Scalars['String']['output'];
  /** The user and their activity. */
  node: UserActivity;
};

/** How the number of accounts changed over a date range. */
export type UserGrowth = {
  __typename?: 'UserGrowth';
  /** One entry per day of the range, oldest first. */
  days: Array<UserGrowthDay>;
  /** Accounts that existed before the range started (sign-ups minus deletions). */
  totalBefore: Scalars['Int']['output'];
};

/** Sign-ups, deletions and the running total of accounts on one day. */
export type UserGrowthDay = {
  __typename?: 'UserGrowthDay';
  /** The day (UTC). */
  date: Scalars['Date']['output'];
  /** Accounts deleted that day. */
  deletions: Scalars['Int']['output'];
  /** Accounts created that day. */
  signups: Scalars['Int']['output'];
  /** Accounts that existed at the end of the day. */
  total: Scalars['Int']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;


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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AiCost: ResolverTypeWrapper<AiCost>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AiModelPerformance: ResolverTypeWrapper<AiModelPerformance>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  AiModelUsage: ResolverTypeWrapper<AiModelUsage>;
  AiPlanUsage: ResolverTypeWrapper<AiPlanUsage>;
  AiPopularModel: ResolverTypeWrapper<AiPopularModel>;
  AiPopularModelConnection: ResolverTypeWrapper<AiPopularModelConnection>;
  AiPopularModelEdge: ResolverTypeWrapper<AiPopularModelEdge>;
  AiUsage: ResolverTypeWrapper<AiUsageQueryModel>;
  AiUsageDay: ResolverTypeWrapper<AiUsageDay>;
  AiUsageTotals: ResolverTypeWrapper<AiUsageTotals>;
  CustomerLifetimeValue: ResolverTypeWrapper<LifetimeValueSummaryModel>;
  CustomerValue: ResolverTypeWrapper<CustomerValueModel>;
  CustomerValueConnection: ResolverTypeWrapper<Omit<CustomerValueConnection, 'edges'> & { edges: Array<ResolversTypes['CustomerValueEdge']> }>;
  CustomerValueEdge: ResolverTypeWrapper<Omit<CustomerValueEdge, 'node'> & { node: ResolversTypes['CustomerValue'] }>;
  DailyValue: ResolverTypeWrapper<DailyValue>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LiveStats: ResolverTypeWrapper<LiveStatsValueModel>;
  MoneyAmount: ResolverTypeWrapper<MoneyAmount>;
  MonthlyRecurringRevenue: ResolverTypeWrapper<MonthlyRecurringRevenue>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PlanRecurringRevenue: ResolverTypeWrapper<PlanRecurringRevenue>;
  PlanRevenue: ResolverTypeWrapper<PlanRevenue>;
  PlatformEvent: ResolverTypeWrapper<PlatformEventRecordModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RevenuePoint: ResolverTypeWrapper<RevenuePoint>;
  RevenueReport: ResolverTypeWrapper<RevenueQueryModel>;
  RevenueTotal: ResolverTypeWrapper<RevenueTotal>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  ServiceHealth: ResolverTypeWrapper<ServiceHealthRowModel>;
  ServiceStatus: ServiceStatus;
  Signups: ResolverTypeWrapper<Signups>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  User: ResolverTypeWrapper<User>;
  UserActivity: ResolverTypeWrapper<UserActivityModel>;
  UserActivityConnection: ResolverTypeWrapper<Omit<UserActivityConnection, 'edges'> & { edges: Array<ResolversTypes['UserActivityEdge']> }>;
  UserActivityEdge: ResolverTypeWrapper<Omit<UserActivityEdge, 'node'> & { node: ResolversTypes['UserActivity'] }>;
  UserGrowth: ResolverTypeWrapper<UserGrowth>;
  UserGrowthDay: ResolverTypeWrapper<UserGrowthDay>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AiCost: AiCost;
  String: Scalars['String']['output'];
  AiModelPerformance: AiModelPerformance;
  Int: Scalars['Int']['output'];
  Float: Scalars['Float']['output'];
  AiModelUsage: AiModelUsage;
  AiPlanUsage: AiPlanUsage;
  AiPopularModel: AiPopularModel;
  AiPopularModelConnection: AiPopularModelConnection;
  AiPopularModelEdge: AiPopularModelEdge;
  AiUsage: AiUsageQueryModel;
  AiUsageDay: AiUsageDay;
  AiUsageTotals: AiUsageTotals;
  CustomerLifetimeValue: LifetimeValueSummaryModel;
  CustomerValue: CustomerValueModel;
  CustomerValueConnection: Omit<CustomerValueConnection, 'edges'> & { edges: Array<ResolversParentTypes['CustomerValueEdge']> };
  CustomerValueEdge: Omit<CustomerValueEdge, 'node'> & { node: ResolversParentTypes['CustomerValue'] };
  DailyValue: DailyValue;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  JSON: Scalars['JSON']['output'];
  LiveStats: LiveStatsValueModel;
  MoneyAmount: MoneyAmount;
  MonthlyRecurringRevenue: MonthlyRecurringRevenue;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  PlanRecurringRevenue: PlanRecurringRevenue;
  PlanRevenue: PlanRevenue;
  PlatformEvent: PlatformEventRecordModel;
  ID: Scalars['ID']['output'];
  Query: Record<PropertyKey, never>;
  RevenuePoint: RevenuePoint;
  RevenueReport: RevenueQueryModel;
  RevenueTotal: RevenueTotal;
  SafeInt: Scalars['SafeInt']['output'];
  ServiceHealth: ServiceHealthRowModel;
  Signups: Signups;
  Subscription: Record<PropertyKey, never>;
  User: User;
  UserActivity: UserActivityModel;
  UserActivityConnection: Omit<UserActivityConnection, 'edges'> & { edges: Array<ResolversParentTypes['UserActivityEdge']> };
  UserActivityEdge: Omit<UserActivityEdge, 'node'> & { node: ResolversParentTypes['UserActivity'] };
  UserGrowth: UserGrowth;
  UserGrowthDay: UserGrowthDay;
}>;

export type AiCostResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AiCost'] = ResolversParentTypes['AiCost']> = ResolversObject<{
  dollars?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  picodollars?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type AiModelPerformanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AiModelPerformance'] = ResolversParentTypes['AiModelPerformance']> = ResolversObject<{
  cancelledReplies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  errorRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  failedReplies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstTokenP50Ms?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  firstTokenP95Ms?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  latencyP50Ms?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  latencyP95Ms?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AiModelUsageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AiModelUsage'] = ResolversParentTypes['AiModelUsage']> = ResolversObject<{
  cancelledReplies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completionTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  cost?: Resolver<ResolversTypes['AiCost'], ParentType, ContextType>;
  failedReplies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  images?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  promptTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AiPlanUsageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AiPlanUsage'] = ResolversParentTypes['AiPlanUsage']> = ResolversObject<{
  cancelledReplies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completionTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  cost?: Resolver<ResolversTypes['AiCost'], ParentType, ContextType>;
  failedReplies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  images?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  promptTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  replies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  users?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AiPopularModelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AiPopularModel'] = ResolversParentTypes['AiPopularModel']> = ResolversObject<{
  chatters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  provider?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  replies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AiPopularModelConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AiPopularModelConnection'] = ResolversParentTypes['AiPopularModelConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['AiPopularModelEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type AiPopularModelEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AiPopularModelEdge'] = ResolversParentTypes['AiPopularModelEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AiPopularModel'], ParentType, ContextType>;
}>;

export type AiUsageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AiUsage'] = ResolversParentTypes['AiUsage']> = ResolversObject<{
  byModel?: Resolver<Array<ResolversTypes['AiModelUsage']>, ParentType, ContextType>;
  byPlan?: Resolver<Array<ResolversTypes['AiPlanUsage']>, ParentType, ContextType>;
  overTime?: Resolver<Array<ResolversTypes['AiUsageDay']>, ParentType, ContextType>;
  performance?: Resolver<Array<ResolversTypes['AiModelPerformance']>, ParentType, ContextType>;
  popularModels?: Resolver<ResolversTypes['AiPopularModelConnection'], ParentType, ContextType, Partial<AiUsagePopularModelsArgs>>;
  totals?: Resolver<ResolversTypes['AiUsageTotals'], ParentType, ContextType>;
}>;

export type AiUsageDayResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AiUsageDay'] = ResolversParentTypes['AiUsageDay']> = ResolversObject<{
  cancelledReplies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  chatters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completionTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  cost?: Resolver<ResolversTypes['AiCost'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  failedReplies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  images?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  promptTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  replies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type AiUsageTotalsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AiUsageTotals'] = ResolversParentTypes['AiUsageTotals']> = ResolversObject<{
  cancelledReplies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  chatters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completionTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  cost?: Resolver<ResolversTypes['AiCost'], ParentType, ContextType>;
  failedReplies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  imageCost?: Resolver<ResolversTypes['AiCost'], ParentType, ContextType>;
  images?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  promptTokens?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  replies?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  replyCost?: Resolver<ResolversTypes['AiCost'], ParentType, ContextType>;
}>;

export type CustomerLifetimeValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerLifetimeValue'] = ResolversParentTypes['CustomerLifetimeValue']> = ResolversObject<{
  average?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  customers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topCustomers?: Resolver<ResolversTypes['CustomerValueConnection'], ParentType, ContextType, Partial<CustomerLifetimeValueTopCustomersArgs>>;
  total?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
}>;

export type CustomerValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerValue'] = ResolversParentTypes['CustomerValue']> = ResolversObject<{
  firstPaidAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  gross?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
  lastPaidAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type CustomerValueConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerValueConnection'] = ResolversParentTypes['CustomerValueConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CustomerValueEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CustomerValueEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CustomerValueEdge'] = ResolversParentTypes['CustomerValueEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CustomerValue'], ParentType, ContextType>;
}>;

export type DailyValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DailyValue'] = ResolversParentTypes['DailyValue']> = ResolversObject<{
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LiveStatsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LiveStats'] = ResolversParentTypes['LiveStats']> = ResolversObject<{
  activeUsers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  connectedSubscribers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  eventsPerMinute?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  services?: Resolver<Array<ResolversTypes['ServiceHealth']>, ParentType, ContextType>;
  signupsToday?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  usersTotal?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MoneyAmountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MoneyAmount'] = ResolversParentTypes['MoneyAmount']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MonthlyRecurringRevenueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MonthlyRecurringRevenue'] = ResolversParentTypes['MonthlyRecurringRevenue']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
  byPlan?: Resolver<Array<ResolversTypes['PlanRecurringRevenue']>, ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscribers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PlanRecurringRevenueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlanRecurringRevenue'] = ResolversParentTypes['PlanRecurringRevenue']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscribers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PlanRevenueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlanRevenue'] = ResolversParentTypes['PlanRevenue']> = ResolversObject<{
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gross?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  refunds?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
}>;

export type PlatformEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlatformEvent'] = ResolversParentTypes['PlatformEvent']> = ResolversObject<{
  actor?: Resolver<Maybe<ResolversTypes['User']>, ParentType, ContextType>;
  data?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  aiUsage?: Resolver<ResolversTypes['AiUsage'], ParentType, ContextType, RequireFields<QueryAiUsageArgs, 'from' | 'to'>>;
  customerLifetimeValue?: Resolver<Array<ResolversTypes['CustomerLifetimeValue']>, ParentType, ContextType, Partial<QueryCustomerLifetimeValueArgs>>;
  dailyActiveUsers?: Resolver<Array<ResolversTypes['DailyValue']>, ParentType, ContextType, RequireFields<QueryDailyActiveUsersArgs, 'from' | 'to'>>;
  dailyMetric?: Resolver<Array<ResolversTypes['DailyValue']>, ParentType, ContextType, RequireFields<QueryDailyMetricArgs, 'from' | 'metric' | 'to'>>;
  mrr?: Resolver<Array<ResolversTypes['MonthlyRecurringRevenue']>, ParentType, ContextType, Partial<QueryMrrArgs>>;
  revenue?: Resolver<ResolversTypes['RevenueReport'], ParentType, ContextType, RequireFields<QueryRevenueArgs, 'from' | 'to'>>;
  serviceHealth?: Resolver<Array<ResolversTypes['ServiceHealth']>, ParentType, ContextType>;
  signups?: Resolver<ResolversTypes['Signups'], ParentType, ContextType, RequireFields<QuerySignupsArgs, 'from' | 'to'>>;
  topUsers?: Resolver<ResolversTypes['UserActivityConnection'], ParentType, ContextType, RequireFields<QueryTopUsersArgs, 'from' | 'to'>>;
  userGrowth?: Resolver<ResolversTypes['UserGrowth'], ParentType, ContextType, RequireFields<QueryUserGrowthArgs, 'from' | 'to'>>;
}>;

export type RevenuePointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RevenuePoint'] = ResolversParentTypes['RevenuePoint']> = ResolversObject<{
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  gross?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
  refunds?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
}>;

export type RevenueReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RevenueReport'] = ResolversParentTypes['RevenueReport']> = ResolversObject<{
  byPlan?: Resolver<Array<ResolversTypes['PlanRevenue']>, ParentType, ContextType>;
  overTime?: Resolver<Array<ResolversTypes['RevenuePoint']>, ParentType, ContextType>;
  totals?: Resolver<Array<ResolversTypes['RevenueTotal']>, ParentType, ContextType>;
}>;

export type RevenueTotalResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RevenueTotal'] = ResolversParentTypes['RevenueTotal']> = ResolversObject<{
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  gross?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
  net?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
  refunds?: Resolver<ResolversTypes['MoneyAmount'], ParentType, ContextType>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type ServiceHealthResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ServiceHealth'] = ResolversParentTypes['ServiceHealth']> = ResolversObject<{
  averageLatencyMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  checkedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  errorRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  probeLatencyMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  requestRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ServiceStatus'], ParentType, ContextType>;
  upSince?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  uptime?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type SignupsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Signups'] = ResolversParentTypes['Signups']> = ResolversObject<{
  days?: Resolver<Array<ResolversTypes['DailyValue']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  liveStats?: SubscriptionResolver<ResolversTypes['LiveStats'], "liveStats", ParentType, ContextType, RequireFields<SubscriptionLiveStatsArgs, 'intervalSeconds'>>;
  platformEvents?: SubscriptionResolver<ResolversTypes['PlatformEvent'], "platformEvents", ParentType, ContextType, Partial<SubscriptionPlatformEventsArgs>>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type UserActivityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserActivity'] = ResolversParentTypes['UserActivity']> = ResolversObject<{
  events?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type UserActivityConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserActivityConnection'] = ResolversParentTypes['UserActivityConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['UserActivityEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type UserActivityEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserActivityEdge'] = ResolversParentTypes['UserActivityEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['UserActivity'], ParentType, ContextType>;
}>;

export type UserGrowthResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserGrowth'] = ResolversParentTypes['UserGrowth']> = ResolversObject<{
  days?: Resolver<Array<ResolversTypes['UserGrowthDay']>, ParentType, ContextType>;
  totalBefore?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type UserGrowthDayResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserGrowthDay'] = ResolversParentTypes['UserGrowthDay']> = ResolversObject<{
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  deletions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  signups?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AiCost?: AiCostResolvers<ContextType>;
  AiModelPerformance?: AiModelPerformanceResolvers<ContextType>;
  AiModelUsage?: AiModelUsageResolvers<ContextType>;
  AiPlanUsage?: AiPlanUsageResolvers<ContextType>;
  AiPopularModel?: AiPopularModelResolvers<ContextType>;
  AiPopularModelConnection?: AiPopularModelConnectionResolvers<ContextType>;
  AiPopularModelEdge?: AiPopularModelEdgeResolvers<ContextType>;
  AiUsage?: AiUsageResolvers<ContextType>;
  AiUsageDay?: AiUsageDayResolvers<ContextType>;
  AiUsageTotals?: AiUsageTotalsResolvers<ContextType>;
  CustomerLifetimeValue?: CustomerLifetimeValueResolvers<ContextType>;
  CustomerValue?: CustomerValueResolvers<ContextType>;
  CustomerValueConnection?: CustomerValueConnectionResolvers<ContextType>;
  CustomerValueEdge?: CustomerValueEdgeResolvers<ContextType>;
  DailyValue?: DailyValueResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  LiveStats?: LiveStatsResolvers<ContextType>;
  MoneyAmount?: MoneyAmountResolvers<ContextType>;
  MonthlyRecurringRevenue?: MonthlyRecurringRevenueResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PlanRecurringRevenue?: PlanRecurringRevenueResolvers<ContextType>;
  PlanRevenue?: PlanRevenueResolvers<ContextType>;
  PlatformEvent?: PlatformEventResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RevenuePoint?: RevenuePointResolvers<ContextType>;
  RevenueReport?: RevenueReportResolvers<ContextType>;
  RevenueTotal?: RevenueTotalResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  ServiceHealth?: ServiceHealthResolvers<ContextType>;
  Signups?: SignupsResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
  UserActivity?: UserActivityResolvers<ContextType>;
  UserActivityConnection?: UserActivityConnectionResolvers<ContextType>;
  UserActivityEdge?: UserActivityEdgeResolvers<ContextType>;
  UserGrowth?: UserGrowthResolvers<ContextType>;
  UserGrowthDay?: UserGrowthDayResolvers<ContextType>;
}>;

