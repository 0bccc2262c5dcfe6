import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from '@lattice/events';
import type { Logger } from '@lattice/server-kit';
import { CommitFeed } from '@lattice/subgraph-kit';
import type { Notification } from '../entities';

/** The bus channel new inbox entries are broadcast on, to every replica. */
export const INBOX_CHANNEL = 'notifications.inbox';

/** An entry as it travels on the bus (JSON: the date as text). */
type WireEntry = Omit<Notification, 'createdAt'> & { createdAt: string };

const userOf = (message: unknown): string | null => {
  const entry = message as Partial<WireEntry> | null;
  return typeof entry?.userId === 'string' && typeof entry.id === 'string' ? entry.userId : null;
};

/**
 * New inbox entries, live: the replica that consumed the event broadcasts each entry once its
 * transaction has committed; every replica hands it to its own subscribers of that user only.
 */
export class InboxFeed {
  private readonly feed: CommitFeed<WireEntry>;

  constructor(bus: EventBus, log: Logger) {
    this.feed = new CommitFeed<WireEntry>(bus, INBOX_CHANNEL, log, userOf);
  }

  start(orm: MikroORM): Promise<void> {
    return this.feed.start(orm);
  }

  stop(): Promise<void> {
    return this.feed.stop();
  }

  afterCommit(em: EntityManager, notification: Notification): void {
    this.feed.afterCommit(em, { ...notification, createdAt: notification.createdAt.toISOString() });
  }

  /** Calls `listener` with each new entry of `userId`; returns how to stop. */
  listen(userId: string, listener: (notification: Notification) => void): () => void {
    return this.feed.listen(userId, (entry) =>
      listener({
        ...entry,
        createdAt: new Date(entry.createdAt),
        readAt: null,
        archivedAt: null,
      } as Notification),
    );
  }
}
