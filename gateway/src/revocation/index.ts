import type { EventBus } from '@lattice/events/bus';
import { createExpiringSet, type Logger, type Resources } from '@lattice/server-kit';
import { startRevocationFeed } from './revocation-feed';
import { Revocations } from './revocations';

export { Revocations } from './revocations';

/** Identity's and the gateways' clocks may differ by this much. */
const CLOCK_SKEW_MS = 60_000;

/** How long a revocation is kept: as long as a token it concerns may still be accepted. */
export function revocationKeepMs(accessTokenTtlSeconds: number): number {
  return accessTokenTtlSeconds * 1000 + CLOCK_SKEW_MS;
}

/**
 * Keeps `revocations` current from the bus until `resources` close; the revocations of the last
 * token lifetime are loaded before this resolves. Stored in Redis when `redisUrl` is set.
 */
export async function followRevocations(options: {
  bus: EventBus | undefined;
  revocations: Revocations;
  keepMs: number;
  redisUrl?: string;
  redisPrefix: string;
  log: Logger;
  resources: Resources;
}): Promise<void> {
  const { bus, log, resources } = options;
  if (!bus) {
    log.warn('no event bus (REDIS_URL is not set): revoked access tokens work until they expire');
    return;
  }
  const store = createExpiringSet({
    redisUrl: options.redisUrl,
    key: `${options.redisPrefix}:revocations`,
    onError: (error) => log.error({ err: error }, 'revocation store error'),
  });
  resources.add('revocation store', () => store.close());
  const { revocations, keepMs } = options;
  const feed = await startRevocationFeed({ bus, store, revocations, keepMs, log });
  resources.add('revocation feed', () => feed.stop());
}
