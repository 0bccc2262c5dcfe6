import { defineDomainMetrics } from './registry';

/** 1 when `condition` holds, else 0 (the registry adds nothing for 0: no row). */
const when = (condition: boolean) => (condition ? 1 : 0);

/** What every booking event says about its session, as facts keep it: ids and the start, not names. */
const SESSION = ['sessionId', 'gymId', 'startsAt'] as const;

/**
 * Seats taken and given back, waiting lists, invitations, attendance, occupancy and reviews.
 * Ratios are left to the reader, from sums kept exact: occupancy is `bookings.seats_booked` /
 * `bookings.seats_offered_capacity` and attendance `bookings.seats_attended` /
 * `bookings.seats_booked` (both over sessions ended), the average rating
 * `bookings.review_stars` / `bookings.reviews`. Facts keep ids, reasons, figures and times,
 * never gym or session names, a gym's note, an invitee's address or an invitation's token
 * (`invitation_sent` is sensitive: its envelope alone).
 */
export const bookingsMetrics = defineDomainMetrics({
  domain: 'bookings',
  metrics: {
    'bookings.confirmed': 'Bookings confirmed (seats taken)',
    'bookings.confirmed_via_invitation': 'Bookings confirmed by accepting an invitation',
    'bookings.credits_held': 'Credits held by bookings confirmed',
    'bookings.cancelled': 'Bookings cancelled before their session (any reason)',
    'bookings.cancelled_in_time': 'Bookings cancelled by their booker within the window (credits released)',
    'bookings.cancelled_late': 'Bookings cancelled by their booker after the window (credits kept)',
    'bookings.cancelled_by_gym': 'Bookings cancelled by the gym (session cancelled, capacity reduced, staff)',
    'bookings.credits_released': 'Credits released by cancellations',
    'bookings.waitlist_joins': 'Places taken on waiting lists',
    'bookings.waitlist_offers': 'Seats offered from waiting lists',
    'bookings.waitlist_offers_expired': 'Seats offered from waiting lists and not confirmed in time',
    'bookings.invitations_sent': 'Invitations sent',
    'bookings.invitations_accepted': 'Invitations accepted',
    'bookings.invitations_declined': 'Invitations declined',
    'bookings.checked_in': 'Check-ins recorded',
    'bookings.checked_out': 'Check-outs recorded',
    'bookings.no_shows': 'Bookings recorded as no-shows',
    'bookings.reminders_sent': 'Reminders sent before sessions',
    'bookings.sessions_ended': 'Sessions ended',
    'bookings.seats_offered_capacity': 'Seats of the sessions ended (their capacity, summed)',
    'bookings.seats_booked': 'Seats booked in the sessions ended',
    'bookings.seats_attended': 'Seats attended in the sessions ended',
    'bookings.seats_no_show': 'Seats of no-shows in the sessions ended',
    'bookings.sessions_cancelled': 'Sessions cancelled',
    'bookings.inductions_completed': 'Gym inductions completed',
    'bookings.reviews': 'Reviews posted',
    'bookings.review_stars': 'Ratings of the reviews posted, summed',
  },
  events: {
    'bookings.booking_confirmed': {
      keep: [...SESSION, 'bookingId', 'userId', 'credits', 'viaInvitation'],
      counts: [
        { metric: 'bookings.confirmed' },
        { metric: 'bookings.confirmed_via_invitation', amount: (event) => when(event.data.viaInvitation) },
        { metric: 'bookings.credits_held', amount: (event) => event.data.credits },
      ],
    },
    'bookings.booking_cancelled': {
      // Not `note`: the gym's words, free text.
      keep: [...SESSION, 'bookingId', 'userId', 'reason', 'creditsReleased'],
      counts: [
        { metric: 'bookings.cancelled' },
        { metric: 'bookings.cancelled_in_time', amount: (event) => when(event.data.reason === 'USER') },
        { metric: 'bookings.cancelled_late', amount: (event) => when(event.data.reason === 'LATE') },
        {
          metric: 'bookings.cancelled_by_gym',
          amount: (event) => when(event.data.reason !== 'USER' && event.data.reason !== 'LATE'),
        },
        { metric: 'bookings.credits_released', amount: (event) => event.data.creditsReleased },
      ],
    },
    'bookings.waitlist_joined': {
      keep: [...SESSION, 'bookingId', 'userId', 'position'],
      counts: [{ metric: 'bookings.waitlist_joins' }],
    },
    'bookings.seat_offered': {
      keep: [...SESSION, 'bookingId', 'userId', 'offerExpiresAt'],
      counts: [{ metric: 'bookings.waitlist_offers' }],
    },
    'bookings.seat_offer_expired': {
      keep: [...SESSION, 'bookingId', 'userId'],
      counts: [{ metric: 'bookings.waitlist_offers_expired' }],
    },
    // Sensitive (the token, the invitee's address): counted, its envelope alone kept.
    'bookings.invitation_sent': { counts: [{ metric: 'bookings.invitations_sent' }] },
    'bookings.invitation_answered': {
      keep: [...SESSION, 'invitationId', 'inviterId', 'inviteeId', 'accepted'],
      counts: [
        { metric: 'bookings.invitations_accepted', amount: (event) => when(event.data.accepted) },
        { metric: 'bookings.invitations_declined', amount: (event) => when(!event.data.accepted) },
      ],
    },
    'bookings.attendance_recorded': {
      keep: [...SESSION, 'bookingId', 'userId', 'attendance'],
      counts: [
        { metric: 'bookings.checked_in', amount: (event) => when(event.data.attendance === 'CHECKED_IN') },
        { metric: 'bookings.checked_out', amount: (event) => when(event.data.attendance === 'CHECKED_OUT') },
        { metric: 'bookings.no_shows', amount: (event) => when(event.data.attendance === 'NO_SHOW') },
      ],
    },
    'bookings.session_reminder': {
      keep: [...SESSION, 'bookingId', 'userId'],
      counts: [{ metric: 'bookings.reminders_sent' }],
    },
    'bookings.session_ended': {
      keep: [...SESSION, 'capacity', 'booked', 'attended', 'noShows'],
      counts: [
        { metric: 'bookings.sessions_ended' },
        { metric: 'bookings.seats_offered_capacity', amount: (event) => event.data.capacity },
        { metric: 'bookings.seats_booked', amount: (event) => event.data.booked },
        { metric: 'bookings.seats_attended', amount: (event) => event.data.attended },
        { metric: 'bookings.seats_no_show', amount: (event) => event.data.noShows },
      ],
    },
    'bookings.session_cancelled': {
      keep: [...SESSION, 'cancelledBy', 'affectedBookings'],
      counts: [{ metric: 'bookings.sessions_cancelled' }],
    },
    'bookings.induction_completed': {
      keep: ['inductionId', 'gymId', 'userId'],
      counts: [{ metric: 'bookings.inductions_completed' }],
    },
    'bookings.picture_published': { keep: ['mediaId', 'ownerId', 'use'] },
    'bookings.picture_unpublished': { keep: ['mediaId', 'use'] },
    'bookings.review_posted': {
      keep: ['reviewId', 'bookingId', 'gymId', 'userId', 'rating'],
      counts: [
        { metric: 'bookings.reviews' },
        { metric: 'bookings.review_stars', amount: (event) => event.data.rating },
      ],
    },
  },
});
