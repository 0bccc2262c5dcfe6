import { defineDomainMetrics } from './registry';

/** Files: how many arrive and are refused, and the bytes stored and freed each day. */
export const mediaMetrics = defineDomainMetrics({
  domain: 'media',
  metrics: {
    'media.uploads': 'Files stored',
    'media.uploaded_bytes': 'Bytes stored by new files (variants included)',
    'media.rejected': 'Uploads refused once their bytes were in (type, unreadable image, storage)',
    'media.deleted': 'Files moved to the bin',
    'media.purged': 'Files removed for good',
    'media.purged_bytes': 'Bytes freed by files removed for good',
  },
  events: {
    'media.uploaded': {
      keep: ['type', 'contentType', 'bytes', 'uploadedBytes', 'processingMs'],
      counts: [
        { metric: 'media.uploads' },
        { metric: 'media.uploaded_bytes', amount: (event) => event.data.bytes },
      ],
    },
    'media.upload_rejected': {
      keep: ['reason', 'declaredContentType', 'size'],
      counts: [{ metric: 'media.rejected' }],
    },
    'media.deleted': { keep: ['bytes'], counts: [{ metric: 'media.deleted' }] },
    'media.restored': { keep: ['bytes'] },
    'media.purged': {
      keep: ['bytes'],
      counts: [
        { metric: 'media.purged' },
        { metric: 'media.purged_bytes', amount: (event) => event.data.bytes },
      ],
    },
    'media.avatar_changed': { keep: [] },
  },
});
