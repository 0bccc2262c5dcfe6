import type { EventType } from '@lattice/events';
import { paymentFailed, paymentReceipt, planChanged, refundIssued } from './billing';
import type { MessageKind } from './define';
import { emailVerification, passwordChanged, passwordReset, securityAlert } from './identity';

export { CATEGORIES, type Category, type Channel, type MessageKind, type MessageTemplates } from './define';

/**
 * Every kind of message, one file per publishing domain: a domain adds its message (the event
 * that triggers it, where it goes, its wording) there and lists it here. One kind per event type.
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
] as MessageKind[];

export const messageFor = new Map<EventType, MessageKind>(
  MESSAGES.map((message) => [message.event, message]),
);
if (messageFor.size !== MESSAGES.length) throw new Error('two message kinds are triggered by one event type');
