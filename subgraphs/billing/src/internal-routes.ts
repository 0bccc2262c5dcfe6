import { bodyFields, type InternalRoutes } from '@lattice/subgraph-kit';
import type { CreditHold } from './entities';
import {
  captureHoldByReference,
  holdCredits,
  releaseHoldByReference,
  SERVICE_PREFIX,
} from './service/credits';

/** A hold as billing's internal routes answer it. */
export interface CreditHoldAnswer {
  id: string;
  status: CreditHold['status'];
  amount: number;
  reference: string;
}

/** The hold as its service knows it (stored under SERVICE_PREFIX, answered with its own reference). */
const answer = (hold: CreditHold | null): CreditHoldAnswer | null =>
  hold && {
    id: hold.id,
    status: hold.status,
    amount: hold.amount,
    reference: hold.reference.slice(SERVICE_PREFIX.length),
  };

/**
 * Billing's internal interface (see README "Internal interface"): credit holds that another
 * domain needs decided before it answers its own client (bookings: a seat is booked only
 * once its credits are held). Callers name the user and their own reference (a booking id);
 * every route is idempotent per (user, reference).
 */
export function billingInternalRoutes(): InternalRoutes {
  return {
    /** `{ userId, amount, reference }` → the hold (QUOTA_EXCEEDED, CONFLICT, BAD_USER_INPUT). */
    '/internal/credit-holds': async (input, { em }) => {
      const { userId, amount, reference } = bodyFields(input);
      return answer(
        await holdCredits(
          em,
          {
            userId: userId as string,
            amount: amount as number,
            reference: reference as string,
          },
          { byService: true },
        ),
      );
    },
    /** `{ userId, reference }` → the released hold, or null when there is none. */
    '/internal/credit-holds/release': async (input, { em }) => {
      const { userId, reference } = bodyFields(input);
      return answer(
        await releaseHoldByReference(em, { userId: userId as string, reference: reference as string }),
      );
    },
    /** `{ userId, reference }` → the captured hold, or null when there is none. */
    '/internal/credit-holds/capture': async (input, { em }) => {
      const { userId, reference } = bodyFields(input);
      return answer(
        await captureHoldByReference(em, { userId: userId as string, reference: reference as string }),
      );
    },
  };
}
