import { z } from 'zod';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const optionalText = z.preprocess(blankIsUnset, z.string().min(1).optional());

/**
 * The storage's environment variables, for a service's settings schema. Spreading `.shape`
 * drops the check that S3_BUCKET is set with s3: `createObjectStorage` repeats it.
 */
export const storageSettings = z
  .object({
    /** `local`: a folder; `s3`: an S3-compatible bucket. */
    STORAGE_BACKEND: z.preprocess(blankIsUnset, z.enum(['local', 's3']).default('local')),
    /** The local folder: objects (`local`) and staged uploads (both). Unset: the service's default. */
    STORAGE_DIR: optionalText,
    /** Another S3 endpoint than AWS's (MinIO, R2, s3rver…): http(s)://host:port. */
    S3_ENDPOINT: z.preprocess(blankIsUnset, z.url().optional()),
    S3_REGION: z.preprocess(blankIsUnset, z.string().min(1).default('us-east-1')),
    /** Required with s3. */
    S3_BUCKET: optionalText,
    /** Unset: the AWS SDK's default credential chain (environment, profile, instance role). */
    S3_ACCESS_KEY_ID: optionalText,
    S3_SECRET_ACCESS_KEY: optionalText,
    /** `true`: http://endpoint/bucket/key addressing. Unset: true when S3_ENDPOINT is set. */
    S3_FORCE_PATH_STYLE: z.preprocess(blankIsUnset, z.stringbool().optional()),
  })
  .superRefine((settings, context) => {
    const problem = settingsProblem(settings);
    if (problem) context.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });

export type StorageSettings = z.infer<typeof storageSettings>;

/** The checks between variables, shared by the schema's refinement and `createObjectStorage`. */
export function settingsProblem(settings: {
  STORAGE_BACKEND: string;
  S3_BUCKET?: string | undefined;
  S3_ACCESS_KEY_ID?: string | undefined;
  S3_SECRET_ACCESS_KEY?: string | undefined;
}): { path: string; message: string } | undefined {
  if (settings.STORAGE_BACKEND !== 's3') return undefined;
  if (!settings.S3_BUCKET) return { path: 'S3_BUCKET', message: 'is required with STORAGE_BACKEND=s3' };
  if (!settings.S3_ACCESS_KEY_ID !== !settings.S3_SECRET_ACCESS_KEY) {
    return {
      path: settings.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID',
      message: 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together',
    };
  }
  return undefined;
}
