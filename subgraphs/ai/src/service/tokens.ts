/**
 * A token estimate for text, used to fit history to a context window and to check a budget
 * before a call: about four characters a token for ASCII (OpenAI's guidance for English), and a
 * token for every other character (CJK, emoji, accented letters: often one or more each), so
 * the estimate errs high rather than letting a budget be passed. Usage reported by the provider
 * replaces it wherever there is one.
 */
export function estimateTokens(text: string): number {
  let ascii = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) < 128) ascii += 1;
    else other += 1;
  }
  return Math.ceil(ascii / 4) + other;
}

/** Each message costs a few tokens of framing besides its text. */
export const TOKENS_PER_MESSAGE = 4;
