import type { InternalRoutes } from '@lattice/subgraph-kit';
import type { AiRuntime } from './runtime';
import { createImageFile } from './service/image-files';
import { createStructuredCompletion } from './service/structured';
import { createTranscription } from './service/transcription';

/**
 * ai's internal interface (see README "Internal interface"): model calls another domain makes
 * for one of its users, counted against that user's AI token budget (invoicing drafts invoices
 * with it, and reads voice notes with it; sites writes pages and draws pictures with it).
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
    /**
     * `{ userId, purpose, storageKey, filename, contentType, size, language? }` (a recording media
     * stores, as `/internal/files/describe` answered it) → `{ text, provider, model, simulated,
     * tokens, durationSeconds }` (BAD_USER_INPUT, PAYLOAD_TOO_LARGE, NOT_FOUND, QUOTA_EXCEEDED,
     * SERVICE_UNAVAILABLE).
     */
    '/internal/transcriptions': (input, { em, log }) => createTranscription(em, runtime, input, log),
    /**
     * `{ userId, purpose, key, prompt, size? }` → `{ storageKey, size, provider, model, simulated,
     * costPicos, replayed }`: a PNG in the shared object storage, counted against the user's
     * image generations once per `key` (sites' pictures; BAD_USER_INPUT, QUOTA_EXCEEDED,
     * SERVICE_UNAVAILABLE).
     */
    '/internal/images': (input, { em, log }) => createImageFile(em, runtime, input, log),
  };
}
