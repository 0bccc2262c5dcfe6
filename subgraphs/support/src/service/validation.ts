import { z } from 'zod';
import { badUserInput, notFound, text } from '@lattice/server-kit';
import { isUuid } from '@lattice/subgraph-kit';

/** Text a person typed, required (BAD_USER_INPUT when nothing visible is left). */
export const requiredText = (max: number, options: { multiline?: boolean } = {}) =>
  text(max, options).refine((value) => value !== '', { message: 'must not be blank' });

export const MAX_ATTACHMENTS = 10;

/** Up to 10 distinct media ids, lower-case (their owner is checked by media: see attachments.ts). */
export const attachmentIds = z
  .array(z.string())
  .max(MAX_ATTACHMENTS, `must be at most ${MAX_ATTACHMENTS} files`)
  .refine((ids) => ids.every(isUuid), { message: 'must be media ids' })
  .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]);

export const ticketNotFound = () => notFound('No such ticket');

/** A ticket id, or NOT_FOUND: an id that cannot exist names no ticket (and never reaches SQL). */
export function ticketId(id: string): string {
  if (!isUuid(id)) throw ticketNotFound();
  return id;
}

/** A user id argument, or BAD_USER_INPUT on `field`. */
export function userId(id: string, field: string): string {
  if (!isUuid(id)) throw badUserInput(`${field}: must be a user id`, field);
  return id;
}
