import { notFound, validateInput } from '@lattice/server-kit';
import { type Connection, isUuid, type PageArgs, paginate } from '@lattice/subgraph-kit';
import { type EntityManager, LockMode } from '@mikro-orm/postgresql';
import { FINISHED, Site, SiteFile, SiteVersion } from '../entities';
import type { SitesRuntime } from '../runtime';
import { createSiteShape, siteName } from './validation';
import { queueVersion } from './versions';

const missing = () => notFound('You have no site with this id');

/** One of the owner's sites (NOT_FOUND for anyone else's, as for none). */
export async function ownSite(em: EntityManager, ownerId: string, id: string, lock = false): Promise<Site> {
  const site = isUuid(id)
    ? await em.findOne(Site, { id, ownerId }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {})
    : null;
  if (!site) throw missing();
  return site;
}

/**
 * Creates a site and queues its first generation, in one transaction with the plan's site
 * generation spent: past the limit (QUOTA_EXCEEDED) nothing is created and no job starts.
 */
export async function createSite(
  em: EntityManager,
  runtime: SitesRuntime,
  ownerId: string,
  input: unknown,
): Promise<Site> {
  const { prompt, style, name, ...options } = validateInput(createSiteShape, input);
  const site = await em.transactional(async (tx) => {
    const created = tx.create(Site, {
      ownerId,
      prompt,
      style,
      name: name ?? untitled(prompt),
      named: name != null,
      options,
    });
    await queueVersion(tx, runtime, created, { kind: 'SITE' });
    return created;
  });
  runtime.worker.wake();
  return site;
}

export async function renameSite(
  em: EntityManager,
  ownerId: string,
  id: string,
  name: unknown,
): Promise<Site> {
  const value = validateInput(siteName, name, 'name');
  const site = await ownSite(em, ownerId, id);
  site.name = value;
  site.named = true;
  await em.flush();
  return site;
}

/**
 * Deletes the site, its versions, files and progress; a running generation stops (its worker
 * finds its lease gone). The images it drew are removed from storage; its archives stay the
 * user's media.
 */
export async function deleteSite(
  em: EntityManager,
  runtime: SitesRuntime,
  ownerId: string,
  id: string,
): Promise<boolean> {
  const { versions, images } = await em.transactional(async (tx) => {
    const site = await ownSite(tx, ownerId, id, true);
    const versions = await tx.find(SiteVersion, { siteId: site.id }, { fields: ['id', 'status'] });
    const ids = versions.map((version) => version.id);
    const images = await tx.find(
      SiteFile,
      { versionId: { $in: ids }, kind: 'IMAGE' },
      { fields: ['storageKey'] },
    );
    await tx.nativeDelete('GenerationEvent', { versionId: { $in: ids } });
    await tx.nativeDelete(SiteFile, { versionId: { $in: ids } });
    await tx.nativeDelete(SiteVersion, { siteId: site.id });
    await tx.nativeDelete(Site, { id: site.id });
    // Its subscribers are told, and end: nothing more will happen to it.
    runtime.feed.afterCommit(tx, { siteId: site.id, deleted: true });
    return { versions, images };
  });
  for (const version of versions) {
    if (!FINISHED.includes(version.status)) runtime.worker.stopLocal(version.id, 'lease-lost');
  }
  // Images are shared by the versions that carried them over: removed once none is left.
  for (const key of new Set(images.map((image) => image.storageKey!))) await runtime.storage.remove(key);
  return true;
}

export function listSites(em: EntityManager, ownerId: string, args: PageArgs): Promise<Connection<Site>> {
  return paginate(em, Site, { ownerId }, args, { orderBy: ['createdAt', 'id'], direction: 'desc' });
}

/** A name from the description until the plan gives one: its first words. */
function untitled(prompt: string): string {
  const words = prompt.split(/\s+/).slice(0, 8).join(' ');
  return words.length > 60 ? `${words.slice(0, 59)}…` : words;
}
