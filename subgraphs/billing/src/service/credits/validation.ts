import { validateInput } from '@lattice/server-kit';
import { z } from 'zod';

/** The most credits one movement may carry. */
export const MAX_CREDITS = 1_000_000;

const amount = z
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, `must be from 1 to ${MAX_CREDITS}`)
  .max(MAX_CREDITS, `must be from 1 to ${MAX_CREDITS}`);
const text = (max: number) =>
  z.string().trim().min(1, 'must not be blank').max(max, `must be at most ${max} characters`);
const uuid = z.guid('not an id of this service');

/** A credit amount, 1..MAX_CREDITS (BAD_USER_INPUT on `field` otherwise). */
export const creditAmount = (value: unknown, field = 'amount'): number => validateInput(amount, value, field);

/** A non-blank text of at most `max` characters, trimmed. */
export const shortText = (value: unknown, field: string, max = 200): string =>
  validateInput(text(max), value, field);

/** A user id (a UUID). */
export const userIdOf = (value: unknown, field = 'userId'): string => validateInput(uuid, value, field);

/** Whether `value` is a UUID: any other id names nothing here. */
export const isUuid = (value: unknown): value is string => uuid.safeParse(value).success;
