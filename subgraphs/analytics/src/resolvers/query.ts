import { badUserInput } from '@lattice/server-kit';
import { requireRole } from '@lattice/subgraph-kit';
import type { AiUsageQuery } from '../ai/usage';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import { lifetimeValues } from '../revenue/lifetime-value';
import { currencyFilter } from '../revenue/money';
import { monthlyRecurringRevenue } from '../revenue/mrr';
import { checkRange } from '../service/ranges';
import { dailyActiveUsers, dailyMetric, signups, userGrowth } from '../service/reports';
import { topUsers } from '../service/top-users';

export const Query: QueryResolvers = {
  userGrowth: (_parent, { from, to }, { viewer, em }) => {
    requireRole(viewer, 'admin');
    return userGrowth(em, checkRange(from, to));
  },
  dailyActiveUsers: (_parent, { from, to }, { viewer, em }) => {
    requireRole(viewer, 'admin');
    return dailyActiveUsers(em, checkRange(from, to));
  },
  signups: (_parent, { from, to }, { viewer, em }) => {
    requireRole(viewer, 'admin');
    return signups(em, checkRange(from, to));
  },
  topUsers: (_parent, { from, to, ...page }, { viewer, em }) => {
    requireRole(viewer, 'admin');
    return topUsers(em, checkRange(from, to), page);
  },
  dailyMetric: (_parent, { metric, from, to }, { viewer, em, runtime }) => {
    requireRole(viewer, 'admin');
    if (!runtime.registry.hasMetric(metric)) {
      throw badUserInput(
        `metric: unknown; known metrics: ${runtime.registry.metricNames.join(', ')}`,
        'metric',
      );
    }
    return dailyMetric(em, metric, checkRange(from, to));
  },
  serviceHealth: (_parent, _args, { viewer, runtime }) => {
    requireRole(viewer, 'admin');
    return runtime.serviceHealth();
  },
  // The report's fields read what is selected (RevenueReport).
  revenue: (_parent, { from, to, currency }, { viewer }) => {
    requireRole(viewer, 'admin');
    return { range: checkRange(from, to), currency: currencyFilter(currency) };
  },
  mrr: (_parent, { currency }, { viewer, em }) => {
    requireRole(viewer, 'admin');
    return monthlyRecurringRevenue(em, currencyFilter(currency));
  },
  customerLifetimeValue: (_parent, { currency }, { viewer, em }) => {
    requireRole(viewer, 'admin');
    return lifetimeValues(em, currencyFilter(currency));
  },
  // The report's fields read what is selected (AiUsage).
  aiUsage: (_parent, { from, to }, { viewer }): AiUsageQuery => {
    requireRole(viewer, 'admin');
    return { range: checkRange(from, to) };
  },
};
