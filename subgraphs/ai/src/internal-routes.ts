import type { InternalRoutes } from '@lattice/subgraph-kit';
import type { AiRuntime } from './runtime';
import { createStructuredCompletion } from './service/structured';

/**
 * ai's internal interface (see README "Internal interface"): model calls another domain makes
 * for one of its users, counted against that user's AI token budget (invoicing drafts invoices
 * with it).
 */
export function aiInternalRoutes(runtime: AiRuntime): InternalRoutes {
  return {
    /**
     * `{ userId, purpose, instructions, input, schema: { name, schema }, maxOutputTokens? }` →
     * `{ content, refusal, finishReason, provider, model, simulated, promptTokens,
     * completionTokens, costPicos }` (BAD_USER_INPUT, QUOTA_EXCEEDED, SERVICE_UNAVAILABLE).
     */
    '/internal/structured-completions': (input, { em, log }) =>
      createStructuredCompletion(em, runtime, input, log),
  };
}
