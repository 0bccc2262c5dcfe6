import type { EventType } from '@lattice/events';
import { paymentFailed, paymentReceipt, planChanged, refundIssued } from './billing';
import {
  bookingCancelled,
  bookingConfirmed,
  bookingInvitation,
  inductionCompleted,
  invitationAnswered,
  seatOffered,
  seatOfferExpired,
  sessionReminder,
} from './bookings';
import type { MessageKind } from './define';
import { emailVerification, passwordChanged, passwordReset, securityAlert } from './identity';
import {
  activityCommented,
  activityLiked,
  commentReplied,
  followed,
  friendRequested,
  friendshipAccepted,
} from './social';
import {
  ticketAssigned,
  ticketNote,
  ticketReceived,
  ticketReply,
  ticketSlaBreached,
  ticketStatusChanged,
} from './support';

export { CATEGORIES, type Category, type Channel, type MessageKind, type MessageTemplates } from './define';

/**
 * Every kind of message, one file per publishing domain: a domain adds its message (the event
 * that triggers it, where it goes, its wording) there and lists it here. A kind has one
 * recipient: an event telling several people (a reply: the activity's owner, the comment's
 * author) triggers one kind per recipient, each named apart.
 */
export const MESSAGES: readonly MessageKind[] = [
  emailVerification,
  passwordReset,
  passwordChanged,
  securityAlert,
  paymentReceipt,
  paymentFailed,
  refundIssued,
  planChanged,
  bookingConfirmed,
  bookingCancelled,
  seatOffered,
  seatOfferExpired,
  sessionReminder,
  bookingInvitation,
  invitationAnswered,
  inductionCompleted,
  ticketReceived,
  ticketReply,
  ticketNote,
  ticketStatusChanged,
  ticketAssigned,
  ticketSlaBreached,
  friendRequested,
  friendshipAccepted,
  activityLiked,
  activityCommented,
  commentReplied,
  followed,
] as MessageKind[];

/** The kinds each event type triggers, in the order listed. */
export const messagesFor = new Map<EventType, readonly MessageKind[]>();
for (const message of MESSAGES)
  messagesFor.set(message.event, [...(messagesFor.get(message.event) ?? []), message]);
// Deliveries and inbox entries are unique on (event, kind): two kinds of one name would be one.
if (new Set(MESSAGES.map((message) => message.kind)).size !== MESSAGES.length) {
  throw new Error('two message kinds have one name');
}

/**
 * The only kinds that may mail an address no user is known by (`outsideEmail`): an invitation
 * reaches someone who may have no account. Any other kind declaring one stops the service at
 * start, as does one of these on another channel than email.
 */
export const OUTSIDE_MAIL_KINDS: ReadonlySet<string> = new Set(['booking_invitation']);

for (const message of MESSAGES) {
  if (message.outsideEmail && !OUTSIDE_MAIL_KINDS.has(message.kind)) {
    throw new Error(`${message.kind} may not mail an outside address`);
  }
  if (message.outsideEmail && (message.email || message.channels.some((channel) => channel !== 'email'))) {
    throw new Error(`${message.kind} mails an outside address: email alone, to that address alone`);
  }
  // Every language a kind has words every channel it goes on.
  for (const [language, wording] of Object.entries(message.templates)) {
    const missing = [
      message.channels.includes('email') && !(wording.subject && wording.text && wording.html) && 'mail',
      message.channels.includes('sms') && !wording.sms && 'SMS',
      message.channels.includes('inapp') && !wording.inbox && 'inbox entry',
    ].filter(Boolean);
    if (missing.length) throw new Error(`${message.kind} in ${language} has no ${missing.join(', ')}`);
  }
}
