import type { Logger } from '@lattice/server-kit';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

type Task = () => Promise<void>;

interface Pending {
  committed: Task[];
  rolledBack: Task[];
}

/** Tasks waiting for the end of a transaction, by its (root) transaction context. */
const pending = new WeakMap<object, Pending>();

/**
 * Runs the tasks of `afterCommit` once their transaction has committed, and those of
 * `afterRollback` once it has rolled back. A task that fails is logged: what it does must be
 * safe to leave undone (the janitor or a redelivery finishes it). Registered once, by init.
 */
export function runTasksAfterTransactions(orm: MikroORM, log: Logger): void {
  const run = async (transaction: object | undefined, outcome: keyof Pending) => {
    const tasks = transaction && pending.get(transaction);
    if (!tasks) return;
    pending.delete(transaction);
    for (const task of tasks[outcome]) {
      await task().catch((error: unknown) =>
        log.warn({ err: error }, 'a task after a transaction failed; it is left to the janitor'),
      );
    }
  };
  orm.em.getEventManager().registerSubscriber({
    afterTransactionCommit: ({ transaction }) => run(transaction, 'committed'),
    afterTransactionRollback: ({ transaction }) => run(transaction, 'rolledBack'),
  });
}

function tasksOf(em: EntityManager): Pending {
  const transaction = em.getTransactionContext();
  if (!transaction) throw new Error('afterCommit/afterRollback: call them inside a transaction');
  let tasks = pending.get(transaction);
  if (!tasks) pending.set(transaction, (tasks = { committed: [], rolledBack: [] }));
  return tasks;
}

/**
 * Runs `task` once the transaction `em` is in (a root transaction: the bus's for an event, or
 * a `transactional`) has committed; never when it rolls back. For what must not happen before
 * the commit, such as removing the bytes the transaction stores a copy of.
 */
export function afterCommit(em: EntityManager, task: Task): void {
  tasksOf(em).committed.push(task);
}

/** Runs `task` once the transaction `em` is in (a root one) has rolled back; never on commit. */
export function afterRollback(em: EntityManager, task: Task): void {
  tasksOf(em).rolledBack.push(task);
}
