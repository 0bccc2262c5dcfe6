import { z } from 'zod';
import { parseEnv } from '@lattice/server-kit';

/** Identity's own settings, parsed once at start. */
export interface IdentitySettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
}

const identityEnv = z.object({
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
});

export function identitySettings(env: Record<string, string | undefined>): IdentitySettings {
  const parsed = parseEnv(identityEnv, env);
  return {
    accessTokenTtlSeconds: parsed.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: parsed.REFRESH_TOKEN_TTL_DAYS,
  };
}
