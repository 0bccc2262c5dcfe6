import { dateTimeScalar, safeIntScalar } from '@lattice/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types';
import { BillingAccount } from './billing-account';
import { BillingInvoice } from './billing-invoice';
import { CreditBalance, creditCatalogueQueries, creditMutations, creditUserFields } from './credits';
import {
  Membership,
  membershipCatalogueQueries,
  membershipMutations,
  membershipUserFields,
} from './memberships';
import { billingMutations } from './mutation';
import { promoMutations, promoQueries } from './promo-codes';
import { Payment } from './payment';
import { Plan } from './plan';
import { PlanSubscription } from './plan-subscription';
import { billingQueries } from './query';
import { userFields } from './user';

export const resolvers: Resolvers = {
  DateTime: dateTimeScalar,
  SafeInt: safeIntScalar,
  User: { ...userFields, ...creditUserFields, ...membershipUserFields },
  CreditBalance,
  Membership,
  Plan,
  PlanSubscription,
  Payment,
  BillingInvoice,
  BillingAccount,
  Query: { ...billingQueries, ...creditCatalogueQueries, ...membershipCatalogueQueries, ...promoQueries },
  Mutation: { ...billingMutations, ...creditMutations, ...promoMutations, ...membershipMutations },
};
