import { z } from 'zod';
import { storageSettings } from '@lattice/object-storage';
import { internalServiceUrl } from '@lattice/subgraph-kit';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);

const ownSettings = z.object({
  /** Where ai listens, for drafts (set by npm start and docker-compose). */
  ...internalServiceUrl('ai'),
  /** Where accounts listens, for the business context (set by npm start and docker-compose). */
  ...internalServiceUrl('accounts'),
  /** Where media listens, for voice notes (set by npm start and docker-compose). */
  ...internalServiceUrl('media'),
  /** How long a draft (or a voice note's transcription) may take ai, in milliseconds (its retries included). */
  INVOICING_DRAFT_TIMEOUT_MS: z.preprocess(
    blankIsUnset,
    z.coerce.number().int().min(1000).max(600_000).default(120_000),
  ),
});

/** Issued invoices' PDFs go through the object storage media reads (the same STORAGE_* settings). */
export const invoicingSettings = ownSettings.and(storageSettings);
export type InvoicingSettings = z.infer<typeof invoicingSettings>;
