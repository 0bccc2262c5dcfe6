import { defineDomainMetrics } from './registry';

/** Profiles: how often users change them, and what. */
export const accountsMetrics = defineDomainMetrics({
  domain: 'accounts',
  metrics: { 'accounts.profile_updates': 'Profiles changed' },
  events: {
    'accounts.profile_updated': { keep: ['fields'], counts: [{ metric: 'accounts.profile_updates' }] },
  },
});
