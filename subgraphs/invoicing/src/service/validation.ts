import { z } from 'zod';
import { text } from '@lattice/server-kit';
import { isUuid } from '@lattice/subgraph-kit';

/**
 * Input rules of invoicing. A draft's content is checked twice: its shape here (people's
 * text, lengths, which fields exist), then its arithmetic and dates by computeDraft. The
 * same rules hold for what the user types and for what the model answers.
 */

const requiredLine = (max: number) =>
  text(max).refine((value) => value.length > 0, 'must not be empty or invisible');
const optionalLine = (max: number) => text(max).transform((value) => value || null);
const optionalText = (max: number) => text(max, { multiline: true }).transform((value) => value || null);
const short = (max: number) => z.string().max(max, `must be at most ${max} characters`);

const email = short(254)
  .transform((value) => value.trim())
  .pipe(z.email('must be a valid email address'))
  .transform((value) => value.toLowerCase());
/** An optional email: '' or null is not set. */
const optionalEmail = z.union([z.literal('').transform(() => null), email]).nullish();

export const clientShape = z.object({
  name: requiredLine(200),
  email: optionalEmail,
  address: optionalText(1000).nullish(),
  taxId: optionalLine(64).nullish(),
});

export const lineShape = z.object({
  description: requiredLine(500),
  // Their arithmetic is computeDraft's: here only a bound, so a huge string costs nothing.
  quantity: short(32),
  unit: optionalLine(30).nullish(),
  unitPrice: short(32),
  taxRate: short(16).nullish(),
});

const contentFields = {
  client: clientShape,
  currency: short(8),
  lines: z.array(lineShape).min(1, 'must have at least one line').max(100, 'must have at most 100 lines'),
  dueDate: short(10).nullish(),
  notes: optionalText(2000).nullish(),
};

/** The content of a new draft (typed by hand): client and lines required. */
export const newDraftInput = z.object({ ...contentFields, currency: contentFields.currency.nullish() });

/** A change of a draft: anything omitted stays. */
export const draftChangeInput = z.object(contentFields).partial();

/** What the user said, at most 8,000 characters (some ten minutes of speech). */
export const transcriptInput = text(8000, { multiline: true }).refine(
  (value) => value.length > 0,
  'must say something',
);

export const voidReasonInput = requiredLine(500);

export const settingsInput = z.object({
  numberPattern: short(40)
    .transform((value) => value.trim())
    .refine(
      (value) => (value.match(/\{SEQ(?::[1-9])?\}/g) ?? []).length === 1,
      'must contain {SEQ} or {SEQ:n} (n from 1 to 9) exactly once',
    )
    .refine(
      (value) => /^(?:[A-Za-z0-9 ._/#-]|\{(?:SEQ(?::[1-9])?|YYYY|YY|MM)\})+$/.test(value),
      'may contain letters, digits, spaces, . _ / # - and {SEQ}, {SEQ:n}, {YYYY}, {YY}, {MM}',
    )
    .optional(),
  paymentTermsDays: z.number().int().min(0).max(365).optional(),
});

/** An invoice id: anything else names no invoice (NOT_FOUND, never a uuid-cast error). */
export const isInvoiceId = (id: unknown): id is string => typeof id === 'string' && isUuid(id);
