import { badUserInput } from '@lattice/server-kit';

/**
 * `fit gym` → `fit:* & gym:*`, for `to_tsquery('simple', …)` over a `to_tsvector('simple', …)`
 * index: every word, as a prefix; only letters and digits reach the query. BAD_USER_INPUT on
 * `field` for no word or more than 10.
 */
export function prefixQuery(text: string, field: string): string {
  const words =
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) throw badUserInput(`${field}: give at least one word`, field);
  if (words.length > 10) throw badUserInput(`${field}: at most 10 words`, field);
  return words.map((word) => `${word.slice(0, 100)}:*`).join(' & ');
}
