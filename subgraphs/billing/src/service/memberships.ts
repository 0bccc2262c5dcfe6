import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput, validateInput } from '@lattice/server-kit';
import { z } from 'zod';
import { Membership } from '../entities';
import type { MembershipPackage } from './settings';

const MEMBERSHIP = 'billing.membership';
const DAY_MS = 86_400_000;

export interface GrantMembership {
  userId: string;
  pkg: MembershipPackage;
  source: Membership['source'];
  /** The payment that bought it: one membership per payment (a repeat returns it). */
  paymentId?: string | null;
  /** When it starts (now by default); pushed back past a membership of the same type. */
  startsAt?: Date | null;
}

/**
 * Gives the user a membership of `pkg` for its `durationDays`. It starts at `startsAt` (now by
 * default) or, when the user holds memberships of the same type ending after that moment,
 * when the last of them expires: bought time stacks, never overlaps.
 * Grants of one user and type queue on a transaction-scoped advisory lock, so two concurrent
 * purchases stack too. Joins the caller's transaction (as a savepoint) if it has one.
 */
export async function grantMembership(em: EntityManager, grant: GrantMembership): Promise<Membership> {
  const { userId, pkg, source, paymentId = null } = grant;
  validateInput(z.guid('not a user id'), userId, 'input.userId');
  const requested = grant.startsAt ?? new Date();
  if (Number.isNaN(requested.getTime())) throw badUserInput('input.startsAt: not a date', 'input.startsAt');
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?::text, 0))', [
      `billing.membership:${userId}:${pkg.type}`,
    ]);
    if (paymentId) {
      const existing = await tx.findOne(Membership, { paymentId });
      if (existing) return existing;
    }
    const [latest] = await tx.execute<Array<{ expires_at: Date | null }>>(
      `select max(expires_at) as expires_at from ${MEMBERSHIP}
       where user_id = ? and type = ? and expires_at > ?`,
      [userId, pkg.type, requested],
    );
    const startsAt = latest?.expires_at ? new Date(latest.expires_at) : requested;
    const expiresAt = new Date(startsAt.getTime() + pkg.durationDays * DAY_MS);
    const id = randomUUID();
    const inserted = await tx.execute(
      `insert into ${MEMBERSHIP} (id, user_id, type, package, starts_at, expires_at, source, payment_id, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (payment_id) do nothing
       returning id`,
      [id, userId, pkg.type, pkg.id, startsAt, expiresAt, source, paymentId, new Date()],
    );
    if (inserted.length === 0) return tx.findOneOrFail(Membership, { paymentId });
    return tx.findOneOrFail(Membership, { id });
  });
}

/** Whether the membership is in force at `now`: started and not yet expired. */
export const isActive = (membership: Pick<Membership, 'startsAt' | 'expiresAt'>, now: Date): boolean =>
  membership.startsAt.getTime() <= now.getTime() && now.getTime() < membership.expiresAt.getTime();

/** Active first (ending soonest first), then upcoming (starting soonest first), then past (latest first). */
function byRelevance(now: Date) {
  const rank = (m: Membership) => (isActive(m, now) ? 0 : m.startsAt > now ? 1 : 2);
  return (a: Membership, b: Membership): number =>
    rank(a) - rank(b) ||
    (rank(a) === 0
      ? a.expiresAt.getTime() - b.expiresAt.getTime()
      : rank(a) === 1
        ? a.startsAt.getTime() - b.startsAt.getTime()
        : b.expiresAt.getTime() - a.expiresAt.getTime()) ||
    a.id.localeCompare(b.id);
}

/** The memberships of many users in one statement, in the order of `userIds`, active first. */
export async function membershipsOf(
  em: EntityManager,
  userIds: readonly string[],
  now = new Date(),
): Promise<Membership[][]> {
  const rows = await em.find(Membership, { userId: { $in: [...new Set(userIds)] } });
  const byUser = new Map<string, Membership[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row]);
  const order = byRelevance(now);
  return userIds.map((userId) => [...(byUser.get(userId) ?? [])].sort(order));
}
