import type { InternalClient } from '@lattice/subgraph-kit';

/** A structured answer of the model, as ai's `/internal/structured-completions` gives it. */
export interface StructuredAnswer {
  content: string | null;
  refusal: string | null;
  finishReason: string | null;
  provider: string;
  model: string;
  simulated: boolean;
  promptTokens: number;
  completionTokens: number;
}

export interface ImageFile {
  storageKey: string;
  size: number;
  simulated: boolean;
  replayed: boolean;
}

/** The model, through ai: checked and counted against the user's limits there. */
export interface SiteModel {
  answer(request: {
    userId: string;
    instructions: string;
    input: string;
    schema: { name: string; schema: Record<string, unknown> };
    maxOutputTokens: number;
    signal: AbortSignal;
  }): Promise<StructuredAnswer>;
  /** A PNG in the shared storage; the same `key` asked again is the same image, paid once. */
  image(request: { userId: string; key: string; prompt: string; signal: AbortSignal }): Promise<ImageFile>;
}

export const aiSiteModel = (ai: InternalClient, timeoutMs: number): SiteModel => ({
  answer: ({ signal, ...request }) =>
    ai.call<StructuredAnswer>(
      '/internal/structured-completions',
      { ...request, purpose: 'site-generation' },
      { timeoutMs, signal },
    ),
  image: ({ signal, ...request }) =>
    ai.call<ImageFile>('/internal/images', { ...request, purpose: 'site-image' }, { timeoutMs, signal }),
});
