/**
 * A token estimate for text (about four characters a token in English, as OpenAI's guidance
 * says), used to fit history to a context window and to check a budget before a call. Usage
 * reported by the provider replaces it wherever there is one.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Each message costs a few tokens of framing besides its text. */
export const TOKENS_PER_MESSAGE = 4;
