import { defineDomainMetrics } from './registry';

/**
 * Replies and images: how many, how many failed, and the tokens they used each day. Costs are
 * not daily metrics (picodollars outgrow `DailyValue.value` at a fraction of a cent a day):
 * `aiUsage` sums them exactly from the facts, which keep `costPicos`. Facts keep ids,
 * providers, models, figures and error codes, never prompts, replies or storage keys (the
 * contracts carry no text but the image's storage key and file name, both dropped).
 */
export const aiMetrics = defineDomainMetrics({
  domain: 'ai',
  metrics: {
    'ai.replies': 'Replies that ended (complete, cancelled or failed)',
    'ai.replies_failed': 'Replies that failed (timeout, rate limit, provider error, cut stream)',
    'ai.replies_cancelled': 'Replies cancelled before their end',
    'ai.prompt_tokens': 'Prompt tokens sent to providers by replies',
    'ai.completion_tokens': 'Completion tokens replies received from providers',
    'ai.images': 'Images generated',
  },
  events: {
    'ai.message_completed': {
      keep: [
        'messageId',
        'conversationId',
        'userId',
        'provider',
        'model',
        'status',
        'promptTokens',
        'completionTokens',
        'latencyMs',
        'firstTokenMs',
        'costPicos',
        'error',
      ],
      counts: [
        { metric: 'ai.replies' },
        { metric: 'ai.replies_failed', amount: (event) => (event.data.status === 'FAILED' ? 1 : 0) },
        { metric: 'ai.replies_cancelled', amount: (event) => (event.data.status === 'CANCELLED' ? 1 : 0) },
        { metric: 'ai.prompt_tokens', amount: (event) => event.data.promptTokens },
        { metric: 'ai.completion_tokens', amount: (event) => event.data.completionTokens },
      ],
    },
    'ai.image_generated': {
      // Not `storageKey` (where the bytes wait in the shared storage) nor `filename`.
      keep: ['imageId', 'userId', 'mediaId', 'provider', 'model', 'size', 'costPicos', 'latencyMs'],
      counts: [{ metric: 'ai.images' }],
    },
  },
});
