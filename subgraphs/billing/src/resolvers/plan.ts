import type { PlanResolvers } from '../__generated__/resolvers-types';

export const Plan: PlanResolvers = {
  monthlyPrice: (plan) => plan.prices.month.amount,
  yearlyPrice: (plan) => plan.prices.year?.amount ?? null,
  currency: (plan) => plan.prices.month.currency,
};
