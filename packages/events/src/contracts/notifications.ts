import type { EventSpecs } from './define';

export type NotificationChannel = 'email' | 'sms' | 'inapp';

/** Events notifications publishes: what became of each delivery. */
export interface NotificationsEvents {
  'notifications.delivery_sent': {
    version: 1;
    data: {
      deliveryId: string;
      userId: string;
      kind: string;
      channel: NotificationChannel;
      attempts: number;
      /** Milliseconds from the triggering event to the provider's acceptance. */
      latencyMs: number;
    };
  };
  'notifications.delivery_failed': {
    version: 1;
    data: {
      deliveryId: string;
      userId: string;
      kind: string;
      channel: NotificationChannel;
      attempts: number;
      /** The provider's answer, without addresses. */
      reason: string;
    };
  };
}

export const notificationsEvents: EventSpecs<NotificationsEvents> = {
  'notifications.delivery_sent': { version: 1 },
  'notifications.delivery_failed': { version: 1 },
};
