import type { SessionFacts } from '@lattice/events';
import { defineMessage, formatInstant } from './define';

/**
 * The session a message is about, as its templates name it: `{{session}}`, `{{gym}}` and
 * `{{start}}` (on the gym's clock, which it names, in the recipient's locale).
 */
const session = (data: SessionFacts, locale: string) => ({
  session: data.sessionTitle,
  gym: data.gymName,
  start: formatInstant(data.startsAt, data.timeZone, locale),
});

/** A flag for `{{#if …}}`: any non-empty string is true. */
const flag = (value: boolean) => (value ? 'yes' : '');

const base = (appUrl: string) => appUrl.replace(/\/$/, '');

export const bookingConfirmed = defineMessage({
  kind: 'booking_confirmed',
  event: 'bookings.booking_confirmed',
  category: 'activity',
  channels: ['email', 'inapp'],
  values: (event, { locale }) => ({ ...session(event.data, locale), credits: String(event.data.credits) }),
  templates: {
    en: {
      subject: 'Booking confirmed: {{session}} ({{gym}})',
      text: 'Hello {{name}},\n\nYour seat is booked.\n\nSession: {{session}}\nGym: {{gym}}\nStarts: {{start}}\nCredits held: {{credits}}\n\nCannot come? Cancel before the cancellation window closes and the credits are released.',
      html: '<p>Hello {{name}},</p><p>Your seat is booked.</p><p>Session: <strong>{{session}}</strong><br>Gym: {{gym}}<br>Starts: {{start}}<br>Credits held: {{credits}}</p><p>Cannot come? Cancel before the cancellation window closes and the credits are released.</p>',
      inbox: { title: 'Booked: {{session}}', body: '{{gym}}, {{start}}. Credits held: {{credits}}.' },
    },
    fr: {
      subject: 'Réservation confirmée : {{session}} ({{gym}})',
      text: 'Bonjour {{name}},\n\nVotre place est réservée.\n\nSéance : {{session}}\nSalle : {{gym}}\nDébut : {{start}}\nCrédits bloqués : {{credits}}\n\nVous ne pouvez pas venir ? Annulez avant la fin du délai d’annulation et les crédits sont libérés.',
      html: '<p>Bonjour {{name}},</p><p>Votre place est réservée.</p><p>Séance : <strong>{{session}}</strong><br>Salle : {{gym}}<br>Début : {{start}}<br>Crédits bloqués : {{credits}}</p><p>Vous ne pouvez pas venir ? Annulez avant la fin du délai d’annulation et les crédits sont libérés.</p>',
      inbox: { title: 'Réservé : {{session}}', body: '{{gym}}, {{start}}. Crédits bloqués : {{credits}}.' },
    },
  },
});

/**
 * Why a booking ended, as its templates tell it: by the user in time (credits released), late
 * (credits kept), or by the gym (the session cancelled, its seats reduced, or its staff; credits
 * released, with the gym's note if any).
 */
export const bookingCancelled = defineMessage({
  kind: 'booking_cancelled',
  event: 'bookings.booking_cancelled',
  category: 'activity',
  channels: ['email', 'inapp'],
  values: (event, { locale }) => {
    const { reason } = event.data;
    return {
      ...session(event.data, locale),
      credits: String(event.data.creditsReleased),
      late: flag(reason === 'LATE'),
      byGym: flag(reason === 'SESSION_CANCELLED' || reason === 'CAPACITY_REDUCED' || reason === 'STAFF'),
      sessionCancelled: flag(reason === 'SESSION_CANCELLED'),
      capacityReduced: flag(reason === 'CAPACITY_REDUCED'),
      note: event.data.note ?? '',
    };
  },
  templates: {
    en: {
      subject: 'Booking cancelled: {{session}} ({{gym}})',
      text: 'Hello {{name}},\n\nYour booking for {{session}} at {{gym}} ({{start}}) is cancelled.\n\n{{#if late}}It was cancelled after the cancellation window had closed: the credits held for it are kept.{{else if byGym}}{{#if sessionCancelled}}The gym cancelled this session.{{else if capacityReduced}}The gym reduced the seats of this session.{{else}}The gym cancelled your booking.{{/if}} Credits released: {{credits}}.{{#if note}}\n\nNote from the gym: {{note}}{{/if}}{{else}}You cancelled in time. Credits released: {{credits}}.{{/if}}',
      html: '<p>Hello {{name}},</p><p>Your booking for <strong>{{session}}</strong> at {{gym}} ({{start}}) is cancelled.</p><p>{{#if late}}It was cancelled after the cancellation window had closed: the credits held for it are kept.{{else if byGym}}{{#if sessionCancelled}}The gym cancelled this session.{{else if capacityReduced}}The gym reduced the seats of this session.{{else}}The gym cancelled your booking.{{/if}} Credits released: {{credits}}.{{else}}You cancelled in time. Credits released: {{credits}}.{{/if}}</p>{{#if byGym}}{{#if note}}<p>Note from the gym: {{note}}</p>{{/if}}{{/if}}',
      inbox: {
        title: 'Booking cancelled: {{session}}',
        body: '{{gym}}, {{start}}. {{#if late}}Cancelled after the cancellation window: the credits are kept.{{else if byGym}}Cancelled by the gym. Credits released: {{credits}}.{{#if note}} Note: {{note}}{{/if}}{{else}}Credits released: {{credits}}.{{/if}}',
      },
    },
    fr: {
      subject: 'Réservation annulée : {{session}} ({{gym}})',
      text: 'Bonjour {{name}},\n\nVotre réservation pour {{session}} à {{gym}} ({{start}}) est annulée.\n\n{{#if late}}Elle a été annulée après la fin du délai d’annulation : les crédits bloqués pour elle sont conservés.{{else if byGym}}{{#if sessionCancelled}}La salle a annulé cette séance.{{else if capacityReduced}}La salle a réduit le nombre de places de cette séance.{{else}}La salle a annulé votre réservation.{{/if}} Crédits libérés : {{credits}}.{{#if note}}\n\nMot de la salle : {{note}}{{/if}}{{else}}Vous avez annulé dans les délais. Crédits libérés : {{credits}}.{{/if}}',
      html: '<p>Bonjour {{name}},</p><p>Votre réservation pour <strong>{{session}}</strong> à {{gym}} ({{start}}) est annulée.</p><p>{{#if late}}Elle a été annulée après la fin du délai d’annulation : les crédits bloqués pour elle sont conservés.{{else if byGym}}{{#if sessionCancelled}}La salle a annulé cette séance.{{else if capacityReduced}}La salle a réduit le nombre de places de cette séance.{{else}}La salle a annulé votre réservation.{{/if}} Crédits libérés : {{credits}}.{{else}}Vous avez annulé dans les délais. Crédits libérés : {{credits}}.{{/if}}</p>{{#if byGym}}{{#if note}}<p>Mot de la salle : {{note}}</p>{{/if}}{{/if}}',
      inbox: {
        title: 'Réservation annulée : {{session}}',
        body: '{{gym}}, {{start}}. {{#if late}}Annulée après le délai d’annulation : les crédits sont conservés.{{else if byGym}}Annulée par la salle. Crédits libérés : {{credits}}.{{#if note}} Mot de la salle : {{note}}{{/if}}{{else}}Crédits libérés : {{credits}}.{{/if}}',
      },
    },
  },
});

/** A seat came free for the first in line: urgent (the offer runs out), so its SMS ignores quiet hours. */
export const seatOffered = defineMessage({
  kind: 'seat_offered',
  event: 'bookings.seat_offered',
  category: 'activity',
  channels: ['email', 'sms', 'inapp'],
  urgent: true,
  values: (event, { locale }) => ({
    ...session(event.data, locale),
    expires: formatInstant(event.data.offerExpiresAt, event.data.timeZone, locale),
  }),
  templates: {
    en: {
      subject: 'A seat is free: {{session}} ({{gym}})',
      text: 'Hello {{name}},\n\nA seat came free in {{session}} at {{gym}} ({{start}}), and it is offered to you: you are first on the waiting list.\n\nConfirm it in the app before {{expires}}, or it goes to the next person in line.',
      html: '<p>Hello {{name}},</p><p>A seat came free in <strong>{{session}}</strong> at {{gym}} ({{start}}), and it is offered to you: you are first on the waiting list.</p><p>Confirm it in the app before <strong>{{expires}}</strong>, or it goes to the next person in line.</p>',
      sms: 'Lattice: a seat is free in {{session}} at {{gym}} ({{start}}). Confirm it in the app before {{expires}}.',
      inbox: {
        title: 'A seat is free: {{session}}',
        body: '{{gym}}, {{start}}. Confirm it before {{expires}}, or it goes to the next person in line.',
      },
    },
    fr: {
      subject: 'Une place s’est libérée : {{session}} ({{gym}})',
      text: 'Bonjour {{name}},\n\nUne place s’est libérée pour {{session}} à {{gym}} ({{start}}), et elle vous est proposée : vous êtes le premier sur la liste d’attente.\n\nConfirmez-la dans l’application avant le {{expires}}, sinon elle passe à la personne suivante.',
      html: '<p>Bonjour {{name}},</p><p>Une place s’est libérée pour <strong>{{session}}</strong> à {{gym}} ({{start}}), et elle vous est proposée : vous êtes le premier sur la liste d’attente.</p><p>Confirmez-la dans l’application avant le <strong>{{expires}}</strong>, sinon elle passe à la personne suivante.</p>',
      sms: 'Lattice : une place s’est libérée pour {{session}} à {{gym}} ({{start}}). Confirmez-la dans l’application avant le {{expires}}.',
      inbox: {
        title: 'Une place s’est libérée : {{session}}',
        body: '{{gym}}, {{start}}. Confirmez-la avant le {{expires}}, sinon elle passe à la personne suivante.',
      },
    },
  },
});

export const seatOfferExpired = defineMessage({
  kind: 'seat_offer_expired',
  event: 'bookings.seat_offer_expired',
  category: 'activity',
  channels: ['inapp'],
  values: (event, { locale }) => session(event.data, locale),
  templates: {
    en: {
      inbox: {
        title: 'Seat offer expired: {{session}}',
        body: 'The seat offered to you in {{session}} at {{gym}} ({{start}}) was not confirmed in time: it went to the next person in line.',
      },
    },
    fr: {
      inbox: {
        title: 'Offre de place expirée : {{session}}',
        body: 'La place qui vous était proposée pour {{session}} à {{gym}} ({{start}}) n’a pas été confirmée à temps : elle est passée à la personne suivante.',
      },
    },
  },
});

/** A confirmed session starts soon: when, where, and until when cancelling gives the credits back. */
export const sessionReminder = defineMessage({
  kind: 'session_reminder',
  event: 'bookings.session_reminder',
  category: 'activity',
  channels: ['email', 'inapp'],
  values: (event, { locale }) => ({
    ...session(event.data, locale),
    freeUntil: formatInstant(event.data.freeCancellationUntil, event.data.timeZone, locale),
  }),
  templates: {
    en: {
      subject: 'Reminder: {{session}} at {{gym}}, {{start}}',
      text: 'Hello {{name}},\n\nSee you soon.\n\nSession: {{session}}\nGym: {{gym}}\nStarts: {{start}}\n\nCannot come? Cancelling before {{freeUntil}} releases your credits.',
      html: '<p>Hello {{name}},</p><p>See you soon.</p><p>Session: <strong>{{session}}</strong><br>Gym: {{gym}}<br>Starts: {{start}}</p><p>Cannot come? Cancelling before {{freeUntil}} releases your credits.</p>',
      inbox: { title: 'Coming up: {{session}}', body: '{{gym}}, {{start}}.' },
    },
    fr: {
      subject: 'Rappel : {{session}} à {{gym}}, {{start}}',
      text: 'Bonjour {{name}},\n\nÀ bientôt.\n\nSéance : {{session}}\nSalle : {{gym}}\nDébut : {{start}}\n\nVous ne pouvez pas venir ? Une annulation avant le {{freeUntil}} libère vos crédits.',
      html: '<p>Bonjour {{name}},</p><p>À bientôt.</p><p>Séance : <strong>{{session}}</strong><br>Salle : {{gym}}<br>Début : {{start}}</p><p>Vous ne pouvez pas venir ? Une annulation avant le {{freeUntil}} libère vos crédits.</p>',
      inbox: { title: 'Bientôt : {{session}}', body: '{{gym}}, {{start}}.' },
    },
  },
});

/**
 * An invitation to a session, mailed to an address that may be no user's: the one kind that
 * mails outside addresses (`outsideEmail`). Its token is in the links of the body alone, never
 * the subject; the body and the address are erased once the mail is sent or failed.
 */
export const bookingInvitation = defineMessage({
  kind: 'booking_invitation',
  event: 'bookings.invitation_sent',
  category: 'activity',
  channels: ['email'],
  userId: (event) => event.data.inviterId,
  outsideEmail: (event) => event.data.email,
  values: (event, { appUrl, locale }) => {
    const answer = (to: 'accept' | 'decline') =>
      `${base(appUrl)}/invitations/${encodeURIComponent(event.data.token)}?answer=${to}`;
    return { ...session(event.data, locale), accept: answer('accept'), decline: answer('decline') };
  },
  templates: {
    en: {
      subject: 'Invitation: {{session}} at {{gym}}',
      text: 'Hello,\n\n{{#if sender}}{{sender}}{{else}}A member{{/if}} invited you to a session at {{gym}}:\n\n{{session}}\n{{start}}\n\nAccept: {{accept}}\nDecline: {{decline}}\n\nIf you were not expecting this, ignore this message.',
      html: '<p>Hello,</p><p>{{#if sender}}{{sender}}{{else}}A member{{/if}} invited you to a session at {{gym}}:</p><p><strong>{{session}}</strong><br>{{start}}</p><p><a href="{{accept}}">Accept</a> · <a href="{{decline}}">Decline</a></p><p>If you were not expecting this, ignore this message.</p>',
    },
    fr: {
      subject: 'Invitation : {{session}} à {{gym}}',
      text: 'Bonjour,\n\n{{#if sender}}{{sender}}{{else}}Un membre{{/if}} vous invite à une séance à {{gym}} :\n\n{{session}}\n{{start}}\n\nAccepter : {{accept}}\nRefuser : {{decline}}\n\nSi vous ne vous y attendiez pas, ignorez ce message.',
      html: '<p>Bonjour,</p><p>{{#if sender}}{{sender}}{{else}}Un membre{{/if}} vous invite à une séance à {{gym}} :</p><p><strong>{{session}}</strong><br>{{start}}</p><p><a href="{{accept}}">Accepter</a> · <a href="{{decline}}">Refuser</a></p><p>Si vous ne vous y attendiez pas, ignorez ce message.</p>',
    },
  },
});

export const invitationAnswered = defineMessage({
  kind: 'invitation_answered',
  event: 'bookings.invitation_answered',
  category: 'activity',
  channels: ['inapp'],
  userId: (event) => event.data.inviterId,
  values: (event, { locale }) => ({ ...session(event.data, locale), accepted: flag(event.data.accepted) }),
  templates: {
    en: {
      inbox: {
        title: 'Invitation {{#if accepted}}accepted{{else}}declined{{/if}}: {{session}}',
        body: 'Your invitation to {{session}} at {{gym}} ({{start}}) was {{#if accepted}}accepted{{else}}declined{{/if}}.',
      },
    },
    fr: {
      inbox: {
        title: 'Invitation {{#if accepted}}acceptée{{else}}refusée{{/if}} : {{session}}',
        body: 'Votre invitation à {{session}} à {{gym}} ({{start}}) a été {{#if accepted}}acceptée{{else}}refusée{{/if}}.',
      },
    },
  },
});

export const inductionCompleted = defineMessage({
  kind: 'induction_completed',
  event: 'bookings.induction_completed',
  category: 'activity',
  channels: ['inapp'],
  values: (event) => ({ gym: event.data.gymName }),
  templates: {
    en: {
      inbox: {
        title: 'Induction completed: {{gym}}',
        body: 'You completed your induction at {{gym}}: you may now book its sessions.',
      },
    },
    fr: {
      inbox: {
        title: 'Initiation validée : {{gym}}',
        body: 'Vous avez suivi l’initiation de {{gym}} : vous pouvez désormais réserver ses séances.',
      },
    },
  },
});
