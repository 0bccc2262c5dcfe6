import { z } from 'zod';
import { internalServiceUrl } from '@lattice/subgraph-kit';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const whole = (min: number, max: number, fallback: number) =>
  z.preprocess(blankIsUnset, z.coerce.number().int().min(min).max(max).default(fallback));

export const bookingsSettings = z.object({
  /** Where billing listens, for credit holds (set by npm start and docker-compose). */
  ...internalServiceUrl('billing'),
  /** How long a seat freed for the first in line is kept for them (never past the start). */
  BOOKINGS_OFFER_MINUTES: whole(1, 10_080, 120),
  /** How long before a session its confirmed bookers are reminded (0: never). */
  BOOKINGS_REMINDER_MINUTES: whole(0, 10_080, 1440),
  /** How often the janitor expires offers, settles credits and closes ended sessions. */
  BOOKINGS_JANITOR_INTERVAL_SECONDS: whole(1, 3600, 30),
  /** A booking still holding its credits after this long lost its request: it is undone. */
  BOOKINGS_PENDING_TIMEOUT_SECONDS: whole(5, 3600, 60),
});

export type BookingsSettings = z.infer<typeof bookingsSettings>;
