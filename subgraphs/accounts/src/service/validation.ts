import { z } from 'zod';
import { text } from '@lattice/server-kit';

/**
 * Input rules of every accounts mutation. Text is people's text (server-kit's `text`):
 * normalised, measured in characters, refused when it hides what it says; each string has a
 * maximum length checked before anything else, so a 10 KB string costs nothing.
 */

const tooLong = (max: number) => `must be at most ${max} characters`;

/** A required one-line string: trimmed, 1 to `max` characters, something visible. */
export const requiredLine = (max: number) =>
  text(max).refine((value) => value.length > 0, 'must not be empty or invisible');

/** An optional one-line string: trimmed; empty (or nothing visible) means "not set" (null). */
export const optionalLine = (max: number) => text(max).transform((value) => value || null);

/** An optional multi-line string (an address): trimmed, line endings kept; empty is null. */
export const optionalText = (max: number) =>
  text(max, { multiline: true }).transform((value) => value || null);

/**
 * A phone number in international form, stored as E.164 (`+447700900123`): spaces, dashes,
 * dots and parentheses are ignored, `00` may stand for `+`; then 7 to 15 digits, the first
 * not 0 (the country code).
 */
export const phone = z
  .string()
  .max(32, tooLong(32))
  .transform((value, ctx) => {
    const compact = value.trim().replace(/[\s\-.()]/g, '');
    const international = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
    if (!/^\+?\d*$/.test(international)) {
      ctx.addIssue({ code: 'custom', message: 'may contain only digits, spaces, dashes, dots and ()' });
      return z.NEVER;
    }
    if (!international.startsWith('+')) {
      ctx.addIssue({ code: 'custom', message: 'must start with + and the country code' });
      return z.NEVER;
    }
    if (!/^\+[1-9]\d{6,14}$/.test(international)) {
      ctx.addIssue({ code: 'custom', message: 'must have 7 to 15 digits, the first not 0' });
      return z.NEVER;
    }
    return international;
  });

/** An https URL without credentials (a media id will replace it). */
export const httpsUrl = z
  .string()
  .max(2048, tooLong(2048))
  .transform((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value.trim());
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a valid URL' });
      return z.NEVER;
    }
    if (url.protocol !== 'https:') {
      ctx.addIssue({ code: 'custom', message: 'must be an https URL' });
      return z.NEVER;
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'must not contain credentials' });
      return z.NEVER;
    }
    return url.toString();
  });

/** A BCP-47 language tag, stored in canonical form (`en-gb` → `en-GB`). */
export const locale = z
  .string()
  .max(35, tooLong(35))
  .transform((value, ctx) => {
    // A 2- or 3-letter language first (BCP-47 also allows 5-8 letters, which nobody uses).
    if (/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/.test(value)) {
      try {
        const [canonical] = Intl.getCanonicalLocales(value);
        if (canonical) return canonical;
      } catch {
        // falls through to the issue
      }
    }
    ctx.addIssue({ code: 'custom', message: 'must be a BCP-47 language tag, e.g. en-GB' });
    return z.NEVER;
  });

/** An IANA time zone (`Europe/London`, `UTC`), stored under the name the runtime resolves it to. */
export const timezone = z
  .string()
  .max(64, tooLong(64))
  .transform((value, ctx) => {
    // Names only: offsets like `+01:00` are not zones, and newer runtimes would accept them.
    if (/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(value)) {
      try {
        return new Intl.DateTimeFormat('en', { timeZone: value }).resolvedOptions().timeZone;
      } catch {
        // falls through to the issue
      }
    }
    ctx.addIssue({ code: 'custom', message: 'must be an IANA time zone, e.g. Europe/London' });
    return z.NEVER;
  });

const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code this runtime knows, stored upper-case (`gbp` → `GBP`). */
export const currency = z
  .string()
  .max(3, 'must be an ISO 4217 code of 3 letters, e.g. GBP')
  .transform((value) => value.trim().toUpperCase())
  .refine((value) => /^[A-Z]{3}$/.test(value) && CURRENCIES.has(value), {
    message: 'must be an ISO 4217 currency code, e.g. GBP',
  });

/** A non-negative amount, at most 10 integer digits and 2 decimals, as a string `"120.00"`. */
export const decimalAmount = z
  .string()
  .max(32, tooLong(32))
  .transform((value, ctx) => {
    const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(value.trim());
    if (!match) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a non-negative decimal with at most 2 decimals and 10 integer digits',
      });
      return z.NEVER;
    }
    const whole = match[1]!.replace(/^0+(?=\d)/, '');
    return `${whole}.${(match[2] ?? '').padEnd(2, '0')}`;
  });

/** An email address, at most 254 characters, stored lower-cased. */
export const email = z
  .string()
  .max(254, tooLong(254))
  .transform((value) => value.trim())
  .pipe(z.email('must be a valid email address'))
  .transform((value) => value.toLowerCase());

/** Any value that is not `null` when present: fields that cannot be cleared. */
const notNull = <T extends z.ZodType>(schema: T) =>
  z
    .unknown()
    .superRefine((value, ctx) => {
      if (value === null) ctx.addIssue({ code: 'custom', message: 'cannot be cleared (null)' });
    })
    .pipe(schema);

export const updateProfileInput = z.object({
  firstName: optionalLine(100).nullish(),
  lastName: optionalLine(100).nullish(),
  displayName: notNull(requiredLine(64)).optional(),
  phone: phone.nullish(),
  avatarUrl: httpsUrl.nullish(),
  preferences: notNull(
    z.object({
      locale: notNull(locale).optional(),
      timezone: notNull(timezone).optional(),
      notifications: notNull(
        z.object({
          email: notNull(z.boolean()).optional(),
          sms: notNull(z.boolean()).optional(),
          marketing: notNull(z.boolean()).optional(),
        }),
      ).optional(),
    }),
  ).optional(),
});
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

export const updateBusinessContextInput = z.object({
  companyName: optionalLine(200).nullish(),
  address: optionalText(1000).nullish(),
  taxId: optionalLine(64).nullish(),
  defaultCurrency: currency.nullish(),
  logoMediaId: z.string().max(64, tooLong(64)).pipe(z.uuid('must be the id of one of your images')).nullish(),
});
export type UpdateBusinessContextInput = z.infer<typeof updateBusinessContextInput>;

export const addFrequentClientInput = z.object({
  name: requiredLine(200),
  email: email.nullish(),
  address: optionalText(1000).nullish(),
});

export const addCommonServiceInput = z.object({
  description: requiredLine(500),
  unitPrice: decimalAmount,
  currency: currency.nullish(),
  unit: optionalLine(32).nullish(),
});

/** The id of one of the caller's list entries. */
export const entryId = z.string().max(64, tooLong(64)).pipe(z.uuid('must be an id returned by this API'));
