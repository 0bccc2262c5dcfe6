import type { EntityManager } from '@mikro-orm/postgresql';
import { ErrorCode, type Logger, UserError } from '@lattice/server-kit';
import { Booking } from '../entities';

/**
 * Billing's credit holds, keyed by a reference of ours (`booking:<id>`): holding twice holds
 * once, and releasing or capturing what is already so answers as is, so every call here may
 * be repeated until it gets through.
 */
export interface Credits {
  /** The hold of the reference as billing has it: a new one, or the one made before, whatever became of it. */
  hold(userId: string, amount: number, reference: string): Promise<Hold>;
  release(userId: string, reference: string): Promise<void>;
  capture(userId: string, reference: string): Promise<void>;
}

export interface Hold {
  status: 'held' | 'released' | 'captured';
  amount: number;
}

/** Longer than any hold request can take (the internal client gives up after 2 s). */
const LATE_HOLD_MS = 30_000;

export const holdReference = (booking: Pick<Booking, 'id'>): string => `booking:${booking.id}`;

/**
 * Tells billing what was decided for a booking's credits (its `creditAction`), once: the
 * decision was committed first, so a failure here is only retried later (by the janitor),
 * never lost. Answers whether it went through.
 */
export async function settleCredits(
  em: EntityManager,
  credits: Credits,
  booking: Booking,
  log: Logger,
): Promise<boolean> {
  if (!booking.creditAction || booking.creditsSettledAt) return true;
  try {
    const reference = holdReference(booking);
    if (booking.creditAction === 'RELEASE') await credits.release(booking.userId, reference);
    else await credits.capture(booking.userId, reference);
  } catch (error) {
    // Only an owner that could not decide is asked again: a refusal (the hold settled the other
    // way, through billing's own API) stays one, and retrying it would hold up the others.
    if (!(error instanceof UserError) || error.extensions.code === ErrorCode.ServiceUnavailable) {
      log.warn(
        { err: error, bookingId: booking.id, action: booking.creditAction },
        'credits not settled yet; retried later',
      );
      return false;
    }
    log.error(
      { err: error, bookingId: booking.id, action: booking.creditAction },
      'billing refused to settle credits; not retried',
    );
  }
  // A hold whose request failed may still reach billing after this release (it was on its
  // way): such a release is repeated by the janitor until the hold request is surely over.
  if (booking.status === 'FAILED' && Date.now() - booking.updatedAt.getTime() < LATE_HOLD_MS) return true;
  await em.execute(
    'update bookings.booking set credits_settled_at = ? where id = ? and credits_settled_at is null',
    [new Date(), booking.id],
  );
  return true;
}
