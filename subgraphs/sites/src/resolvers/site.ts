import { isUuid } from '@lattice/subgraph-kit';
import type { SiteResolvers, SiteVersionResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { listVersions } from '../service/versions';

export const Site: SiteResolvers<Context> = {
  // Only the owner sees a site: anyone else's reference resolves to null, as if missing.
  __resolveReference: async ({ id }, { viewer, loaders }) => {
    const site = isUuid(id) ? await loaders.siteById.load(id) : null;
    return site && viewer?.id === site.ownerId ? site : null;
  },
  owner: (site) => ({ id: site.ownerId }),
  latestVersion: (site, _args, { loaders }) => loaders.latestVersion.load(site.id),
  currentVersion: (site, _args, { loaders }) => loaders.currentVersion.load(site.id),
  archive: async (site, _args, { loaders }) => {
    const current = await loaders.currentVersion.load(site.id);
    return current?.archiveMediaId ? { id: current.archiveMediaId } : null;
  },
  versions: (site, args, { em }) => listVersions(em, site.id, args),
};

export const SiteVersion: SiteVersionResolvers<Context> = {
  __resolveReference: async ({ id }, { viewer, loaders }) => {
    const version = isUuid(id) ? await loaders.versionById.load(id) : null;
    return version && viewer?.id === version.ownerId ? version : null;
  },
  site: async (version, _args, { loaders }) => (await loaders.siteById.load(version.siteId))!,
  files: (version, _args, { loaders }) => loaders.filesOfVersion.load(version.id),
  archive: (version) => (version.archiveMediaId ? { id: version.archiveMediaId } : null),
  previewUrl: (version, _args, { runtime, client }) => {
    if (version.status !== 'READY') return null;
    const origin = (runtime.settings.PUBLIC_URL ?? client.origin ?? 'http://localhost:4000').replace(
      /\/+$/,
      '',
    );
    const grant = runtime.previews.grant(version.id, runtime.settings.SITES_PREVIEW_TTL_SECONDS);
    return `${origin}/sites/preview/${grant}/`;
  },
  durationMs: (version) =>
    version.completedAt && version.startedAt
      ? version.completedAt.getTime() - version.startedAt.getTime()
      : null,
};
