import type { FormattedExecutionResult } from 'graphql';
import type { GatewayContext } from '../context';

/** Milliseconds until the connection's token expires (undefined: never, it is anonymous). */
export function untilExpiry(context: GatewayContext): number | undefined {
  const expiresAt = context.viewer?.expiresAt;
  if (expiresAt === undefined) return undefined;
  // setTimeout cannot wait longer than 2^31-1 ms.
  return Math.min(Math.max(0, expiresAt - Date.now()), 2_147_483_647);
}

/**
 * The last result of an SSE subscription whose token expired, before its `complete` (the words
 * of an HTTP request's 401): the subscriber learns why, and can sign in again and resubscribe.
 */
export const TOKEN_EXPIRED: FormattedExecutionResult = {
  errors: [{ message: 'Access token expired', extensions: { code: 'UNAUTHENTICATED' } }],
};
