import { z } from 'zod';
import { parseEnv } from '@lattice/server-kit';

/** Identity's own settings, parsed once at start. */
export interface IdentitySettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Failed sign-ins allowed per account, and per client IP, within the window. */
  loginFailuresPerAccount: number;
  loginFailuresPerIp: number;
  loginWindowSeconds: number;
  /** The first admin: created or promoted at start when both are set. */
  adminEmail?: string;
  adminPassword?: string;
}

const identityEnv = z.object({
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
});

export function identitySettings(env: Record<string, string | undefined>): IdentitySettings {
  const parsed = parseEnv(identityEnv, env);
  return {
    accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: parsed.REFRESH_TOKEN_TTL_DAYS,
    loginFailuresPerAccount: parsed.LOGIN_FAILURES_PER_ACCOUNT,
    loginFailuresPerIp: parsed.LOGIN_FAILURES_PER_IP,
    loginWindowSeconds: parsed.LOGIN_WINDOW_SECONDS,
    adminEmail: parsed.ADMIN_EMAIL || undefined,
    adminPassword: parsed.ADMIN_PASSWORD || undefined,
  };
}
