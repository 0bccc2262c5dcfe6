// Either side of the @ without what would make the address something else than one mailbox:
// a list (`,` `;`), a display name or route (`<>` `()` `:`), a quoted part, another header
// (control characters, CR/LF above all).
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const MAILBOX = /^[^\s@<>()[\]\\,;:"\u0000-\u001f\u007f]+@[^\s@<>()[\]\\,;:"\u0000-\u001f\u007f]+$/;

/**
 * Whether `value` is one mailbox (`local@domain`) and nothing more, within SMTP's 254
 * characters. Addresses come from events: mail goes only to one that passes, so no
 * producer's mistake can add a recipient, redirect a mail or make a row too long to store.
 */
export const isMailbox = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.length <= 254 && MAILBOX.test(value);
