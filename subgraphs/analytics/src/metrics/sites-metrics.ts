import { defineDomainMetrics } from './registry';

/**
 * Sites generated and failed, and the time generations took (the average is
 * `sites.generation_ms` / `sites.sites_generated`). Facts keep ids, the style, the counts of
 * pages, images and repairs, the tokens, whether the simulator answered and the duration; a
 * failure keeps its step and reason (our own words, never the model's text). Never the
 * description, the pages nor the archive's storage key: what the user asked for stays in sites.
 */
export const sitesMetrics = defineDomainMetrics({
  domain: 'sites',
  metrics: {
    'sites.sites_generated': 'Site versions generated (whole sites and single pages)',
    'sites.generation_ms': 'Milliseconds the generated versions took, summed',
    'sites.generations_failed': 'Site generations that failed',
  },
  events: {
    'sites.site_generated': {
      keep: [
        'siteId',
        'versionId',
        'userId',
        'number',
        'kind',
        'style',
        'pages',
        'images',
        'repairs',
        'tokens',
        'simulated',
        'durationMs',
      ],
      derive: {
        archiveMediaId: (event) => event.data.archive.mediaId,
        archiveBytes: (event) => event.data.archive.bytes,
      },
      counts: [
        { metric: 'sites.sites_generated' },
        { metric: 'sites.generation_ms', amount: (event) => event.data.durationMs },
      ],
    },
    'sites.generation_failed': {
      keep: ['siteId', 'versionId', 'userId', 'kind', 'step', 'reason', 'durationMs'],
      counts: [{ metric: 'sites.generations_failed' }],
    },
  },
});
