import { join } from 'node:path';
import { createObjectStorage } from '@lattice/object-storage';
import { createInternalClient, defineSubgraph, subgraphPackage } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import type { InvoicingRuntime } from './runtime';
import { accountsBusinessContext } from './service/business-context';
import { aiDraftModel } from './service/draft-model';
import { eraseUserInvoices } from './service/erasure';
import { mediaFiles } from './service/media-files';
import { invoicingSettings } from './service/settings';
import { voiceNotesThrough } from './service/voice-notes';

/**
 * invoicing: client invoices drafted by the AI model from what the user said or recorded (through ai),
 * with the user's business context (from accounts), exact totals, gap-free numbers and PDFs
 * (stored by media).
 */
export const invoicing = defineSubgraph({
  name: 'invoicing',
  ...subgraphPackage(__dirname),
  resolvers,
  entities,
  settings: invoicingSettings,
  init({ settings, config, log }): InvoicingRuntime {
    const client = (service: 'ai' | 'accounts' | 'media', baseUrl: string | undefined) =>
      createInternalClient({ service, baseUrl, secret: config.subgraphSecret, caller: 'invoicing', log });
    const storage = createObjectStorage(settings, {
      defaultDirectory: join(process.cwd(), '.data', 'media'),
    });
    const ai = client('ai', settings.AI_URL);
    const files = mediaFiles(client('media', settings.MEDIA_URL));
    return {
      settings,
      files,
      model: aiDraftModel(ai, settings.INVOICING_DRAFT_TIMEOUT_MS),
      voiceNotes: voiceNotesThrough(files, ai, settings.INVOICING_DRAFT_TIMEOUT_MS),
      businessContext: accountsBusinessContext(client('accounts', settings.ACCOUNTS_URL)),
      storage,
      log,
      now: () => new Date(),
    };
  },
  close: (runtime) => runtime.storage.close(),
  loaders: (em) => createLoaders(em),
  consumers: {
    'identity.user_deleted': eraseUserInvoices,
  },
});
