import type { EntityManager, MikroORM, TransactionEventArgs } from '@mikro-orm/postgresql';
import type { EventBus } from '@lattice/events';
import type { Logger } from '@lattice/server-kit';
import type { Notification } from '../entities';

/** The bus channel new inbox entries are broadcast on, to every replica. */
export const INBOX_CHANNEL = 'notifications.inbox';

type Listener = (notification: Notification) => void;

/**
 * New inbox entries, live: the replica that consumed the event broadcasts each entry once its
 * transaction has committed; every replica hands it to its own subscribers of that user only.
 */
export class InboxFeed {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly pending = new WeakMap<EntityManager, Notification[]>();
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
    this.unlisten = await this.bus.listen(INBOX_CHANNEL, (message) => this.dispatch(message));
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.listeners.clear();
  }

  afterCommit(em: EntityManager, notification: Notification): void {
    const entries = this.pending.get(em) ?? [];
    entries.push(notification);
    this.pending.set(em, entries);
  }

  /** Calls `listener` with each new entry of `userId`; returns how to stop. */
  listen(userId: string, listener: Listener): () => void {
    const set = this.listeners.get(userId) ?? new Set();
    set.add(listener);
    this.listeners.set(userId, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(userId);
    };
  }

  private async flush(em: EntityManager): Promise<void> {
    const entries = this.pending.get(em);
    if (!entries) return;
    this.pending.delete(em);
    for (const entry of entries) {
      await this.bus
        .broadcast(INBOX_CHANNEL, { ...entry, createdAt: entry.createdAt.toISOString() })
        .catch((error: unknown) =>
          this.log.error({ err: error, notification: entry.id }, 'inbox broadcast failed'),
        );
    }
  }

  private dispatch(message: unknown): void {
    const entry = message as (Omit<Notification, 'createdAt'> & { createdAt: string }) | null;
    if (typeof entry?.userId !== 'string' || typeof entry.id !== 'string') return;
    const listeners = this.listeners.get(entry.userId);
    if (!listeners) return;
    const notification = {
      ...entry,
      createdAt: new Date(entry.createdAt),
      readAt: null,
      archivedAt: null,
    } as Notification;
    for (const listener of listeners) listener(notification);
  }
}
