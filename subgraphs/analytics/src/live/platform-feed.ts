import type { EntityManager, MikroORM, TransactionEventArgs } from '@mikro-orm/postgresql';
import type { EventBus } from '@lattice/events';
import type { Logger } from '@lattice/server-kit';
import type { PlatformEventRecord } from '../service/facts';
import { PushQueue } from '@lattice/subgraph-kit';

/** The bus channel every replica's recorded events are broadcast on. */
export const PLATFORM_EVENTS_CHANNEL = 'analytics.platform-events';

/** Undelivered events a subscriber may fall behind by before the oldest are dropped. */
const QUEUE_CAPACITY = 1000;

interface Subscriber {
  types: ReadonlySet<string> | null;
  queue: PushQueue<PlatformEventRecord>;
}

/**
 * The live feed of recorded events. The consumer group gives each event to one replica,
 * which broadcasts it once its transaction has committed; every replica fans the broadcast
 * out to its own subscribers, so each subscriber sees each event once, whichever replica it
 * is connected to.
 */
export class PlatformFeed {
  private readonly subscribers = new Set<Subscriber>();
  /** Records waiting for their consumer transaction to commit, by transaction EntityManager. */
  private readonly pending = new WeakMap<EntityManager, PlatformEventRecord[]>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly log: Logger,
  ) {}

  async start(orm: MikroORM): Promise<void> {
    orm.em.getEventManager().registerSubscriber({
      afterTransactionCommit: (args: TransactionEventArgs) => this.flush(args.em as EntityManager),
      afterTransactionRollback: (args: TransactionEventArgs) => {
        this.pending.delete(args.em as EntityManager);
      },
    });
    this.unlisten = await this.bus.listen(PLATFORM_EVENTS_CHANNEL, (message) => this.dispatch(message));
  }

  async stop(): Promise<void> {
    for (const subscriber of [...this.subscribers]) subscriber.queue.close();
    await this.unlisten?.();
  }

  /** Broadcasts `record` once the transaction of `em` commits (never if it rolls back). */
  afterCommit(em: EntityManager, record: PlatformEventRecord): void {
    const records = this.pending.get(em) ?? [];
    records.push(record);
    this.pending.set(em, records);
  }

  subscribe(types: ReadonlySet<string> | null): AsyncIterableIterator<PlatformEventRecord> {
    const subscriber: Subscriber = {
      types,
      queue: new PushQueue(QUEUE_CAPACITY, () => this.subscribers.delete(subscriber)),
    };
    this.subscribers.add(subscriber);
    return subscriber.queue;
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  private async flush(em: EntityManager): Promise<void> {
    const records = this.pending.get(em);
    if (!records) return;
    this.pending.delete(em);
    for (const record of records) {
      await this.bus
        .broadcast(PLATFORM_EVENTS_CHANNEL, record)
        .catch((error: unknown) =>
          this.log.error({ err: error, eventId: record.id }, 'platform event broadcast failed'),
        );
    }
  }

  private dispatch(message: unknown): void {
    if (!isRecord(message)) return;
    for (const { types, queue } of this.subscribers) {
      if (!types || types.has(message.type)) queue.push(message);
    }
  }
}

function isRecord(message: unknown): message is PlatformEventRecord {
  const value = message as Partial<PlatformEventRecord> | null;
  return (
    typeof value?.id === 'string' &&
    typeof value.type === 'string' &&
    typeof value.occurredAt === 'string' &&
    typeof value.subject === 'string'
  );
}
