import { z } from 'zod';
import { plansSettings } from '@lattice/entitlements';
import { storageSettings } from '@lattice/object-storage';
import { internalServiceUrl } from '@lattice/subgraph-kit';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const integer = (min: number, max: number, fallback: number) =>
  z.preprocess(blankIsUnset, z.coerce.number().int().min(min).max(max).default(fallback));

const ownSettings = z.object({
  /** The plans' limits (site generations per period), as billing reads them. */
  ...plansSettings,
  /** Where ai listens, for the model's text and images (set by npm start and docker-compose). */
  ...internalServiceUrl('ai'),
  /** The gateway's public origin for preview links; unset, the origin the gateway was called on. */
  PUBLIC_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^https?$/ }).optional()),
  /** Generations one process runs at once; more wait in the queue (in the database). */
  SITES_WORKERS: integer(0, 32, 2),
  /** How long a worker's claim on a job lasts unless renewed (a third of it apart), in ms. */
  SITES_LEASE_MS: integer(3000, 600_000, 30_000),
  /** How often an idle worker looks for jobs another replica queued, in ms. */
  SITES_POLL_MS: integer(100, 60_000, 2000),
  /** Starts of one job (restarts of the process running it included) before it fails. */
  SITES_MAX_ATTEMPTS: integer(1, 10, 3),
  /** How long one call to ai (a page, an image) may take, its retries included, in ms. */
  SITES_STEP_TIMEOUT_MS: integer(1000, 600_000, 120_000),
  /** How long a preview link is valid, in seconds. */
  SITES_PREVIEW_TTL_SECONDS: integer(60, 7 * 24 * 3600, 3600),
});

/** Images and archives go through the object storage media reads (the same STORAGE_* settings). */
export const sitesSettings = ownSettings.and(storageSettings);
export type SitesSettings = z.infer<typeof sitesSettings>;
