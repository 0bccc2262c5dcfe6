import type { EventEnvelope, EventType } from '@lattice/events';

/**
 * What a user can turn off, per channel. `security` cannot be turned off (verification,
 * password resets and alerts always go).
 */
export const CATEGORIES = ['security', 'billing', 'activity', 'marketing'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Channel = 'email' | 'sms' | 'inapp';

/**
 * One language's wording of a message. Handlebars: `{{value}}` is HTML-escaped in `html` only.
 * The mail (`subject`, `text`, `html`) is required of every kind that mails (`index.ts` checks):
 * an inbox-only kind has none.
 */
export interface MessageTemplates {
  subject?: string;
  text?: string;
  html?: string;
  sms?: string;
  /** The in-app inbox entry (plain text). */
  inbox?: { title: string; body: string };
}

export interface MessageContext {
  /** The frontend's base URL (APP_URL). */
  appUrl: string;
  /** The recipient's locale (BCP 47, unchecked), for dates and numbers: `en` when unknown. */
  locale: string;
  /**
   * The recipient's time zone (IANA, unchecked), for instants that are no place's (a deadline
   * rather than a session at a gym): `UTC` when unknown.
   */
  timeZone?: string;
}

/** A kind of message: the event that triggers it, where it goes, and its wording per locale. */
export interface MessageKind<T extends EventType = EventType> {
  kind: string;
  event: T;
  category: Category;
  channels: readonly Channel[];
  /** SMS ignores quiet hours. */
  urgent?: boolean;
  /**
   * Whom it is for (default: the event's `data.userId`); null: no one (the event concerns no one
   * who should hear of it, e.g. the one who caused it). Nothing is sent, on any channel.
   */
  userId?(event: EventEnvelope<T>): string | null;
  /** Another address than the recipient's (a verification goes to the address verified). */
  email?(event: EventEnvelope<T>): string;
  /**
   * A mail to an address that may be no user's (an invitation to someone without an account),
   * sent for the user `userId` names (who caused it): only the kinds of `OUTSIDE_MAIL_KINDS`
   * (`index.ts`) may, by email alone. No inbox entry, no preferences (the address has none, and
   * the sender's are not the addressee's), no unsubscribe link, no name on the `To`; the
   * templates get `sender` (the sender's display name, empty when unknown) instead of `name`,
   * in the sender's language; the address and the body are erased once sent or failed.
   */
  outsideEmail?(event: EventEnvelope<T>): string;
  /** The values the templates use (besides `name`, the recipient's display name). */
  values(event: EventEnvelope<T>, context: MessageContext): Record<string, string>;
  /** Where the inbox entry leads, from the values. */
  link?(values: Record<string, string>): string;
  /** By locale (`en` required): `fr-CA` falls back to `fr`, then `en`. */
  templates: { en: MessageTemplates } & Record<string, MessageTemplates>;
}

export function defineMessage<T extends EventType>(kind: MessageKind<T>): MessageKind<T> {
  return kind;
}

/**
 * Minor units as a person reads them, e.g. 2900 usd → $29.00, in the recipient's locale. A
 * currency Intl does not know still makes a message (`29.00 XYZ`, two decimals), rather than
 * failing the event it comes from.
 */
export function formatMoney(amount: number, currency: string, locale = 'en'): string {
  const code = currency.toUpperCase();
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
  } catch {
    return `${(amount / 100).toFixed(2)} ${code}`.trim();
  }
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/**
 * An instant as a person reads it: in `locale` (`en` when Intl knows no such locale), on the
 * clock of `timeZone`, which it names, e.g. `Tuesday, March 3, 2026 at 6:30 PM (Europe/Paris)`.
 * A zone Intl does not know is shown as UTC, and a time that is not one as given, rather than
 * failing the event it comes from.
 */
export function formatInstant(iso: string, timeZone: string, locale = 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let zone: string;
  try {
    zone = new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    zone = 'UTC';
  }
  const options = { dateStyle: 'full', timeStyle: 'short', timeZone: zone } as const;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat(locale, options);
  } catch {
    format = new Intl.DateTimeFormat('en', options);
  }
  return `${format.format(date)} (${zone})`;
}
