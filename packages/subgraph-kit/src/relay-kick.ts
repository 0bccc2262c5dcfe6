import type { FlushEventArgs, MikroORM } from '@mikro-orm/postgresql';
import { OutboxEvent, type OutboxRelay } from '@lattice/events';
import { outsideRequestScope } from '@lattice/server-kit';

/**
 * Runs the outbox relay as soon as a transaction that wrote events commits, instead of
 * waiting for its next poll. The relay runs outside the request scope: its statements are
 * background work, not the request's.
 */
export function kickRelayAfterCommit(orm: MikroORM, relay: OutboxRelay): void {
  let outboxWritten = false;
  const kick = () => {
    outboxWritten = false;
    outsideRequestScope(() => relay.kick());
  };
  orm.em.getEventManager().registerSubscriber({
    afterFlush(args: FlushEventArgs) {
      if (!args.uow.getChangeSets().some((changeSet) => changeSet.entity instanceof OutboxEvent)) return;
      outboxWritten = true;
      if (!args.em.isInTransaction()) kick();
    },
    afterTransactionCommit() {
      if (outboxWritten) kick();
    },
  });
}
