import type { EventSpecs } from './define';

/** What every booking event says about the session it concerns (for mails and the feed). */
export interface SessionFacts {
  sessionId: string;
  gymId: string;
  gymName: string;
  sessionTitle: string;
  startsAt: string;
  /** The gym's IANA time zone: mails show the start in it. */
  timeZone: string;
}

/** Events bookings publishes: seats taken and given back, waiting lists, attendance, reviews. */
export interface BookingsEvents {
  'bookings.booking_confirmed': {
    version: 1;
    data: SessionFacts & { bookingId: string; userId: string; credits: number; viaInvitation: boolean };
  };
  /**
   * A booking ended before its session: `reason` USER (in time: credits released), LATE (after
   * the cancellation window: credits kept), SESSION_CANCELLED, CAPACITY_REDUCED or STAFF.
   */
  'bookings.booking_cancelled': {
    version: 1;
    data: SessionFacts & {
      bookingId: string;
      userId: string;
      reason: 'USER' | 'LATE' | 'SESSION_CANCELLED' | 'CAPACITY_REDUCED' | 'STAFF';
      creditsReleased: number;
      note: string | null;
    };
  };
  'bookings.waitlist_joined': {
    version: 1;
    data: SessionFacts & { bookingId: string; userId: string; position: number };
  };
  /** A seat came free and is offered to the first in line until `offerExpiresAt`. */
  'bookings.seat_offered': {
    version: 1;
    data: SessionFacts & { bookingId: string; userId: string; offerExpiresAt: string };
  };
  'bookings.seat_offer_expired': {
    version: 1;
    data: SessionFacts & { bookingId: string; userId: string };
  };
  /** An invitation mailed to `email`; `token` accepts or declines it (for the mail only). */
  'bookings.invitation_sent': {
    version: 1;
    sensitive: true;
    data: SessionFacts & { invitationId: string; inviterId: string; email: string; token: string };
  };
  'bookings.invitation_answered': {
    version: 1;
    /** `inviteeId` is null for a decline by someone signed out (the token is enough). */
    data: SessionFacts & {
      invitationId: string;
      inviterId: string;
      inviteeId: string | null;
      accepted: boolean;
    };
  };
  'bookings.attendance_recorded': {
    version: 1;
    data: SessionFacts & {
      bookingId: string;
      userId: string;
      attendance: 'CHECKED_IN' | 'CHECKED_OUT' | 'NO_SHOW';
    };
  };
  /** A confirmed session starts soon (`BOOKINGS_REMINDER_MINUTES` ahead): once per booking. */
  'bookings.session_reminder': {
    version: 1;
    data: SessionFacts & { bookingId: string; userId: string; freeCancellationUntil: string };
  };
  /** A session is over: its occupancy, for analytics. */
  'bookings.session_ended': {
    version: 1;
    data: SessionFacts & { capacity: number; booked: number; attended: number; noShows: number };
  };
  'bookings.session_cancelled': {
    version: 1;
    data: SessionFacts & { cancelledBy: string; affectedBookings: number };
  };
  'bookings.induction_completed': {
    version: 1;
    data: { inductionId: string; gymId: string; gymName: string; userId: string };
  };
  /**
   * A picture shown with something public (`use`: `gym:<id>`, `review:<id>`): media lets
   * everyone see it if `ownerId` owns it.
   */
  'bookings.picture_published': { version: 1; data: { mediaId: string; ownerId: string; use: string } };
  /** That use of the picture ended: media makes it private again unless another use remains. */
  'bookings.picture_unpublished': { version: 1; data: { mediaId: string; use: string } };
  'bookings.review_posted': {
    version: 1;
    data: {
      reviewId: string;
      bookingId: string;
      gymId: string;
      gymName: string;
      userId: string;
      rating: number;
    };
  };
}

export const bookingsEvents: EventSpecs<BookingsEvents> = {
  'bookings.booking_confirmed': { version: 1 },
  'bookings.booking_cancelled': { version: 1 },
  'bookings.waitlist_joined': { version: 1 },
  'bookings.seat_offered': { version: 1 },
  'bookings.seat_offer_expired': { version: 1 },
  'bookings.invitation_sent': { version: 1, sensitive: true },
  'bookings.invitation_answered': { version: 1 },
  'bookings.attendance_recorded': { version: 1 },
  'bookings.session_reminder': { version: 1 },
  'bookings.session_ended': { version: 1 },
  'bookings.session_cancelled': { version: 1 },
  'bookings.induction_completed': { version: 1 },
  'bookings.picture_published': { version: 1 },
  'bookings.picture_unpublished': { version: 1 },
  'bookings.review_posted': { version: 1 },
};
