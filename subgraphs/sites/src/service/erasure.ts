import type { EventApplier } from '@lattice/subgraph-kit';
import { Site } from '../entities';
import type { SitesRuntime } from '../runtime';
import { deleteSite } from './sites';

/** identity deleted a user: their sites go, with every version, file and drawn image. */
export const eraseUserSites: EventApplier<SitesRuntime, 'identity.user_deleted'> = async (
  em,
  event,
  runtime,
) => {
  const { userId } = event.data;
  const sites = await em.find(Site, { ownerId: userId }, { fields: ['id'] });
  for (const site of sites) await deleteSite(em.fork(), runtime, userId, site.id);
  runtime.log.info({ userId, sites: sites.length }, 'a deleted user’s sites were erased');
};
