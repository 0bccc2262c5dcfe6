import type { PlanSubscriptionResolvers } from '../__generated__/resolvers-types';
import { visibleTo } from './guard';

export const PlanSubscription: PlanSubscriptionResolvers = {
  __resolveReference: async ({ id }, { viewer, loaders }) =>
    visibleTo(viewer, await loaders.subscriptionById.load(id)),
  user: (subscription) => ({ id: subscription.userId }),
  plan: (subscription, _args, { runtime }) => runtime.plans.get(subscription.plan) ?? runtime.plans.free,
  scheduledPlan: (subscription, _args, { runtime }) =>
    subscription.scheduledPlan ? (runtime.plans.get(subscription.scheduledPlan) ?? null) : null,
};
