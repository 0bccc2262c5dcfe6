/**
 * The simulator's tokenizer, deterministic and simple (not OpenAI's BPE): a token is a run of
 * letters, digits and underscores, or any other single non-space character. Whitespace is no
 * token: it travels with the token after it. `"You said: hi!"` is 5 tokens:
 * `You`, ` said`, `:`, ` hi`, `!`.
 */
const TOKEN = /\s*(?:[\p{L}\p{M}\p{N}_]+|[^\s\p{L}\p{M}\p{N}_])/gu;

/** The text cut into its tokens, each with the whitespace before it; they concatenate to the text (trailing whitespace joins the last one). */
export function splitTokens(text: string): string[] {
  const pieces = text.match(TOKEN) ?? [];
  const rest = text.slice(pieces.join('').length);
  if (rest !== '') {
    if (pieces.length === 0) return [];
    pieces[pieces.length - 1] += rest;
  }
  return pieces;
}

export function countTokens(text: string): number {
  return text.match(TOKEN)?.length ?? 0;
}
