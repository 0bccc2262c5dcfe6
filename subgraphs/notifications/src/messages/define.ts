import type { EventEnvelope, EventType } from '@lattice/events';

/**
 * What a user can turn off, per channel. `security` cannot be turned off (verification,
 * password resets and alerts always go).
 */
export const CATEGORIES = ['security', 'billing', 'activity', 'marketing'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Channel = 'email' | 'sms' | 'inapp';

/** One language's wording of a message. Handlebars: `{{value}}` is HTML-escaped in `html` only. */
export interface MessageTemplates {
  subject: string;
  text: string;
  html: string;
  sms?: string;
  /** The in-app inbox entry (plain text). */
  inbox?: { title: string; body: string };
}

export interface MessageContext {
  /** The frontend's base URL (APP_URL). */
  appUrl: string;
}

/** A kind of message: the event that triggers it, where it goes, and its wording per locale. */
export interface MessageKind<T extends EventType = EventType> {
  kind: string;
  event: T;
  category: Category;
  channels: readonly Channel[];
  /** SMS ignores quiet hours. */
  urgent?: boolean;
  /** Whom it is for (default: the event's `data.userId`). */
  userId?(event: EventEnvelope<T>): string;
  /** Another address than the recipient's (a verification goes to the address verified). */
  email?(event: EventEnvelope<T>): string;
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
