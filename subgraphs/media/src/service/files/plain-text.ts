/** Control characters (C0, DEL, C1) other than \t \n \f \r. */
const CONTROL = /(?![\t\n\f\r])\p{Cc}/u;
/** A document that opens with a tag, a comment, a doctype or an XML declaration. */
const MARKUP_START = /^\s*<[a-z!?/]/i;
/** Script-capable markup anywhere in the sample, as browsers that sniff would find it. */
const SCRIPT_CAPABLE = /<(?:html|head|body|script|iframe|object|embed|svg|!doctype|\?xml)\b/i;

/**
 * Whether `sample` (the first bytes of a file) is plain text: valid UTF-8, where an incomplete
 * sequence at the very end counts as cut by the sampling; no NUL nor control characters other
 * than tab, line feed, form feed and carriage return; and no markup (HTML, SVG, XML), since a
 * browser could run it. An empty sample is not text: there is nothing to judge.
 */
export function isPlainText(sample: Uint8Array): boolean {
  if (sample.length === 0) return false;
  let text: string;
  try {
    // `stream: true` holds back an incomplete trailing sequence instead of failing on it.
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
  } catch {
    return false;
  }
  return !CONTROL.test(text) && !MARKUP_START.test(text) && !SCRIPT_CAPABLE.test(text);
}
