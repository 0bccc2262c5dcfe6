import type { DeliveryResolvers, NotificationCategory } from '../__generated__/resolvers-types';

// The recipient's address and what was sent (subject, text, html, headers) are never exposed.
export const Delivery: DeliveryResolvers = {
  user: (delivery) => ({ id: delivery.userId }),
  category: (delivery) => delivery.category as NotificationCategory,
  /** When it will be attempted: only while it waits. */
  nextAttemptAt: (delivery) => (delivery.status === 'queued' ? delivery.nextAttemptAt : null),
};
