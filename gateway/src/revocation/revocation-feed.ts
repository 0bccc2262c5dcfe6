import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { EventBus } from '@lattice/events/bus';
import type { ExpiringSet, Logger } from '@lattice/server-kit';
import { parseRevocation, revocationOf, REVOKING_EVENTS } from './revocation';
import type { Revocations } from './revocations';

/** Where every gateway hears of each revocation. */
const REVOCATIONS_CHANNEL = 'gateway.revocations';

/**
 * Keeps `revocations` current from identity's events, at every gateway replica:
 *
 * - one replica of the `gateway` consumer group takes each event (durably: an event no gateway
 *   was up for waits in the group), stores what it revokes in `store` (kept for one token
 *   lifetime) and broadcasts it; every replica applies what it hears;
 * - at start, and then every `reloadMs` in case a broadcast was missed (pub/sub is not
 *   durable), a replica reads the stored revocations, so a new replica knows those of the
 *   last token lifetime before it serves anything.
 */
export async function startRevocationFeed(options: {
  bus: EventBus;
  store: ExpiringSet;
  revocations: Revocations;
  keepMs: number;
  log: Logger;
  reloadMs?: number;
}): Promise<{ stop(): Promise<void> }> {
  const { bus, store, revocations, keepMs, log } = options;
  const apply = (message: unknown) => {
    const revocation = parseRevocation(message);
    if (revocation) revocations.add(revocation);
    else log.warn('ignored a malformed revocation');
  };
  const reload = async () => {
    for (const member of await store.members()) apply(parseJson(member));
  };

  const unlisten = await bus.listen(REVOCATIONS_CHANNEL, apply);
  try {
    await reload();
  } catch (error) {
    await unlisten();
    throw error;
  }
  const consumer = bus.consume({
    group: 'gateway',
    consumer: `gateway-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
    types: REVOKING_EVENTS,
    handler: async (event) => {
      const revocation = revocationOf(event, keepMs);
      if (!revocation || revocation.until <= Date.now()) return;
      await store.add(JSON.stringify(revocation), revocation.until);
      await bus.broadcast(REVOCATIONS_CHANNEL, revocation);
    },
  });
  const timer = setInterval(() => {
    revocations.prune();
    reload().catch((error: unknown) => log.error({ err: error }, 'could not reload revocations'));
  }, options.reloadMs ?? 30_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await consumer.stop();
      await unlisten();
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
