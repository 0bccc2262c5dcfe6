import type { AiUsageResolvers } from '../__generated__/resolvers-types';
import {
  aiModelPerformance,
  aiUsageByModel,
  aiUsageByPlan,
  aiUsageOverTime,
  aiUsageTotals,
  popularModels,
} from '../ai/usage';

export const AiUsage: AiUsageResolvers = {
  totals: (query, _args, { em }) => aiUsageTotals(em, query),
  overTime: (query, _args, { em }) => aiUsageOverTime(em, query),
  byModel: (query, _args, { em }) => aiUsageByModel(em, query),
  byPlan: (query, _args, { em }) => aiUsageByPlan(em, query),
  performance: (query, _args, { em }) => aiModelPerformance(em, query),
  popularModels: (query, page, { em }) => popularModels(em, query, page),
};
