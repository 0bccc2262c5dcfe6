import { defineDomainMetrics } from './registry';

/** Deliveries: how many went out per channel, and how many failed for good. */
export const notificationsMetrics = defineDomainMetrics({
  domain: 'notifications',
  metrics: {
    'notifications.sent': 'Notifications delivered (any channel)',
    'notifications.emails_sent': 'Emails accepted by the mail server',
    'notifications.failed': 'Deliveries that failed for good',
  },
  events: {
    'notifications.delivery_sent': {
      keep: ['kind', 'channel', 'attempts', 'latencyMs'],
      counts: [
        { metric: 'notifications.sent' },
        { metric: 'notifications.emails_sent', amount: (event) => (event.data.channel === 'email' ? 1 : 0) },
      ],
    },
    'notifications.delivery_failed': {
      keep: ['kind', 'channel', 'attempts', 'reason'],
      counts: [{ metric: 'notifications.failed' }],
    },
  },
});
