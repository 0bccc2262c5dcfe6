import { z } from 'zod';
import { plansSettings } from '@lattice/entitlements';
import { storageSettings } from '@lattice/object-storage';
import { DEFAULT_ALLOWED_TYPES } from './files';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(blankIsUnset, z.coerce.number().int().min(min).max(max).default(fallback));
const flag = (fallback: boolean) =>
  z.preprocess(
    blankIsUnset,
    z
      .enum(['true', 'false'])
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true'),
  );
const mimeList = z.preprocess(
  blankIsUnset,
  z
    .string()
    .default(DEFAULT_ALLOWED_TYPES.join(','))
    .transform((value) =>
      value
        .split(',')
        .map((type) => type.trim().toLowerCase())
        .filter(Boolean),
    ),
);

const MiB = 1024 * 1024;

const ownSettings = z.object({
  ...plansSettings,
  /**
   * The origin clients reach the gateway at, for the URLs media hands out. Unset: the origin
   * the gateway forwards with each request (its own PUBLIC_URL, or the Host it was called on).
   */
  PUBLIC_URL: z.preprocess(blankIsUnset, z.url({ protocol: /^https?$/ }).optional()),
  MEDIA_MAX_FILE_BYTES: whole(1, 2 ** 40, 100 * MiB),
  MEDIA_ALLOWED_TYPES: mimeList,
  MEDIA_IMAGE_FORMAT: z.preprocess(blankIsUnset, z.enum(['jpeg', 'webp']).default('webp')),
  MEDIA_IMAGE_MAX_DIMENSION: whole(64, 16_384, 2000),
  MEDIA_THUMBNAIL_SIZE: whole(16, 1024, 320),
  /** Decompression-bomb guard: images with more pixels are refused. */
  MEDIA_IMAGE_MAX_PIXELS: whole(1, 1_000_000_000, 100_000_000),
  MEDIA_STRIP_METADATA: flag(true),
  MEDIA_KEEP_ORIGINALS: flag(false),
  /** How long a download URL (`Media.url`) stays valid. */
  MEDIA_URL_TTL_SECONDS: whole(10, 7 * 86_400, 3_600),
  /** How long an upload may take to complete (resumed as often as needed until then). */
  MEDIA_UPLOAD_TTL_SECONDS: whole(60, 7 * 86_400, 86_400),
  /** How long a deleted file can be restored before it is purged. */
  MEDIA_RETENTION_DAYS: whole(0, 3_650, 30),
  MEDIA_MAX_SHARE_SECONDS: whole(60, 365 * 86_400, 30 * 86_400),
  /** How often expired uploads and deleted files past retention are cleaned. */
  MEDIA_JANITOR_INTERVAL_SECONDS: whole(1, 86_400, 60),
});

export const mediaSettings = ownSettings.and(storageSettings);
export type MediaSettings = z.infer<typeof mediaSettings>;
