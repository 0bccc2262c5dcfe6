import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/**
 * WAITLISTED → OFFERED → PENDING → CONFIRMED, or CANCELLED / EXPIRED / FAILED. PENDING is a
 * seat taken while billing holds its credits; FAILED is one billing refused (never listed).
 */
export type BookingStatus =
  'WAITLISTED' | 'OFFERED' | 'PENDING' | 'CONFIRMED' | 'CANCELLED' | 'EXPIRED' | 'FAILED';

export type Attendance = 'CHECKED_IN' | 'CHECKED_OUT' | 'NO_SHOW';

/** What billing must do with the booking's hold: done when `creditsSettledAt` is set. */
export type CreditAction = 'RELEASE' | 'CAPTURE';

/** Statuses that keep a seat. */
export const SEATED: BookingStatus[] = ['OFFERED', 'PENDING', 'CONFIRMED'];
/** Statuses of a live booking: at most one per user and session (a partial unique index). */
export const LIVE: BookingStatus[] = ['WAITLISTED', ...SEATED];

export class Booking {
  [OptionalProps]?:
    | 'id'
    | 'credits'
    | 'creditAction'
    | 'creditsSettledAt'
    | 'offerExpiresAt'
    | 'attendance'
    | 'checkedInAt'
    | 'checkedOutAt'
    | 'cancelledAt'
    | 'cancellationReason'
    | 'invitationId'
    | 'remindedAt'
    | 'line'
    | 'freeCancelUntil'
    | 'createdAt'
    | 'updatedAt';
  id: string = randomUUID();
  sessionId!: string;
  gymId!: string;
  userId!: string;
  status!: BookingStatus;
  /** Credits held for it (the session's price when it was confirmed). */
  credits: number = 0;
  creditAction: CreditAction | null = null;
  creditsSettledAt: Date | null = null;
  offerExpiresAt: Date | null = null;
  attendance: Attendance | null = null;
  checkedInAt: Date | null = null;
  checkedOutAt: Date | null = null;
  cancelledAt: Date | null = null;
  cancellationReason: string | null = null;
  invitationId: string | null = null;
  /**
   * Until when cancelling releases its credits, fixed when the seat is taken: a gym changing
   * its window later does not turn bookings already made into late ones.
   */
  freeCancelUntil: Date | null = null;
  /**
   * Its place in the order bookings of its session were made, taken under the session's lock
   * (1, 2, 3…): the waiting list is served in this order, whatever the clocks say.
   */
  line: number = 0;
  /** When its reminder went out (once). */
  remindedAt: Date | null = null;
  /** The start of its session, copied: the user's list is ordered by it without a join. */
  startsAt!: Date;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const BookingSchema = new EntitySchema<Booking>({
  class: Booking,
  tableName: 'booking',
  indexes: [
    { properties: ['sessionId', 'status', 'line'] },
    { properties: ['userId', 'startsAt', 'id'] },
    {
      name: 'booking_to_settle_index',
      expression:
        'create index "booking_to_settle_index" on "bookings"."booking" ("updated_at") where "credit_action" is not null and "credits_settled_at" is null',
    },
    {
      name: 'booking_offer_index',
      expression: `create index "booking_offer_index" on "bookings"."booking" ("offer_expires_at") where "status" = 'OFFERED'`,
    },
    {
      name: 'booking_to_remind_index',
      expression: `create index "booking_to_remind_index" on "bookings"."booking" ("starts_at") where "status" = 'CONFIRMED' and "reminded_at" is null`,
    },
    {
      name: 'booking_pending_index',
      expression: `create index "booking_pending_index" on "bookings"."booking" ("updated_at") where "status" = 'PENDING'`,
    },
  ],
  uniques: [
    {
      name: 'booking_one_live_per_user',
      expression: `create unique index "booking_one_live_per_user" on "bookings"."booking" ("session_id", "user_id") where "status" in ('WAITLISTED', 'OFFERED', 'PENDING', 'CONFIRMED')`,
    },
  ],
  checks: [{ name: 'booking_credits_check', expression: 'credits >= 0' }],
  properties: {
    id: { type: 'uuid', primary: true },
    sessionId: { type: 'uuid' },
    gymId: { type: 'uuid' },
    userId: { type: 'uuid' },
    status: { type: 'string', length: 20 },
    credits: { type: 'integer' },
    creditAction: { type: 'string', length: 10, nullable: true },
    creditsSettledAt: { type: 'datetime', nullable: true },
    offerExpiresAt: { type: 'datetime', nullable: true },
    attendance: { type: 'string', length: 20, nullable: true },
    checkedInAt: { type: 'datetime', nullable: true },
    checkedOutAt: { type: 'datetime', nullable: true },
    cancelledAt: { type: 'datetime', nullable: true },
    cancellationReason: { type: 'string', length: 200, nullable: true },
    invitationId: { type: 'uuid', nullable: true },
    remindedAt: { type: 'datetime', nullable: true },
    line: { type: 'integer' },
    freeCancelUntil: { type: 'datetime', nullable: true },
    startsAt: { type: 'datetime' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
