import type { RevenueReportResolvers } from '../__generated__/resolvers-types';
import { revenueByPlan, revenueOverTime, revenueTotals } from '../revenue/report';

export const RevenueReport: RevenueReportResolvers = {
  totals: (query, _args, { em }) => revenueTotals(em, query),
  overTime: (query, _args, { em }) => revenueOverTime(em, query),
  byPlan: (query, _args, { em }) => revenueByPlan(em, query),
};
