import type { EntityManager } from '@mikro-orm/postgresql';
import { Ticket } from '../entities';
import type { SupportRuntime } from '../runtime';
import { assignByRoundRobin } from './assignment';
import { recordBreaches } from './sla';
import { changeStatus } from './status';

const BATCH = 100;

/**
 * The time-driven part of support, one pass: SLA targets that passed are announced, queued
 * tickets go to agents who have room, and RESOLVED tickets nobody replied to close. Each
 * ticket is changed under its row lock (skipping those a request holds), so replicas running
 * it at once change each once.
 */
export async function runJanitor(runtime: SupportRuntime): Promise<void> {
  const em = runtime.orm.em.fork();
  await findBreaches(em.fork(), runtime);
  await assignQueued(em.fork(), runtime);
  await closeResolved(em.fork(), runtime);
}

/** Locks up to BATCH tickets matching `where` (skipping locked ones) and applies `change` to each. */
async function eachLocked(
  em: EntityManager,
  where: string,
  params: unknown[],
  change: (tx: EntityManager, ticket: Ticket) => Promise<void> | void,
): Promise<void> {
  await em.transactional(async (tx) => {
    const rows = await tx.execute<Array<Record<string, unknown>>>(
      `select * from support.ticket where ${where} order by created_at limit ${BATCH} for update skip locked`,
      params,
    );
    for (const row of rows) await change(tx, tx.map(Ticket, row));
  });
}

async function findBreaches(em: EntityManager, runtime: SupportRuntime): Promise<void> {
  const now = runtime.now();
  await eachLocked(
    em,
    `(first_response_breached_at is null and first_responded_at is null and status in ('OPEN', 'PENDING')
       and first_response_due_at <= ?)
     or (resolution_breached_at is null and status = 'OPEN' and resolution_due_at <= ?)`,
    [now, now],
    (tx, ticket) => recordBreaches(tx, ticket, now),
  );
}

async function assignQueued(em: EntityManager, runtime: SupportRuntime): Promise<void> {
  const now = runtime.now();
  let full = false; // once nobody has room, the rest of the queue waits for the next pass
  await eachLocked(em, `assignee_id is null and status in ('OPEN', 'PENDING')`, [], async (tx, ticket) => {
    if (!full) full = !(await assignByRoundRobin(tx, ticket, now));
  });
}

async function closeResolved(em: EntityManager, runtime: SupportRuntime): Promise<void> {
  const now = runtime.now();
  const before = new Date(now.getTime() - runtime.settings.SUPPORT_AUTO_CLOSE_DAYS * 86_400_000);
  await eachLocked(em, `status = 'RESOLVED' and resolved_at <= ?`, [before], (tx, ticket) =>
    changeStatus(tx, runtime, ticket, 'CLOSED', null, now),
  );
}
