import { createEvent, type EventData, type EventType } from '@lattice/events';
import { MESSAGES, type MessageKind, messagesFor, OUTSIDE_MAIL_KINDS } from '../src/messages';
import {
  bookingCancelled,
  bookingConfirmed,
  bookingInvitation,
  inductionCompleted,
  invitationAnswered,
  seatOffered,
  seatOfferExpired,
  sessionReminder,
} from '../src/messages/bookings';
import { formatInstant } from '../src/messages/define';
import { consumers } from '../src/service/consumers';
import { render } from '../src/service/render';

/** Each bookings kind rendered from its event, in every language the project writes (en, fr). */
const facts = {
  sessionId: 'session-1',
  gymId: 'gym-1',
  gymName: 'Gym <Nord>',
  sessionTitle: 'Yoga & stretch',
  startsAt: '2026-03-03T17:30:00.000Z',
  timeZone: 'Europe/Paris',
};

/** A kind's message for `data`, as the planner renders it for a recipient in `locale`. */
function rendered<T extends EventType>(
  message: MessageKind<T>,
  data: EventData<T>,
  locale: string,
  extra: Record<string, string> = { name: 'Ada' },
) {
  const event = createEvent(message.event, { actor: null, subject: 'user-1', data });
  const values = { ...extra, ...message.values(event, { appUrl: 'https://app.example.test/', locale }) };
  const result = render(message as MessageKind, locale, values);
  const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ');
  return {
    ...result,
    text: plain(result.text),
    html: result.html,
    sms: plain(result.sms),
    title: result.inbox?.title ?? '',
    body: plain(result.inbox?.body),
  };
}

const EN_START = 'Tuesday, March 3, 2026 at 6:30 PM (Europe/Paris)';
const FR_START = 'mardi 3 mars 2026 à 18:30 (Europe/Paris)';

describe('formatInstant', () => {
  it('shows the instant on the given clock, in the locale, and names the zone', () => {
    expect(formatInstant(facts.startsAt, 'Europe/Paris').replace(/\s+/g, ' ')).toBe(EN_START);
    expect(formatInstant(facts.startsAt, 'Europe/Paris', 'fr-CA').replace(/\s+/g, ' ')).toBe(
      'mardi 3 mars 2026 à 18 h 30 (Europe/Paris)',
    );
    expect(formatInstant(facts.startsAt, 'America/New_York', 'en-GB').replace(/\s+/g, ' ')).toMatch(
      /^Tuesday,? 3 March 2026 at 12:30 \(America\/New_York\)$/,
    );
  });

  it('does not throw on what is not a zone, a locale or a time', () => {
    expect(formatInstant(facts.startsAt, 'Mars/Olympus')).toMatch(/5:30.PM \(UTC\)$/);
    expect(formatInstant(facts.startsAt, '', 'en')).toMatch(/\(UTC\)$/);
    expect(formatInstant(facts.startsAt, 'Europe/Paris', '__proto__')).toMatch(/^Tuesday, March 3, 2026/);
    expect(formatInstant(facts.startsAt, 'Europe/Paris', 'x'.repeat(35))).toMatch(/^Tuesday/);
    expect(formatInstant('soon', 'Europe/Paris')).toBe('soon');
  });
});

describe('bookings.booking_confirmed', () => {
  const data = { ...facts, bookingId: 'b-1', userId: 'user-1', credits: 3, viaInvitation: false };

  it('en', () => {
    const message = rendered(bookingConfirmed, data, 'en-GB');
    expect(message.subject).toBe('Booking confirmed: Yoga & stretch (Gym <Nord>)');
    expect(message.text).toContain('Gym: Gym <Nord>');
    expect(message.text).toMatch(/Starts: Tuesday,? 3 March 2026 at 18:30 \(Europe\/Paris\)/);
    expect(message.text).toContain('Credits held: 3');
    expect(message.html).toContain('Gym: Gym &lt;Nord&gt;');
    expect(message.title).toBe('Booked: Yoga & stretch');
    expect(message.body).toMatch(
      /^Gym <Nord>, Tuesday,? 3 March 2026 at 18:30 \(Europe\/Paris\)\. Credits held: 3\.$/,
    );
  });

  it('fr', () => {
    const message = rendered(bookingConfirmed, data, 'fr-FR');
    expect(message.subject).toBe('Réservation confirmée : Yoga & stretch (Gym <Nord>)');
    expect(message.text).toContain(`Début : ${FR_START}`);
    expect(message.text).toContain('Crédits bloqués : 3');
    expect(message.title).toBe('Réservé : Yoga & stretch');
  });
});

describe('bookings.booking_cancelled', () => {
  const data = (
    reason: EventData<'bookings.booking_cancelled'>['reason'],
    note: string | null = null,
  ): EventData<'bookings.booking_cancelled'> => ({
    ...facts,
    bookingId: 'b-1',
    userId: 'user-1',
    reason,
    creditsReleased: reason === 'LATE' ? 0 : 2,
    note,
  });

  it.each([
    [
      'USER',
      'You cancelled in time. Credits released: 2.',
      'Vous avez annulé dans les délais. Crédits libérés : 2.',
    ],
    [
      'LATE',
      'It was cancelled after the cancellation window had closed: the credits held for it are kept.',
      'Elle a été annulée après la fin du délai d’annulation : les crédits bloqués pour elle sont conservés.',
    ],
    [
      'SESSION_CANCELLED',
      'The gym cancelled this session. Credits released: 2.',
      'La salle a annulé cette séance. Crédits libérés : 2.',
    ],
    [
      'CAPACITY_REDUCED',
      'The gym reduced the seats of this session. Credits released: 2.',
      'La salle a réduit le nombre de places de cette séance. Crédits libérés : 2.',
    ],
    [
      'STAFF',
      'The gym cancelled your booking. Credits released: 2.',
      'La salle a annulé votre réservation. Crédits libérés : 2.',
    ],
  ] as const)('%s, in en and fr', (reason, en, fr) => {
    const english = rendered(bookingCancelled, data(reason), 'en');
    expect(english.subject).toBe('Booking cancelled: Yoga & stretch (Gym <Nord>)');
    expect(english.text).toContain(
      `Your booking for Yoga & stretch at Gym <Nord> (${EN_START}) is cancelled.`,
    );
    expect(english.text).toContain(en);
    expect(english.title).toBe('Booking cancelled: Yoga & stretch');
    const french = rendered(bookingCancelled, data(reason), 'fr');
    expect(french.subject).toBe('Réservation annulée : Yoga & stretch (Gym <Nord>)');
    expect(french.text).toContain(`(${FR_START}) est annulée.`);
    expect(french.text).toContain(fr);
  });

  it('the inbox says who cancelled and what became of the credits', () => {
    expect(rendered(bookingCancelled, data('LATE'), 'en').body).toContain(
      'Cancelled after the cancellation window: the credits are kept.',
    );
    expect(rendered(bookingCancelled, data('STAFF'), 'en').body).toContain(
      'Cancelled by the gym. Credits released: 2.',
    );
    expect(rendered(bookingCancelled, data('USER'), 'fr').body).toContain('Crédits libérés : 2.');
  });

  it('adds the gym’s note when the gym cancelled, escaped in HTML', () => {
    const byGym = rendered(bookingCancelled, data('STAFF', 'Roof <leak>'), 'en');
    expect(byGym.text).toContain('Note from the gym: Roof <leak>');
    expect(byGym.html).toContain('<p>Note from the gym: Roof &lt;leak&gt;</p>');
    expect(byGym.body).toContain('Note: Roof <leak>');
    expect(rendered(bookingCancelled, data('SESSION_CANCELLED', 'Fermé'), 'fr').text).toContain(
      'Mot de la salle : Fermé',
    );
    for (const message of [
      rendered(bookingCancelled, data('STAFF'), 'en'),
      rendered(bookingCancelled, data('USER', 'not the gym’s'), 'en'),
    ]) {
      expect(message.text).not.toContain('Note');
      expect(message.html).not.toContain('Note');
    }
  });
});

describe('bookings.seat_offered', () => {
  const data = { ...facts, bookingId: 'b-1', userId: 'user-1', offerExpiresAt: '2026-03-03T15:00:00.000Z' };

  it('en: mail, SMS and inbox, the deadline on the gym’s clock', () => {
    const message = rendered(seatOffered, data, 'en');
    expect(message.subject).toBe('A seat is free: Yoga & stretch (Gym <Nord>)');
    expect(message.text).toContain(
      'Confirm it in the app before Tuesday, March 3, 2026 at 4:00 PM (Europe/Paris)',
    );
    expect(message.sms).toBe(
      `Lattice: a seat is free in Yoga & stretch at Gym <Nord> (${EN_START}). Confirm it in the app before Tuesday, March 3, 2026 at 4:00 PM (Europe/Paris).`,
    );
    expect(message.title).toBe('A seat is free: Yoga & stretch');
    expect(seatOffered).toMatchObject({ channels: ['email', 'sms', 'inapp'], urgent: true });
  });

  it('fr', () => {
    const message = rendered(seatOffered, data, 'fr');
    expect(message.subject).toBe('Une place s’est libérée : Yoga & stretch (Gym <Nord>)');
    expect(message.text).toContain('avant le mardi 3 mars 2026 à 16:00 (Europe/Paris)');
    expect(message.sms).toContain('Confirmez-la dans l’application avant le mardi 3 mars 2026 à 16:00');
    expect(message.title).toBe('Une place s’est libérée : Yoga & stretch');
  });
});

describe('bookings.seat_offer_expired', () => {
  const data = { ...facts, bookingId: 'b-1', userId: 'user-1' };

  it('an inbox entry in en and fr, no mail', () => {
    const english = rendered(seatOfferExpired, data, 'en');
    expect(english.title).toBe('Seat offer expired: Yoga & stretch');
    expect(english.body).toContain(`(${EN_START}) was not confirmed in time`);
    expect([english.subject, english.text, english.html]).toEqual(['', '', '']);
    expect(rendered(seatOfferExpired, data, 'fr').title).toBe('Offre de place expirée : Yoga & stretch');
  });
});

describe('bookings.session_reminder', () => {
  const data = {
    ...facts,
    bookingId: 'b-1',
    userId: 'user-1',
    freeCancellationUntil: '2026-03-03T05:30:00.000Z',
  };

  it('a mail and an inbox entry in en and fr, with the start and the free-cancellation limit on the gym’s clock', () => {
    const english = rendered(sessionReminder, data, 'en');
    expect(english.subject).toBe(`Reminder: Yoga & stretch at Gym <Nord>, ${EN_START}`);
    expect(english.text).toContain(
      `Cancelling before ${formatInstant(data.freeCancellationUntil, 'Europe/Paris', 'en')}`,
    );
    expect(english.title).toBe('Coming up: Yoga & stretch');
    const french = rendered(sessionReminder, data, 'fr');
    expect(french.subject).toContain('Rappel : Yoga & stretch');
    expect(french.text).toContain('(Europe/Paris)');
  });
});

describe('bookings.invitation_sent', () => {
  const data = {
    ...facts,
    invitationId: 'i-1',
    inviterId: 'user-1',
    email: 'guest@example.test',
    token: 'a+b/c?d',
  };
  const link = (answer: string) => `https://app.example.test/invitations/a%2Bb%2Fc%3Fd?answer=${answer}`;

  it('en: who invited, where, when, and the two links; the token in the body alone', () => {
    const message = rendered(bookingInvitation, data, 'en', { sender: 'Grace' });
    expect(message.subject).toBe('Invitation: Yoga & stretch at Gym <Nord>');
    expect(message.text).toContain('Grace invited you to a session at Gym <Nord>: Yoga & stretch');
    expect(message.text).toContain(EN_START);
    expect(message.text).toContain(`Accept: ${link('accept')} Decline: ${link('decline')}`);
    expect(message.html).toContain(
      '<a href="https://app.example.test/invitations/a%2Bb%2Fc%3Fd?answer&#x3D;accept">',
    );
    expect(message.subject).not.toContain('a+b');
    expect(message.inbox).toBeNull();
    expect(message.sms).toBe('');
  });

  it('fr, and "a member" when the inviter’s name is not known', () => {
    const french = rendered(bookingInvitation, data, 'fr', { sender: '' });
    expect(french.subject).toBe('Invitation : Yoga & stretch à Gym <Nord>');
    expect(french.text).toContain('Un membre vous invite à une séance à Gym <Nord>');
    expect(french.text).toContain(`Accepter : ${link('accept')}`);
    expect(rendered(bookingInvitation, data, 'en', { sender: '' }).text).toContain('A member invited you');
  });
});

describe('bookings.invitation_answered', () => {
  const data = (accepted: boolean) => ({
    ...facts,
    invitationId: 'i-1',
    inviterId: 'user-1',
    inviteeId: 'user-2',
    accepted,
  });

  it('an inbox entry to the inviter, in en and fr', () => {
    expect(rendered(invitationAnswered, data(true), 'en')).toMatchObject({
      title: 'Invitation accepted: Yoga & stretch',
      body: `Your invitation to Yoga & stretch at Gym <Nord> (${EN_START}) was accepted.`,
    });
    expect(rendered(invitationAnswered, data(false), 'en').title).toBe('Invitation declined: Yoga & stretch');
    expect(rendered(invitationAnswered, data(true), 'fr').title).toBe('Invitation acceptée : Yoga & stretch');
    expect(rendered(invitationAnswered, data(false), 'fr').body).toBe(
      `Votre invitation à Yoga & stretch à Gym <Nord> (${FR_START}) a été refusée.`,
    );
    const event = createEvent('bookings.invitation_answered', {
      actor: null,
      subject: 'x',
      data: data(true),
    });
    expect(invitationAnswered.userId!(event)).toBe('user-1');
  });
});

describe('bookings.induction_completed', () => {
  const data = { inductionId: 'n-1', gymId: 'gym-1', gymName: 'Gym Nord', userId: 'user-1' };

  it('an inbox entry in en and fr', () => {
    expect(rendered(inductionCompleted, data, 'en')).toMatchObject({
      title: 'Induction completed: Gym Nord',
      body: 'You completed your induction at Gym Nord: you may now book its sessions.',
    });
    expect(rendered(inductionCompleted, data, 'fr').title).toBe('Initiation validée : Gym Nord');
  });
});

describe('the registry', () => {
  it('has a kind for the bookings events that deserve one, and consumes no other', () => {
    const kinds = Object.fromEntries(
      [...messagesFor]
        .filter(([type]) => type.startsWith('bookings.'))
        .flatMap(([type, kinds]) => kinds.map((kind) => [type, kind.kind])),
    );
    expect(kinds).toEqual({
      'bookings.booking_confirmed': 'booking_confirmed',
      'bookings.booking_cancelled': 'booking_cancelled',
      'bookings.seat_offered': 'seat_offered',
      'bookings.seat_offer_expired': 'seat_offer_expired',
      'bookings.session_reminder': 'session_reminder',
      'bookings.invitation_sent': 'booking_invitation',
      'bookings.invitation_answered': 'invitation_answered',
      'bookings.induction_completed': 'induction_completed',
    });
    for (const type of [
      'bookings.waitlist_joined',
      'bookings.attendance_recorded',
      'bookings.session_ended',
      'bookings.session_cancelled',
      'bookings.review_posted',
    ]) {
      expect(consumers).not.toHaveProperty([type]);
    }
  });

  it('lets the invitation alone mail an outside address, by email alone', () => {
    expect([...OUTSIDE_MAIL_KINDS]).toEqual(['booking_invitation']);
    expect(MESSAGES.filter((message) => message.outsideEmail).map((message) => message.kind)).toEqual([
      'booking_invitation',
    ]);
    expect(bookingInvitation.channels).toEqual(['email']);
  });
});
