import { IANAZone } from 'luxon';
import { z } from 'zod';
import { badUserInput, text, validateInput } from '@lattice/server-kit';
import { isUuid } from '@lattice/subgraph-kit';

/** Text a person typed, required (BAD_USER_INPUT when nothing visible is left). */
export const requiredText = (max: number) =>
  text(max).refine((value) => value !== '', { message: 'must not be blank' });

/** Optional text: blank becomes null. */
export const optionalText = (max: number, options: { multiline?: boolean } = {}) =>
  text(max, options)
    .nullish()
    .transform((value) => (value ? value : null));

export const timeZone = z
  .string()
  .max(64)
  .refine((zone) => IANAZone.isValidZone(zone) && zone.includes('/'), {
    message: 'must be an IANA time zone such as Europe/Berlin',
  });

export const latitude = z.number().finite().min(-90).max(90);
export const longitude = z.number().finite().min(-180).max(180);

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
export const clockTime = z.string().regex(CLOCK, 'must be a local time HH:MM (24:00 for midnight)');
export const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a local date YYYY-MM-DD')
  .refine(
    (value) =>
      !value.startsWith('0000') &&
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) &&
      new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    {
      message: 'must be a real date',
    },
  );
export const weekday = z
  .number()
  .int()
  .min(1, 'must be 1 (Monday) to 7 (Sunday)')
  .max(7, 'must be 1 (Monday) to 7 (Sunday)');

/** The instants PostgreSQL and ISO-8601's four-digit years both hold (years 1 to 9999). */
const EARLIEST = new Date('0001-01-01T00:00:00.000Z');
export const LATEST = new Date('9999-12-31T23:59:59.999Z');

/** `at`, unless outside EARLIEST–LATEST (BAD_USER_INPUT on `field` rather than a database error). */
export function instantIn<T extends Date | null | undefined>(at: T, field: string): T {
  if (at && !(at >= EARLIEST && at <= LATEST))
    throw badUserInput(`${field}: must be between the years 1 and 9999`, field);
  return at;
}

/** The id of `field`, or NOT_FOUND-worthy: callers pass a message for ids that cannot exist. */
export function uuidOr<E extends Error>(id: string, missing: () => E): string {
  if (!isUuid(id)) throw missing();
  return id;
}

/** An integer within bounds, else BAD_USER_INPUT on `field`. */
export function integerIn(value: number, min: number, max: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw badUserInput(`${field}: must be a whole number from ${min} to ${max}`, field);
  }
  return value;
}

/** A free-text note (a reason) of at most 200 characters; blank is none. */
export const optionalNote = (value: string | null | undefined, field: string): string | null =>
  validateInput(optionalText(200), value, field);
