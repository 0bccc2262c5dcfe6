import { accountsMetrics } from './accounts-metrics';
import { aiMetrics } from './ai-metrics';
import { billingMetrics, usageMetrics } from './billing-metrics';
import { bookingsMetrics } from './bookings-metrics';
import { identityMetrics } from './identity-metrics';
import { invoicingMetrics } from './invoicing-metrics';
import { mediaMetrics } from './media-metrics';
import { notificationsMetrics } from './notifications-metrics';
import { MetricRegistry } from './registry';
import { sitesMetrics } from './sites-metrics';
import { socialMetrics } from './social-metrics';
import { supportMetrics } from './support-metrics';

export { MetricRegistry, ALL_EVENTS_METRIC, type DomainMetrics, type EventRule } from './registry';
export { SIGNUPS, DELETIONS } from './identity-metrics';

/** Every domain's metrics: a new domain adds its file and one entry here. */
export const registry = new MetricRegistry([
  identityMetrics,
  accountsMetrics,
  billingMetrics,
  usageMetrics,
  notificationsMetrics,
  mediaMetrics,
  aiMetrics,
  bookingsMetrics,
  supportMetrics,
  socialMetrics,
  invoicingMetrics,
  sitesMetrics,
]);
