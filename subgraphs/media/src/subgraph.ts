import { join } from 'node:path';
import { createMeter, entitlementsChanged, planCatalogue, usageEntities } from '@lattice/entitlements';
import { createObjectStorage } from '@lattice/object-storage';
import { defineSubgraph, startPeriodic, subgraphPackage } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { mediaInternalRoutes } from './internal-routes';
import { mediaRoutes } from './http/routes';
import { createLoaders } from './loaders';
import { resolvers } from './resolvers';
import type { MediaRuntime } from './runtime';
import { runTasksAfterTransactions } from './service/after-commit';
import { agentAdded, agentRemoved, shareAttachments, unshareAttachments } from './service/audiences';
import { eraseUserMedia } from './service/erasure';
import { importGeneratedImage, importInvoicePdf, importSiteArchive } from './service/imports';
import { publishPicture, unpublishPicture } from './service/publications';
import { sweepAndLog } from './service/janitor';
import { mediaSettings } from './service/settings';
import { UrlSigner } from './service/signing';
import {
  friendshipAccepted,
  friendshipEnded,
  shareSocialAttachments,
  unshareSocialAttachments,
} from './service/social';

/**
 * media: files uploaded whole or resumably (tus), judged by their bytes, images optimised,
 * downloads with ranges, share links, soft delete and purge, storage against the plan, on a
 * local folder or S3.
 */
export const media = defineSubgraph({
  name: 'media',
  ...subgraphPackage(__dirname),
  resolvers,
  entities: [...entities, ...usageEntities],
  settings: mediaSettings,
  async init({ orm, settings, log }): Promise<MediaRuntime> {
    const storage = createObjectStorage(settings, {
      defaultDirectory: join(process.cwd(), '.data', 'media'),
    });
    const signer = await UrlSigner.load(orm.em.fork());
    runTasksAfterTransactions(orm, log);
    const runtime: MediaRuntime = {
      settings,
      storage,
      signer,
      meter: createMeter({ catalogue: planCatalogue(settings.PLANS) }),
      orm,
      log,
      now: () => new Date(),
      close: async () => {
        await stopJanitor();
        await storage.close();
      },
    };
    const stopJanitor = startPeriodic(
      () => sweepAndLog(runtime),
      settings.MEDIA_JANITOR_INTERVAL_SECONDS * 1000,
      (error) => log.error({ err: error }, 'media janitor failed; it runs again later'),
    );
    return runtime;
  },
  close: (runtime) => runtime.close(),
  loaders: (em) => createLoaders(em),
  consumers: {
    'billing.entitlements_changed': entitlementsChanged,
    'identity.user_deleted': eraseUserMedia,
    'ai.image_generated': importGeneratedImage,
    'invoicing.invoice_issued': importInvoicePdf,
    'sites.site_generated': importSiteArchive,
    'bookings.picture_published': publishPicture,
    'bookings.picture_unpublished': unpublishPicture,
    'support.attachments_shared': shareAttachments,
    'support.attachments_unshared': unshareAttachments,
    'support.agent_added': agentAdded,
    'support.agent_removed': agentRemoved,
    'social.attachments_shared': shareSocialAttachments,
    'social.attachments_unshared': unshareSocialAttachments,
    'social.friendship_accepted': friendshipAccepted,
    'social.friendship_ended': friendshipEnded,
  },
  routes: mediaRoutes,
  internalRoutes: mediaInternalRoutes,
});
