import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PlanSubscription as PlanSubscriptionModel, Payment as PaymentModel, Refund as RefundModel, BillingInvoice as BillingInvoiceModel, CreditLedgerEntry as CreditLedgerEntryModel, CreditHold as CreditHoldModel, Membership as MembershipModel, PromoCode as PromoCodeModel, CreditAccount as CreditAccountModel } from '../entities';
import type { Plan as PlanModel } from '../service/plans';
import type { BillingAccountView as BillingAccountViewModel, UserReference as UserReferenceModel } from '../service/account';
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

/** A user's plan and subscription (free when they never subscribed). */
export type BillingAccount = {
  __typename?: 'BillingAccount';
  /** The card payments use, when one is saved. */
  paymentMethod?: Maybe<PaymentMethodSummary>;
  /** The plan whose limits apply now. */
  plan: Plan;
  /** The paid subscription, if any (a canceled one stays visible). */
  subscription?: Maybe<PlanSubscription>;
};

export type BillingInterval =
  | 'month'
  | 'year';

/** An invoice Stripe issued for the plan subscription (a client invoice is `Invoice`, of invoicing). */
export type BillingInvoice = {
  __typename?: 'BillingInvoice';
  amountDue: Scalars['Int']['output'];
  amountPaid: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  /** Stripe's page for the invoice. */
  hostedInvoiceUrl?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  number?: Maybe<Scalars['String']['output']>;
  pdfUrl?: Maybe<Scalars['String']['output']>;
  periodEnd?: Maybe<Scalars['DateTime']['output']>;
  periodStart?: Maybe<Scalars['DateTime']['output']>;
  /** subscription_create, subscription_cycle, subscription_update or manual. */
  reason?: Maybe<Scalars['String']['output']>;
  /** draft, open, paid, void or uncollectible. */
  status: Scalars['String']['output'];
  user: User;
};

export type BillingInvoiceConnection = {
  __typename?: 'BillingInvoiceConnection';
  edges: Array<BillingInvoiceEdge>;
  pageInfo: PageInfo;
};

export type BillingInvoiceEdge = {
  __typename?: 'BillingInvoiceEdge';
  cursor: Scalars['String']['output'];
  node: BillingInvoice;
};

/** Where payments go: Stripe itself, or the local simulator (no STRIPE_SECRET_KEY set). */
export type BillingProvider = {
  __typename?: 'BillingProvider';
  /** `stripe` or `stripe-simulator`. */
  name: Scalars['String']['output'];
  /** True when payments go to Lattice's local Stripe simulator: nothing is charged. */
  simulated: Scalars['Boolean']['output'];
};

/** Billing statistics for admins. */
export type BillingStatistics = {
  __typename?: 'BillingStatistics';
  payments: Array<PaymentTotal>;
  /** Subscriptions by plan and status. */
  subscriptions: Array<SubscriptionCount>;
};

export type CreatePaymentIntentInput = {
  /** Minor units (cents), 50 to 99,999,999. */
  amount?: InputMaybe<Scalars['Int']['input']>;
  /** For purpose credits: the pack bought (its price is the amount). */
  creditPack?: InputMaybe<Scalars['ID']['input']>;
  /** ISO 4217, e.g. usd. */
  currency?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** For purpose membership: the package bought (its price is the amount). */
  membershipPackage?: InputMaybe<Scalars['ID']['input']>;
  /** Confirm at once with this Stripe PaymentMethod id. */
  paymentMethod?: InputMaybe<Scalars['String']['input']>;
  promoCode?: InputMaybe<Scalars['String']['input']>;
  purpose: PaymentPurpose;
};

export type CreatePromoCodeInput = {
  amountOff?: InputMaybe<Scalars['Int']['input']>;
  /** 3 to 32 letters, digits, - or _; case-insensitive. */
  code: Scalars['String']['input'];
  currency?: InputMaybe<Scalars['String']['input']>;
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  maxRedemptions?: InputMaybe<Scalars['Int']['input']>;
  percentOff?: InputMaybe<Scalars['Int']['input']>;
};

/**
 * A user's credits: subscription credits (granted each period, replaced at the next) are spent
 * before purchased ones (which do not expire).
 */
export type CreditBalance = {
  __typename?: 'CreditBalance';
  /** What can be spent now: subscription plus purchased credits, minus holds. */
  available: Scalars['Int']['output'];
  /** Credits held (e.g. by bookings) and not yet captured or released. */
  held: Scalars['Int']['output'];
  purchased: Scalars['Int']['output'];
  subscription: Scalars['Int']['output'];
};

export type CreditEntryKind =
  | 'admin_grant'
  | 'capture'
  | 'hold'
  | 'purchase'
  | 'release'
  | 'spend'
  | 'subscription_expiry'
  | 'subscription_grant';

/** Credits set aside for something not yet settled: captured (spent) or released (returned). */
export type CreditHold = {
  __typename?: 'CreditHold';
  amount: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  reference: Scalars['String']['output'];
  /** held, captured or released. */
  status: Scalars['String']['output'];
};

export type CreditLedgerConnection = {
  __typename?: 'CreditLedgerConnection';
  edges: Array<CreditLedgerEdge>;
  pageInfo: PageInfo;
};

export type CreditLedgerEdge = {
  __typename?: 'CreditLedgerEdge';
  cursor: Scalars['String']['output'];
  node: CreditLedgerEntry;
};

/** One credit movement: the ledger is append-only. */
export type CreditLedgerEntry = {
  __typename?: 'CreditLedgerEntry';
  /** Positive for credits in, negative for credits out. */
  amount: Scalars['Int']['output'];
  /** Available credits after this movement. */
  balanceAfter: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: CreditEntryKind;
  reason?: Maybe<Scalars['String']['output']>;
};

/** A pack of credits for sale (from configuration, `CREDIT_PACKS`). */
export type CreditPack = {
  __typename?: 'CreditPack';
  credits: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  price: Scalars['Int']['output'];
};

export type GrantMembershipInput = {
  package: Scalars['ID']['input'];
  startsAt?: InputMaybe<Scalars['DateTime']['input']>;
  userId: Scalars['ID']['input'];
};

/** A membership: bought or granted by an admin, active between its start and expiry. */
export type Membership = {
  __typename?: 'Membership';
  active: Scalars['Boolean']['output'];
  expiresAt: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  package: Scalars['String']['output'];
  /** purchase or admin. */
  source: Scalars['String']['output'];
  startsAt: Scalars['DateTime']['output'];
  type: Scalars['String']['output'];
};

/** A membership package for sale (from configuration, `MEMBERSHIP_PACKAGES`). */
export type MembershipPackage = {
  __typename?: 'MembershipPackage';
  currency: Scalars['String']['output'];
  durationDays: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  price: Scalars['Int']['output'];
  /** What kind of membership it gives, e.g. gym. */
  type: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Cancels at the end of the period (default), or at once (no refund of the period). */
  cancelSubscription: PlanSubscription;
  /** Spends held credits for good. */
  captureCreditHold: CreditHold;
  /**
   * Upgrade (a dearer plan): at once, the rest of the period charged prorated now.
   * Downgrade: at the end of the period (the current plan's limits stay until then).
   */
  changePlan: PlanSubscription;
  /**
   * Confirms a payment of the caller's with a Stripe PaymentMethod id. A declined card answers
   * PAYMENT_FAILED with `declineCode`; the payment stays open for another card.
   */
  confirmPayment: Payment;
  /**
   * Starts a payment (a Stripe PaymentIntent). Retrying the same mutation with the same
   * `idempotencyKey` (the client's, per operation) returns the same payment and charges once.
   */
  createPaymentIntent: Payment;
  /** Creates a promo code. Admins only. */
  createPromoCode: PromoCode;
  /** Gives credits to a user. Admins only. */
  grantCredits: CreditBalance;
  /** Gives a user a membership package. Admins only. */
  grantMembership: Membership;
  /** Sets credits aside for `reference` (e.g. a booking) until captured or released. Once per reference. */
  holdCredits: CreditHold;
  /** Pauses collection: renewals are not charged and the free plan's limits apply until resumed. */
  pauseSubscription: PlanSubscription;
  /**
   * Refunds all or part of what remains of a payment. Admins: any payment; users: their own,
   * within REFUND_WINDOW_DAYS, except purchases of credits or memberships already delivered
   * (FORBIDDEN: ask support).
   */
  refundPayment: Refund;
  /** Returns held credits to the balance. */
  releaseCreditHold: CreditHold;
  /** Undoes a cancellation at period end, a scheduled downgrade, or a pause. */
  resumeSubscription: PlanSubscription;
  /**
   * Spends credits of the caller's (subscription credits first). Once per `idempotencyKey`.
   * QUOTA_EXCEEDED (with `available`) when too few are available.
   */
  spendCredits: CreditBalance;
  /**
   * Subscribes the caller to a paid plan (with a trial by default), creating their Stripe
   * customer on first use. CONFLICT when they already have a live subscription (use changePlan).
   */
  subscribeToPlan: PlanSubscription;
};


export type MutationCancelSubscriptionArgs = {
  atPeriodEnd?: InputMaybe<Scalars['Boolean']['input']>;
};


export type MutationCaptureCreditHoldArgs = {
  id: Scalars['ID']['input'];
};


export type MutationChangePlanArgs = {
  plan: Scalars['ID']['input'];
};


export type MutationConfirmPaymentArgs = {
  id: Scalars['ID']['input'];
  paymentMethod: Scalars['String']['input'];
};


export type MutationCreatePaymentIntentArgs = {
  idempotencyKey: Scalars['String']['input'];
  input: CreatePaymentIntentInput;
};


export type MutationCreatePromoCodeArgs = {
  input: CreatePromoCodeInput;
};


export type MutationGrantCreditsArgs = {
  amount: Scalars['Int']['input'];
  reason: Scalars['String']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationGrantMembershipArgs = {
  input: GrantMembershipInput;
};


export type MutationHoldCreditsArgs = {
  amount: Scalars['Int']['input'];
  reference: Scalars['String']['input'];
};


export type MutationRefundPaymentArgs = {
  input: RefundPaymentInput;
};


export type MutationReleaseCreditHoldArgs = {
  id: Scalars['ID']['input'];
};


export type MutationSpendCreditsArgs = {
  amount: Scalars['Int']['input'];
  idempotencyKey: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


export type MutationSubscribeToPlanArgs = {
  input: SubscribeToPlanInput;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A payment (a Stripe PaymentIntent) by one user. */
export type Payment = {
  __typename?: 'Payment';
  /** Amount in minor units of `currency` (cents). */
  amount: Scalars['Int']['output'];
  /** What has been refunded so far, in minor units. */
  amountRefunded: Scalars['Int']['output'];
  /** Pass to Stripe.js to confirm on the client; only the payment's owner sees it. */
  clientSecret?: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** ISO 4217, lower case. */
  currency: Scalars['String']['output'];
  /** Why the last attempt failed (e.g. `insufficient_funds`), when it did. */
  declineCode?: Maybe<Scalars['String']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  failureMessage?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  purpose: PaymentPurpose;
  refunds: Array<Refund>;
  status: PaymentStatus;
  /** The Stripe PaymentIntent id. */
  stripePaymentIntentId: Scalars['String']['output'];
  succeededAt?: Maybe<Scalars['DateTime']['output']>;
  user: User;
};

export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  edges: Array<PaymentEdge>;
  pageInfo: PageInfo;
};

export type PaymentEdge = {
  __typename?: 'PaymentEdge';
  cursor: Scalars['String']['output'];
  node: Payment;
};

/** The card on file: never more than its brand, last four digits and expiry. */
export type PaymentMethodSummary = {
  __typename?: 'PaymentMethodSummary';
  brand: Scalars['String']['output'];
  expMonth: Scalars['Int']['output'];
  expYear: Scalars['Int']['output'];
  last4: Scalars['String']['output'];
};

export type PaymentPurpose =
  | 'credits'
  | 'membership'
  | 'other'
  | 'subscription';

export type PaymentStatus =
  | 'canceled'
  | 'failed'
  | 'processing'
  | 'requires_confirmation'
  | 'requires_payment_method'
  | 'succeeded';

/** Payment totals for one status and currency. */
export type PaymentTotal = {
  __typename?: 'PaymentTotal';
  /** Sum in minor units. */
  amount: Scalars['SafeInt']['output'];
  count: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  refunded: Scalars['SafeInt']['output'];
  status: PaymentStatus;
};

/** A plan: its prices and what it allows per period. Plans come from configuration (`PLANS`). */
export type Plan = {
  __typename?: 'Plan';
  /** Credits granted at the start of each period. */
  creditsPerPeriod: Scalars['Int']['output'];
  currency: Scalars['String']['output'];
  description: Scalars['String']['output'];
  /** free, starter, pro, enterprise, or a configured id. */
  id: Scalars['ID']['output'];
  /** Limits per period; null is unlimited. */
  limits: PlanLimits;
  /** Price of one month, in minor units of `currency`. */
  monthlyPrice: Scalars['Int']['output'];
  name: Scalars['String']['output'];
  /** Trial days a new subscriber gets unless asked otherwise. */
  trialDays: Scalars['Int']['output'];
  /** Price of one year, when the plan is sold yearly. */
  yearlyPrice?: Maybe<Scalars['Int']['output']>;
};

/** What a plan allows per period; null is unlimited. */
export type PlanLimits = {
  __typename?: 'PlanLimits';
  aiTokens?: Maybe<Scalars['SafeInt']['output']>;
  imageGenerations?: Maybe<Scalars['SafeInt']['output']>;
  siteGenerations?: Maybe<Scalars['SafeInt']['output']>;
  storageBytes?: Maybe<Scalars['SafeInt']['output']>;
};

/** A subscription to a paid plan, as Stripe reports it through webhooks. */
export type PlanSubscription = {
  __typename?: 'PlanSubscription';
  cancelAtPeriodEnd: Scalars['Boolean']['output'];
  canceledAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the current period ends: the renewal date unless it is canceled at period end. */
  currentPeriodEnd: Scalars['DateTime']['output'];
  currentPeriodStart: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  interval: BillingInterval;
  plan: Plan;
  /** A downgrade waiting for the period's end: the plan that applies from then on. */
  scheduledPlan?: Maybe<Plan>;
  status: PlanSubscriptionStatus;
  trialEnd?: Maybe<Scalars['DateTime']['output']>;
  user: User;
};

export type PlanSubscriptionStatus =
  | 'active'
  | 'canceled'
  /** The first payment has not succeeded. */
  | 'incomplete'
  /** A renewal payment failed; Stripe retries it. The plan's limits still apply. */
  | 'past_due'
  /** Collection paused: the free plan's limits apply until resumed. */
  | 'paused'
  /** In the free trial: the plan's limits apply. */
  | 'trialing';

/** A promo code: percent or amount off, until it expires or runs out; once per user. */
export type PromoCode = {
  __typename?: 'PromoCode';
  amountOff?: Maybe<Scalars['Int']['output']>;
  code: Scalars['String']['output'];
  currency?: Maybe<Scalars['String']['output']>;
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  maxRedemptions?: Maybe<Scalars['Int']['output']>;
  percentOff?: Maybe<Scalars['Int']['output']>;
  redemptions: Scalars['Int']['output'];
};

export type PromoCodeConnection = {
  __typename?: 'PromoCodeConnection';
  edges: Array<PromoCodeEdge>;
  pageInfo: PageInfo;
};

export type PromoCodeEdge = {
  __typename?: 'PromoCodeEdge';
  cursor: Scalars['String']['output'];
  node: PromoCode;
};

export type Query = {
  __typename?: 'Query';
  /** Whether payments go to Stripe or to the local simulator. Public. */
  billingProvider: BillingProvider;
  /** Payment totals by status and currency, and subscriptions by plan and status. Admins only. */
  billingStatistics: BillingStatistics;
  /** Credit packs for sale. Public. */
  creditPacks: Array<CreditPack>;
  /** Membership packages for sale. Public. */
  membershipPackages: Array<MembershipPackage>;
  /** A payment of the caller's (staff: anyone's); null when there is none such. */
  payment?: Maybe<Payment>;
  /** Every plan, cheapest first. Public. */
  plans: Array<Plan>;
  /** Promo codes, newest first. Admins only. */
  promoCodes: PromoCodeConnection;
};


export type QueryBillingStatisticsArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPromoCodesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Money returned from a payment. */
export type Refund = {
  __typename?: 'Refund';
  amount: Scalars['Int']['output'];
  createdAt: Scalars['DateTime']['output'];
  currency: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  reason: RefundReason;
  status: Scalars['String']['output'];
};

export type RefundPaymentInput = {
  /** Minor units; what remains when omitted. */
  amount?: InputMaybe<Scalars['Int']['input']>;
  paymentId: Scalars['ID']['input'];
  reason: RefundReason;
};

export type RefundReason =
  | 'duplicate'
  | 'fraudulent'
  | 'requested_by_customer';

export type SubscribeToPlanInput = {
  interval?: InputMaybe<BillingInterval>;
  /** A Stripe PaymentMethod id (on the simulator, e.g. pm_card_visa) saved as the default card. */
  paymentMethod?: InputMaybe<Scalars['String']['input']>;
  plan: Scalars['ID']['input'];
  promoCode?: InputMaybe<Scalars['String']['input']>;
  /** Trial days, 0 to 90; the plan's own by default. One trial per user: after a first subscription, none by default and BAD_USER_INPUT when asked. */
  trialDays?: InputMaybe<Scalars['Int']['input']>;
};

export type SubscriptionCount = {
  __typename?: 'SubscriptionCount';
  count: Scalars['Int']['output'];
  plan: Scalars['String']['output'];
  status: PlanSubscriptionStatus;
};

/** One meter of a user's usage in the current period. */
export type UsageMeter = {
  __typename?: 'UsageMeter';
  /** Null when unlimited. */
  limit?: Maybe<Scalars['SafeInt']['output']>;
  /** aiTokens, imageGenerations, siteGenerations or storageBytes. */
  meter: Scalars['String']['output'];
  periodStart: Scalars['DateTime']['output'];
  remaining?: Maybe<Scalars['SafeInt']['output']>;
  resetsAt: Scalars['DateTime']['output'];
  used: Scalars['SafeInt']['output'];
};

export type User = {
  __typename?: 'User';
  /** The user's plan and subscription. Readable by its owner and staff (FORBIDDEN otherwise). */
  billing?: Maybe<BillingAccount>;
  /** Stripe invoices of the plan subscription, newest first, optionally within [from, to). Owner and staff only. */
  billingInvoices: BillingInvoiceConnection;
  /** Every credit movement, newest first (append-only). Owner and staff only. */
  creditLedger: CreditLedgerConnection;
  /** The user's credits. Owner and staff only. */
  credits?: Maybe<CreditBalance>;
  id: Scalars['ID']['output'];
  /** The user's memberships, active first. Owner and staff only. */
  memberships: Array<Membership>;
  /** Payments, newest first, optionally within [from, to). Owner and staff only. */
  payments: PaymentConnection;
  /**
   * What the user has spent of each meter in the current period, against the plan's limits.
   * Owner and staff only.
   */
  usage: Array<UsageMeter>;
};


export type UserBillingInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type UserCreditLedgerArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type UserPaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
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
  BillingInvoice: BillingInvoice;
  Payment: Payment;
  PlanSubscription: PlanSubscription;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  BillingInvoice:
    ( { __typename: 'BillingInvoice' }
    & GraphQLRecursivePick<FederationTypes['BillingInvoice'], {"id":true}> );
  Payment:
    ( { __typename: 'Payment' }
    & GraphQLRecursivePick<FederationTypes['Payment'], {"id":true}> );
  PlanSubscription:
    ( { __typename: 'PlanSubscription' }
    & GraphQLRecursivePick<FederationTypes['PlanSubscription'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  BillingAccount: ResolverTypeWrapper<BillingAccountViewModel>;
  BillingInterval: BillingInterval;
  BillingInvoice: ResolverTypeWrapper<BillingInvoiceModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  BillingInvoiceConnection: ResolverTypeWrapper<Omit<BillingInvoiceConnection, 'edges'> & { edges: Array<ResolversTypes['BillingInvoiceEdge']> }>;
  BillingInvoiceEdge: ResolverTypeWrapper<Omit<BillingInvoiceEdge, 'node'> & { node: ResolversTypes['BillingInvoice'] }>;
  BillingProvider: ResolverTypeWrapper<BillingProvider>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BillingStatistics: ResolverTypeWrapper<BillingStatistics>;
  CreatePaymentIntentInput: CreatePaymentIntentInput;
  CreatePromoCodeInput: CreatePromoCodeInput;
  CreditBalance: ResolverTypeWrapper<CreditAccountModel>;
  CreditEntryKind: CreditEntryKind;
  CreditHold: ResolverTypeWrapper<CreditHoldModel>;
  CreditLedgerConnection: ResolverTypeWrapper<Omit<CreditLedgerConnection, 'edges'> & { edges: Array<ResolversTypes['CreditLedgerEdge']> }>;
  CreditLedgerEdge: ResolverTypeWrapper<Omit<CreditLedgerEdge, 'node'> & { node: ResolversTypes['CreditLedgerEntry'] }>;
  CreditLedgerEntry: ResolverTypeWrapper<CreditLedgerEntryModel>;
  CreditPack: ResolverTypeWrapper<CreditPack>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  GrantMembershipInput: GrantMembershipInput;
  Membership: ResolverTypeWrapper<MembershipModel>;
  MembershipPackage: ResolverTypeWrapper<MembershipPackage>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Payment: ResolverTypeWrapper<PaymentModel>;
  PaymentConnection: ResolverTypeWrapper<Omit<PaymentConnection, 'edges'> & { edges: Array<ResolversTypes['PaymentEdge']> }>;
  PaymentEdge: ResolverTypeWrapper<Omit<PaymentEdge, 'node'> & { node: ResolversTypes['Payment'] }>;
  PaymentMethodSummary: ResolverTypeWrapper<PaymentMethodSummary>;
  PaymentPurpose: PaymentPurpose;
  PaymentStatus: PaymentStatus;
  PaymentTotal: ResolverTypeWrapper<PaymentTotal>;
  Plan: ResolverTypeWrapper<PlanModel>;
  PlanLimits: ResolverTypeWrapper<PlanLimits>;
  PlanSubscription: ResolverTypeWrapper<PlanSubscriptionModel>;
  PlanSubscriptionStatus: PlanSubscriptionStatus;
  PromoCode: ResolverTypeWrapper<PromoCodeModel>;
  PromoCodeConnection: ResolverTypeWrapper<Omit<PromoCodeConnection, 'edges'> & { edges: Array<ResolversTypes['PromoCodeEdge']> }>;
  PromoCodeEdge: ResolverTypeWrapper<Omit<PromoCodeEdge, 'node'> & { node: ResolversTypes['PromoCode'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Refund: ResolverTypeWrapper<RefundModel>;
  RefundPaymentInput: RefundPaymentInput;
  RefundReason: RefundReason;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  SubscribeToPlanInput: SubscribeToPlanInput;
  SubscriptionCount: ResolverTypeWrapper<SubscriptionCount>;
  UsageMeter: ResolverTypeWrapper<UsageMeter>;
  User: ResolverTypeWrapper<UserReferenceModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  BillingAccount: BillingAccountViewModel;
  BillingInvoice: BillingInvoiceModel;
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  BillingInvoiceConnection: Omit<BillingInvoiceConnection, 'edges'> & { edges: Array<ResolversParentTypes['BillingInvoiceEdge']> };
  BillingInvoiceEdge: Omit<BillingInvoiceEdge, 'node'> & { node: ResolversParentTypes['BillingInvoice'] };
  BillingProvider: BillingProvider;
  Boolean: Scalars['Boolean']['output'];
  BillingStatistics: BillingStatistics;
  CreatePaymentIntentInput: CreatePaymentIntentInput;
  CreatePromoCodeInput: CreatePromoCodeInput;
  CreditBalance: CreditAccountModel;
  CreditHold: CreditHoldModel;
  CreditLedgerConnection: Omit<CreditLedgerConnection, 'edges'> & { edges: Array<ResolversParentTypes['CreditLedgerEdge']> };
  CreditLedgerEdge: Omit<CreditLedgerEdge, 'node'> & { node: ResolversParentTypes['CreditLedgerEntry'] };
  CreditLedgerEntry: CreditLedgerEntryModel;
  CreditPack: CreditPack;
  DateTime: Scalars['DateTime']['output'];
  GrantMembershipInput: GrantMembershipInput;
  Membership: MembershipModel;
  MembershipPackage: MembershipPackage;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Payment: PaymentModel;
  PaymentConnection: Omit<PaymentConnection, 'edges'> & { edges: Array<ResolversParentTypes['PaymentEdge']> };
  PaymentEdge: Omit<PaymentEdge, 'node'> & { node: ResolversParentTypes['Payment'] };
  PaymentMethodSummary: PaymentMethodSummary;
  PaymentTotal: PaymentTotal;
  Plan: PlanModel;
  PlanLimits: PlanLimits;
  PlanSubscription: PlanSubscriptionModel;
  PromoCode: PromoCodeModel;
  PromoCodeConnection: Omit<PromoCodeConnection, 'edges'> & { edges: Array<ResolversParentTypes['PromoCodeEdge']> };
  PromoCodeEdge: Omit<PromoCodeEdge, 'node'> & { node: ResolversParentTypes['PromoCode'] };
  Query: Record<PropertyKey, never>;
  Refund: RefundModel;
  RefundPaymentInput: RefundPaymentInput;
  SafeInt: Scalars['SafeInt']['output'];
  SubscribeToPlanInput: SubscribeToPlanInput;
  SubscriptionCount: SubscriptionCount;
  UsageMeter: UsageMeter;
  User: UserReferenceModel;
}>;

export type BillingAccountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BillingAccount'] = ResolversParentTypes['BillingAccount']> = ResolversObject<{
  paymentMethod?: Resolver<Maybe<ResolversTypes['PaymentMethodSummary']>, ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  subscription?: Resolver<Maybe<ResolversTypes['PlanSubscription']>, ParentType, ContextType>;
}>;

export type BillingInvoiceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BillingInvoice'] = ResolversParentTypes['BillingInvoice'], FederationReferenceType extends FederationReferenceTypes['BillingInvoice'] = FederationReferenceTypes['BillingInvoice']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['BillingInvoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amountDue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  amountPaid?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hostedInvoiceUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  pdfUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  periodEnd?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  periodStart?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type BillingInvoiceConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BillingInvoiceConnection'] = ResolversParentTypes['BillingInvoiceConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['BillingInvoiceEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type BillingInvoiceEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BillingInvoiceEdge'] = ResolversParentTypes['BillingInvoiceEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['BillingInvoice'], ParentType, ContextType>;
}>;

export type BillingProviderResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BillingProvider'] = ResolversParentTypes['BillingProvider']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  simulated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type BillingStatisticsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BillingStatistics'] = ResolversParentTypes['BillingStatistics']> = ResolversObject<{
  payments?: Resolver<Array<ResolversTypes['PaymentTotal']>, ParentType, ContextType>;
  subscriptions?: Resolver<Array<ResolversTypes['SubscriptionCount']>, ParentType, ContextType>;
}>;

export type CreditBalanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditBalance'] = ResolversParentTypes['CreditBalance']> = ResolversObject<{
  available?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  held?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  purchased?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subscription?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CreditHoldResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditHold'] = ResolversParentTypes['CreditHold']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CreditLedgerConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditLedgerConnection'] = ResolversParentTypes['CreditLedgerConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['CreditLedgerEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type CreditLedgerEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditLedgerEdge'] = ResolversParentTypes['CreditLedgerEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['CreditLedgerEntry'], ParentType, ContextType>;
}>;

export type CreditLedgerEntryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditLedgerEntry'] = ResolversParentTypes['CreditLedgerEntry']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  balanceAfter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CreditEntryKind'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type CreditPackResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CreditPack'] = ResolversParentTypes['CreditPack']> = ResolversObject<{
  credits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MembershipResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Membership'] = ResolversParentTypes['Membership']> = ResolversObject<{
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  package?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MembershipPackageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MembershipPackage'] = ResolversParentTypes['MembershipPackage']> = ResolversObject<{
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  durationDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  cancelSubscription?: Resolver<ResolversTypes['PlanSubscription'], ParentType, ContextType, RequireFields<MutationCancelSubscriptionArgs, 'atPeriodEnd'>>;
  captureCreditHold?: Resolver<ResolversTypes['CreditHold'], ParentType, ContextType, RequireFields<MutationCaptureCreditHoldArgs, 'id'>>;
  changePlan?: Resolver<ResolversTypes['PlanSubscription'], ParentType, ContextType, RequireFields<MutationChangePlanArgs, 'plan'>>;
  confirmPayment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<MutationConfirmPaymentArgs, 'id' | 'paymentMethod'>>;
  createPaymentIntent?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<MutationCreatePaymentIntentArgs, 'idempotencyKey' | 'input'>>;
  createPromoCode?: Resolver<ResolversTypes['PromoCode'], ParentType, ContextType, RequireFields<MutationCreatePromoCodeArgs, 'input'>>;
  grantCredits?: Resolver<ResolversTypes['CreditBalance'], ParentType, ContextType, RequireFields<MutationGrantCreditsArgs, 'amount' | 'reason' | 'userId'>>;
  grantMembership?: Resolver<ResolversTypes['Membership'], ParentType, ContextType, RequireFields<MutationGrantMembershipArgs, 'input'>>;
  holdCredits?: Resolver<ResolversTypes['CreditHold'], ParentType, ContextType, RequireFields<MutationHoldCreditsArgs, 'amount' | 'reference'>>;
  pauseSubscription?: Resolver<ResolversTypes['PlanSubscription'], ParentType, ContextType>;
  refundPayment?: Resolver<ResolversTypes['Refund'], ParentType, ContextType, RequireFields<MutationRefundPaymentArgs, 'input'>>;
  releaseCreditHold?: Resolver<ResolversTypes['CreditHold'], ParentType, ContextType, RequireFields<MutationReleaseCreditHoldArgs, 'id'>>;
  resumeSubscription?: Resolver<ResolversTypes['PlanSubscription'], ParentType, ContextType>;
  spendCredits?: Resolver<ResolversTypes['CreditBalance'], ParentType, ContextType, RequireFields<MutationSpendCreditsArgs, 'amount' | 'idempotencyKey' | 'reason'>>;
  subscribeToPlan?: Resolver<ResolversTypes['PlanSubscription'], ParentType, ContextType, RequireFields<MutationSubscribeToPlanArgs, 'input'>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type PaymentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment'], FederationReferenceType extends FederationReferenceTypes['Payment'] = FederationReferenceTypes['Payment']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Payment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  amountRefunded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  clientSecret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  declineCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  failureMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  purpose?: Resolver<ResolversTypes['PaymentPurpose'], ParentType, ContextType>;
  refunds?: Resolver<Array<ResolversTypes['Refund']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
  stripePaymentIntentId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  succeededAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type PaymentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentConnection'] = ResolversParentTypes['PaymentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PaymentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PaymentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentEdge'] = ResolversParentTypes['PaymentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
}>;

export type PaymentMethodSummaryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentMethodSummary'] = ResolversParentTypes['PaymentMethodSummary']> = ResolversObject<{
  brand?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  expMonth?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expYear?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  last4?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PaymentTotalResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PaymentTotal'] = ResolversParentTypes['PaymentTotal']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refunded?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
}>;

export type PlanResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Plan'] = ResolversParentTypes['Plan']> = ResolversObject<{
  creditsPerPeriod?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  limits?: Resolver<ResolversTypes['PlanLimits'], ParentType, ContextType>;
  monthlyPrice?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  trialDays?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  yearlyPrice?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type PlanLimitsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlanLimits'] = ResolversParentTypes['PlanLimits']> = ResolversObject<{
  aiTokens?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  imageGenerations?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  siteGenerations?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  storageBytes?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
}>;

export type PlanSubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PlanSubscription'] = ResolversParentTypes['PlanSubscription'], FederationReferenceType extends FederationReferenceTypes['PlanSubscription'] = FederationReferenceTypes['PlanSubscription']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PlanSubscription']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cancelAtPeriodEnd?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canceledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  currentPeriodEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currentPeriodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['BillingInterval'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['Plan'], ParentType, ContextType>;
  scheduledPlan?: Resolver<Maybe<ResolversTypes['Plan']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PlanSubscriptionStatus'], ParentType, ContextType>;
  trialEnd?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type PromoCodeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PromoCode'] = ResolversParentTypes['PromoCode']> = ResolversObject<{
  amountOff?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  maxRedemptions?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  percentOff?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  redemptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PromoCodeConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PromoCodeConnection'] = ResolversParentTypes['PromoCodeConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['PromoCodeEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type PromoCodeEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PromoCodeEdge'] = ResolversParentTypes['PromoCodeEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['PromoCode'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  billingProvider?: Resolver<ResolversTypes['BillingProvider'], ParentType, ContextType>;
  billingStatistics?: Resolver<ResolversTypes['BillingStatistics'], ParentType, ContextType, Partial<QueryBillingStatisticsArgs>>;
  creditPacks?: Resolver<Array<ResolversTypes['CreditPack']>, ParentType, ContextType>;
  membershipPackages?: Resolver<Array<ResolversTypes['MembershipPackage']>, ParentType, ContextType>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<QueryPaymentArgs, 'id'>>;
  plans?: Resolver<Array<ResolversTypes['Plan']>, ParentType, ContextType>;
  promoCodes?: Resolver<ResolversTypes['PromoCodeConnection'], ParentType, ContextType, RequireFields<QueryPromoCodesArgs, 'first'>>;
}>;

export type RefundResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Refund'] = ResolversParentTypes['Refund']> = ResolversObject<{
  amount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['RefundReason'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SubscriptionCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SubscriptionCount'] = ResolversParentTypes['SubscriptionCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  plan?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PlanSubscriptionStatus'], ParentType, ContextType>;
}>;

export type UsageMeterResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UsageMeter'] = ResolversParentTypes['UsageMeter']> = ResolversObject<{
  limit?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  meter?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  remaining?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  resetsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  used?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  billing?: Resolver<Maybe<ResolversTypes['BillingAccount']>, ParentType, ContextType>;
  billingInvoices?: Resolver<ResolversTypes['BillingInvoiceConnection'], ParentType, ContextType, RequireFields<UserBillingInvoicesArgs, 'first'>>;
  creditLedger?: Resolver<ResolversTypes['CreditLedgerConnection'], ParentType, ContextType, RequireFields<UserCreditLedgerArgs, 'first'>>;
  credits?: Resolver<Maybe<ResolversTypes['CreditBalance']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  memberships?: Resolver<Array<ResolversTypes['Membership']>, ParentType, ContextType>;
  payments?: Resolver<ResolversTypes['PaymentConnection'], ParentType, ContextType, RequireFields<UserPaymentsArgs, 'first'>>;
  usage?: Resolver<Array<ResolversTypes['UsageMeter']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  BillingAccount?: BillingAccountResolvers<ContextType>;
  BillingInvoice?: BillingInvoiceResolvers<ContextType>;
  BillingInvoiceConnection?: BillingInvoiceConnectionResolvers<ContextType>;
  BillingInvoiceEdge?: BillingInvoiceEdgeResolvers<ContextType>;
  BillingProvider?: BillingProviderResolvers<ContextType>;
  BillingStatistics?: BillingStatisticsResolvers<ContextType>;
  CreditBalance?: CreditBalanceResolvers<ContextType>;
  CreditHold?: CreditHoldResolvers<ContextType>;
  CreditLedgerConnection?: CreditLedgerConnectionResolvers<ContextType>;
  CreditLedgerEdge?: CreditLedgerEdgeResolvers<ContextType>;
  CreditLedgerEntry?: CreditLedgerEntryResolvers<ContextType>;
  CreditPack?: CreditPackResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Membership?: MembershipResolvers<ContextType>;
  MembershipPackage?: MembershipPackageResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentConnection?: PaymentConnectionResolvers<ContextType>;
  PaymentEdge?: PaymentEdgeResolvers<ContextType>;
  PaymentMethodSummary?: PaymentMethodSummaryResolvers<ContextType>;
  PaymentTotal?: PaymentTotalResolvers<ContextType>;
  Plan?: PlanResolvers<ContextType>;
  PlanLimits?: PlanLimitsResolvers<ContextType>;
  PlanSubscription?: PlanSubscriptionResolvers<ContextType>;
  PromoCode?: PromoCodeResolvers<ContextType>;
  PromoCodeConnection?: PromoCodeConnectionResolvers<ContextType>;
  PromoCodeEdge?: PromoCodeEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Refund?: RefundResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  SubscriptionCount?: SubscriptionCountResolvers<ContextType>;
  UsageMeter?: UsageMeterResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

