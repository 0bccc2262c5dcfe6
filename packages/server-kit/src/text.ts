import { z } from 'zod';

/**
 * Text people type, checked the way identity systems check names (after PRECIS, RFC 8264):
 * stored in Unicode normalisation form C, measured in characters (code points, as PostgreSQL
 * counts them) rather than UTF-16 units, and refused when it hides what it says: control
 * characters, lone surrogates (not text at all: they cannot be stored as UTF-8), bidirectional
 * overrides and isolates (they reorder what is shown: "Trojan Source" spoofing), or nothing
 * visible at all.
 */

// Tab, line feed and carriage return are allowed in multi-line text only.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
// eslint-disable-next-line no-control-regex
const CONTROL_MULTILINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const LONE_SURROGATE = /\p{Cs}/u;
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/u;
// What draws nothing: separators, formatting characters, combining marks on their own, and
// the blank letters (Hangul fillers, braille blank) that spoofers use as "invisible" names.
const INVISIBLE = /[\p{Z}\p{Cf}\p{M}\s\u115f\u1160\u3164\uffa0\u2800]/gu;

/** Length in characters (code points). */
export const characters = (value: string) => [...value].length;

/** Why `value` is not acceptable text, or undefined. */
export function textProblem(value: string, options: { multiline?: boolean } = {}): string | undefined {
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text';
  if ((options.multiline ? CONTROL_MULTILINE : CONTROL).test(value))
    return 'must not contain control characters';
  if (BIDI_OVERRIDE.test(value)) return 'must not contain bidirectional override characters';
  return undefined;
}

/** Whether `value` shows something: not only spaces, invisible or combining characters. */
export const isVisible = (value: string) => value.replace(INVISIBLE, '').length > 0;

/**
 * A zod string of people's text: refused as `textProblem` says, normalised (NFC, trimmed,
 * line endings as `\n` when multi-line), at most `max` characters; '' when nothing visible is
 * left (callers decide whether that is "not set" or an error).
 */
export function text(max: number, options: { multiline?: boolean } = {}) {
  // The cheap bound first, so a huge string costs nothing: a character is at most 2 units.
  return z
    .string()
    .max(max * 2, `must be at most ${max} characters`)
    .transform((value, ctx) => {
      const problem = textProblem(value, options);
      if (problem) {
        ctx.addIssue({ code: 'custom', message: problem });
        return z.NEVER;
      }
      const normal = (options.multiline ? value.replace(/\r\n?/g, '\n') : value).normalize('NFC').trim();
      if (characters(normal) > max) {
        ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters` });
        return z.NEVER;
      }
      return isVisible(normal) ? normal : '';
    });
}
