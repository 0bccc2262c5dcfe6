import { z } from 'zod';

/** Identity's own settings, parsed once at start. */
export interface IdentitySettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /**
   * Failed sign-ins allowed per (account, client address), and per client address, before
   * each further one locks that pair or address: `loginLockSeconds` first, doubling up to
   * `loginMaxLockSeconds`. Failures are forgotten `loginWindowSeconds` after a lock ends.
   */
  loginFailuresPerAccount: number;
  loginFailuresPerIp: number;
  loginLockSeconds: number;
  loginMaxLockSeconds: number;
  loginWindowSeconds: number;
  /** The first admin: created or promoted at start when both are set. */
  adminEmail?: string;
  adminPassword?: string;
  /** Sign in with Google (any OpenID Connect provider); undefined when not configured. */
  oidcGoogle?: OidcProviderSettings;
}

/** A relying-party registration at an OpenID Connect provider. */
export interface OidcProviderSettings {
  /** The provider's issuer identifier; its discovery document is read on first use. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The frontend URL the provider sends the browser back to with `?code=…&state=…`. */
  redirectUri: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** HTTPS, or plain HTTP on the loopback interface only (a local test provider). */
export const isLoopbackHttp = (url: string) => {
  const { protocol, hostname } = new URL(url);
  return protocol === 'http:' && LOOPBACK.has(hostname);
};

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(blankIsUnset, z.string().optional());

const identityEnv = z.object({
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
  LOGIN_LOCK_SECONDS: z.coerce.number().int().min(1).default(1),
  LOGIN_MAX_LOCK_SECONDS: z.coerce.number().int().min(1).default(900),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(3600),
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  OIDC_GOOGLE_ISSUER: z
    .preprocess(blankIsUnset, z.url().default('https://accounts.google.com'))
    .refine((url) => url.startsWith('https://') || isLoopbackHttp(url), 'must be an https URL'),
  OIDC_GOOGLE_CLIENT_ID: optionalString,
  OIDC_GOOGLE_CLIENT_SECRET: optionalString,
  OIDC_GOOGLE_REDIRECT_URI: z.preprocess(blankIsUnset, z.url().optional()),
});

const OIDC_GOOGLE_REQUIRED = [
  'OIDC_GOOGLE_CLIENT_ID',
  'OIDC_GOOGLE_CLIENT_SECRET',
  'OIDC_GOOGLE_REDIRECT_URI',
] as const;

const lockBounds = identityEnv.refine((env) => env.LOGIN_MAX_LOCK_SECONDS >= env.LOGIN_LOCK_SECONDS, {
  path: ['LOGIN_MAX_LOCK_SECONDS'],
  message: 'must be at least LOGIN_LOCK_SECONDS',
});

// Sign in with Google is on when all three are set, off when none is; anything between is a
// mistake worth refusing to start over.
const identityEnvChecked = lockBounds.superRefine((env, ctx) => {
  const set = OIDC_GOOGLE_REQUIRED.filter((key) => env[key] !== undefined);
  if (set.length === 0 || set.length === OIDC_GOOGLE_REQUIRED.length) return;
  for (const key of OIDC_GOOGLE_REQUIRED.filter((key) => env[key] === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: [key],
      message: `is required when ${set.join(' and ')} ${set.length > 1 ? 'are' : 'is'} set`,
    });
  }
});

/** Identity's own environment variables, parsed by the kit at boot (before migrations). */
export const identitySettings = identityEnvChecked.transform((parsed): IdentitySettings => ({
  accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS,
  refreshTokenTtlDays: parsed.REFRESH_TOKEN_TTL_DAYS,
  loginFailuresPerAccount: parsed.LOGIN_FAILURES_PER_ACCOUNT,
  loginFailuresPerIp: parsed.LOGIN_FAILURES_PER_IP,
  loginLockSeconds: parsed.LOGIN_LOCK_SECONDS,
  loginMaxLockSeconds: parsed.LOGIN_MAX_LOCK_SECONDS,
  loginWindowSeconds: parsed.LOGIN_WINDOW_SECONDS,
  adminEmail: parsed.ADMIN_EMAIL || undefined,
  adminPassword: parsed.ADMIN_PASSWORD || undefined,
  oidcGoogle:
    parsed.OIDC_GOOGLE_CLIENT_ID && parsed.OIDC_GOOGLE_CLIENT_SECRET && parsed.OIDC_GOOGLE_REDIRECT_URI
      ? {
          issuer: parsed.OIDC_GOOGLE_ISSUER,
          clientId: parsed.OIDC_GOOGLE_CLIENT_ID,
          clientSecret: parsed.OIDC_GOOGLE_CLIENT_SECRET,
          redirectUri: parsed.OIDC_GOOGLE_REDIRECT_URI,
        }
      : undefined,
}));
