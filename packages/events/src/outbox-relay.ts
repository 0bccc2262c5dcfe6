import { LockMode, type MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from './bus';
import { envelopeFrom, OutboxEvent } from './outbox';

export interface OutboxRelay {
  /** Runs a pass now (e.g. right after a transaction that recorded events committed). */
  kick(): void;
  /** Stops polling; waits for the pass in progress. */
  stop(): Promise<void>;
}

export interface OutboxRelayOptions {
  orm: MikroORM;
  bus: EventBus;
  /** Default 250. */
  pollIntervalMs?: number;
  /** Rows per pass. Default 100. */
  batchSize?: number;
  onError?: (error: unknown) => void;
}

const RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const HOUSEKEEPING_EVERY_MS = 60 * 60 * 1000;

/**
 * Publishes committed outbox rows to the bus, oldest first, and marks them published.
 * Rows are selected FOR UPDATE SKIP LOCKED inside the pass's transaction, so several
 * replicas (or relays) never publish the same row concurrently. A row is marked only after
 * publish() resolved: a crash in between means it is published again (at-least-once).
 */
export function startOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { orm, bus } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const batchSize = options.batchSize ?? 100;
  const onError = options.onError ?? ((error: unknown) => console.error('[outbox relay]', error));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let lastHousekeeping = 0;

  /** One batch; true when a full batch went out (more may be waiting). */
  async function pass(): Promise<boolean> {
    const { selected, failure } = await orm.em.fork().transactional(async (em) => {
      const rows = await em.find(
        OutboxEvent,
        { publishedAt: null },
        {
          orderBy: { occurredAt: 'asc', id: 'asc' },
          limit: batchSize,
          lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
        },
      );
      const published: string[] = [];
      let failure: { error: unknown } | null = null;
      for (const row of rows) {
        try {
          await bus.publish(envelopeFrom(row));
        } catch (error) {
          failure = { error }; // keep what went out; the rest waits for the next pass, in order
          break;
        }
        published.push(row.id);
      }
      if (published.length > 0) {
        await em.nativeUpdate(OutboxEvent, { id: { $in: published } }, { publishedAt: new Date() });
      }
      return { selected: rows.length, failure };
    });
    if (failure) {
      onError(failure.error);
      return false;
    }
    return selected === batchSize;
  }

  async function housekeeping(): Promise<void> {
    if (Date.now() - lastHousekeeping < HOUSEKEEPING_EVERY_MS) return;
    lastHousekeeping = Date.now();
    await orm.em
      .fork()
      .nativeDelete(OutboxEvent, { publishedAt: { $lt: new Date(Date.now() - RETENTION_MS) } });
  }

  function schedule(): void {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(run, pollIntervalMs);
  }

  function run(): void {
    if (stopped) return;
    if (running) {
      again = true; // a kick during a pass: one more pass right after it
      return;
    }
    clearTimeout(timer);
    running = (async () => {
      try {
        do {
          again = false;
          if (await pass()) again = true;
        } while (again && !stopped);
        if (!stopped) await housekeeping();
      } catch (error) {
        onError(error);
      }
    })().finally(() => {
      running = null;
      // A kick that came after the last pass began (even during housekeeping) must not wait for the poll.
      if (again && !stopped) run();
      else schedule();
    });
  }

  run();
  return {
    kick: run,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
