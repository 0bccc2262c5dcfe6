import type { EntityManager } from '@mikro-orm/postgresql';
import type { DeliveryChannel } from '../entities';

/** One user's messages on one channel go at most this often once they pile up (20 a second). */
const SPACING_MS = 50;

/**
 * When a user's next non-security message on `channel` may go: `earliest`, or just after
 * their previous one still waiting. The dispatcher takes the earliest due first, so a flood
 * for one user (a producer's loop, plan changes back and forth) waits behind everyone else's
 * messages instead of ahead of them. Only the last hour is looked at (an index range).
 */
export async function pacedFrom(
  em: EntityManager,
  userId: string,
  channel: DeliveryChannel,
  earliest: Date,
): Promise<Date> {
  const [previous] = await em.execute<Array<{ next_attempt_at: Date }>>(
    `select next_attempt_at from notifications.delivery
      where user_id = ? and created_at > now() - interval '1 hour'
        and channel = ? and category <> 'security' and status = 'queued'
      order by created_at desc limit 1`,
    [userId, channel],
  );
  const after = previous ? new Date(previous.next_attempt_at).getTime() + SPACING_MS : 0;
  return after > earliest.getTime() ? new Date(after) : earliest;
}
