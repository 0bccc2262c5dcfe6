import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { alignToKeys } from '@lattice/subgraph-kit';
import { Site, SiteFile, SiteVersion } from './entities';

/** Per-request loaders: any number of sites, versions or file lists cost one SQL statement each. */
export function createLoaders(em: EntityManager) {
  return {
    siteById: new DataLoader<string, Site | null>(async (ids) =>
      alignToKeys(ids, await em.find(Site, { id: { $in: [...ids] } }), (site) => site.id),
    ),
    versionById: new DataLoader<string, SiteVersion | null>(async (ids) =>
      alignToKeys(ids, await em.find(SiteVersion, { id: { $in: [...ids] } }), (version) => version.id),
    ),
    /** Each site's newest version. */
    latestVersion: new DataLoader<string, SiteVersion | null>((siteIds) =>
      newestVersions(em, siteIds, false),
    ),
    /** Each site's newest ready version. */
    currentVersion: new DataLoader<string, SiteVersion | null>((siteIds) =>
      newestVersions(em, siteIds, true),
    ),
    filesOfVersion: new DataLoader<string, SiteFile[]>(async (versionIds) => {
      // Without their content: a list of files names them.
      const files = (await em.find(
        SiteFile,
        { versionId: { $in: [...versionIds] } },
        { exclude: ['content'], orderBy: { path: 'asc' } },
      )) as SiteFile[];
      const byVersion = new Map<string, SiteFile[]>();
      for (const file of files)
        byVersion.set(file.versionId, [...(byVersion.get(file.versionId) ?? []), file]);
      return versionIds.map((id) => byVersion.get(id) ?? []);
    }),
  };
}

async function newestVersions(em: EntityManager, siteIds: readonly string[], ready: boolean) {
  const rows = await em.getConnection().execute<{ id: string }[]>(
    `select distinct on (site_id) id from sites.site_version
      where site_id in (${siteIds.map(() => '?').join(', ')})${ready ? ` and status = 'READY'` : ''}
      order by site_id, number desc`,
    [...siteIds],
  );
  const versions = rows.length ? await em.find(SiteVersion, { id: { $in: rows.map((row) => row.id) } }) : [];
  const bySite = new Map(versions.map((version) => [version.siteId, version]));
  return siteIds.map((id) => bySite.get(id) ?? null);
}

export type SitesLoaders = ReturnType<typeof createLoaders>;
