import type { BillingCustomer, PlanSubscription } from '../entities';
import type { Plan } from './plans';

/** What `User.billing` shows: the plan in effect, the subscription and the card on file. */
export interface BillingAccountView {
  plan: Plan;
  subscription: PlanSubscription | null;
  customer: BillingCustomer | null;
}

/** A user as billing knows one: by id (identity owns the rest). */
export interface UserReference {
  id: string;
}
