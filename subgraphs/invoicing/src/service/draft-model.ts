import type { InternalClient } from '@lattice/subgraph-kit';

/** A structured answer of the model, as ai's `/internal/structured-completions` gives it. */
export interface StructuredAnswer {
  /** The model's JSON text (null when it refused: `refusal` says why). */
  content: string | null;
  refusal: string | null;
  /** `length`: the answer was cut off at the output limit (its JSON unfinished). */
  finishReason: string | null;
  provider: string;
  model: string;
  simulated: boolean;
  promptTokens: number;
  completionTokens: number;
}

export interface StructuredRequest {
  userId: string;
  instructions: string;
  input: string;
  schema: { name: string; schema: Record<string, unknown> };
}

export interface DraftModel {
  /**
   * The model's answer to `input` in the shape of `schema`. ai checks and counts the tokens
   * against the user's AI limit (QUOTA_EXCEEDED); SERVICE_UNAVAILABLE when it cannot answer.
   */
  answer(request: StructuredRequest): Promise<StructuredAnswer>;
}

export const aiDraftModel = (ai: InternalClient, timeoutMs: number): DraftModel => ({
  answer: (request) =>
    ai.call<StructuredAnswer>(
      '/internal/structured-completions',
      // A draft of MAX_LINES lines fits: some 60 tokens a line.
      { ...request, purpose: 'invoice-draft', maxOutputTokens: 8192 },
      { timeoutMs },
    ),
});
