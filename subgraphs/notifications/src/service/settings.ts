import { z } from 'zod';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankIsUnset, schema.optional());

/** Notifications' own settings. */
export const notificationsSettings = z
  .object({
    /** smtp(s)://user:pass@host:port. Unset outside production: a local SMTP capture (see MAIL_CAPTURE_*). */
    SMTP_URL: optional(z.url({ protocol: /^smtps?$/ })),
    MAIL_FROM: z.string().min(3).default('Lattice <no-reply@lattice.localhost>'),
    /**
     * The frontend: links in messages point there (`/verify-email?token=…`, `/reset-password?token=…`,
     * `/invitations/<token>?answer=…`).
     */
    APP_URL: z.url().default('http://localhost:3000'),
    /** Where the local SMTP capture listens and keeps mail (`npm run mail` reads it). */
    MAIL_CAPTURE_PORT: z.coerce.number().int().min(0).max(65_535).default(2525),
    MAIL_CAPTURE_DIR: optional(z.string()),
    /** `log` (development: SMS are written to the log) or `http` (an HTTP API: SMS_API_URL). */
    SMS_PROVIDER: z.enum(['log', 'http']).default('log'),
    SMS_API_URL: optional(z.url()),
    SMS_API_TOKEN: optional(z.string()),
    SMS_FROM: z.string().default('Lattice'),
    /** Attempts before a delivery is failed for good, and the backoff between them. */
    DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(10).default(2_000),
    DELIVERY_RETRY_MAX_MS: z.coerce
      .number()
      .int()
      .min(10)
      .default(15 * 60_000),
    /** Deliveries sent at once by one process. */
    DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(16),
    /** Non-urgent SMS are held between these local hours (recipient's time zone), e.g. 22 and 8. */
    QUIET_HOURS_START: z.coerce.number().int().min(0).max(23).default(22),
    QUIET_HOURS_END: z.coerce.number().int().min(0).max(23).default(8),
  })
  .superRefine((env, context) => {
    if (env.SMS_PROVIDER === 'http' && !env.SMS_API_URL) {
      context.addIssue({
        code: 'custom',
        path: ['SMS_API_URL'],
        message: 'is required with SMS_PROVIDER=http',
      });
    }
  });

export type NotificationsSettings = z.infer<typeof notificationsSettings>;
