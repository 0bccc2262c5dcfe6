import type { EntityManager, MikroORM, TransactionEventArgs } from '@mikro-orm/postgresql';
import type { EventBus } from '@lattice/events';
import type { Logger } from '@lattice/server-kit';

/**
 * Live messages about committed changes, for subscriptions on every replica: a writer queues
 * a message with `afterCommit` inside its transaction; once that transaction commits (never
 * if it rolls back) the message is broadcast on the bus's `channel`, and each replica hands it
 * to its own listeners of the message's key. Messages should say what changed, not carry it:
 * listeners read the rows themselves, with their subscriber's rights.
 */
export class CommitFeed<M extends object> {
  private readonly listeners = new Map<string, Set<(message: M) => void>>();
  private readonly pending = new WeakMap<EntityManager, M[]>();
  private unlisten: (() => Promise<void>) | undefined;

  constructor(
    private readonly bus: EventBus,
    private readonly channel: string,
    private readonly log: Logger,
    /** The listeners a message is for; null for a message this feed does not know. */
    private readonly keyOf: (message: unknown) => string | null,
  ) {}

  async start(orm: MikroORM): Promise<void> {
    orm.em.getEventManager().registerSubscriber({
      afterTransactionCommit: (args: TransactionEventArgs) => this.flush(args.em as EntityManager),
      afterTransactionRollback: (args: TransactionEventArgs) => {
        this.pending.delete(args.em as EntityManager);
      },
    });
    this.unlisten = await this.bus.listen(this.channel, (message) => this.dispatch(message));
  }

  async stop(): Promise<void> {
    await this.unlisten?.();
    this.listeners.clear();
  }

  /** Broadcasts `message` once the transaction of `em` commits. */
  afterCommit(em: EntityManager, message: M): void {
    const messages = this.pending.get(em) ?? [];
    messages.push(message);
    this.pending.set(em, messages);
  }

  /** Calls `listener` with each message for `key`; returns how to stop. */
  listen(key: string, listener: (message: M) => void): () => void {
    const set = this.listeners.get(key) ?? new Set();
    set.add(listener);
    this.listeners.set(key, set);
    return () => {
      set.delete(listener);
      if (!set.size) this.listeners.delete(key);
    };
  }

  private async flush(em: EntityManager): Promise<void> {
    const messages = this.pending.get(em);
    if (!messages) return;
    this.pending.delete(em);
    for (const message of messages) {
      await this.bus
        .broadcast(this.channel, message)
        .catch((error: unknown) =>
          this.log.error({ err: error, channel: this.channel }, 'live broadcast failed'),
        );
    }
  }

  private dispatch(message: unknown): void {
    const key = this.keyOf(message);
    if (key === null) return;
    for (const listener of this.listeners.get(key) ?? []) listener(message as M);
  }
}
