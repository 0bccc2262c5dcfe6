import { notFound, type Viewer } from '@lattice/server-kit';
import { PushQueue } from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GenerationEvent, SiteVersion } from '../entities';
import type { SitesRuntime } from '../runtime';
import { ownSite } from '../service/sites';

/** The bus channel generation progress is broadcast on, to every replica. */
export const GENERATION_CHANNEL = 'sites.generations';

/**
 * That a version has events up to `sequence` (subscribers read them from the database), or
 * that the site was deleted (its subscriptions end).
 */
export type GenerationNotice =
  | { siteId: string; versionId: string; sequence: number; deleted?: undefined }
  | { siteId: string; deleted: true };

export const generationNoticeKey = (message: unknown): string | null => {
  const notice = message as Partial<GenerationNotice> | null;
  return typeof notice?.siteId === 'string' ? notice.siteId : null;
};

const LIVE_CAPACITY = 100;

/** Events of `versionId` after `after`, in order. */
const eventsAfter = (em: EntityManager, versionId: string, after: number) =>
  em.find(GenerationEvent, { versionId, sequence: { $gt: after } }, { orderBy: { sequence: 'asc' } });

/**
 * A site's generation progress for its owner: the newest version's events after `after`, then
 * each new one, in order, exactly once. Notices only wake the reader; the events come from the
 * database, so a notice lost or late never loses or reorders one. A newer version (a
 * regeneration) is followed from its first event.
 */
export async function watchGenerations(
  runtime: SitesRuntime,
  viewer: Viewer,
  siteId: string,
  after: number | null | undefined,
) {
  await ownSite(runtime.orm.em.fork(), viewer.id, siteId);
  const queue = new PushQueue<GenerationNotice>(LIVE_CAPACITY, () => stop());
  const stop = runtime.feed.listen(siteId, (notice) => queue.push(notice));
  return (async function* progress() {
    try {
      const em = runtime.orm.em.fork();
      const newest = await em.findOne(SiteVersion, { siteId }, { orderBy: { number: 'desc' } });
      let versionId = newest?.id ?? null;
      let sequence = after ?? 0;
      if (versionId) {
        for (const event of await eventsAfter(em, versionId, sequence)) {
          sequence = event.sequence;
          yield { siteGeneration: event };
        }
      }
      for await (const notice of queue) {
        if (notice.deleted) throw notFound('The site was deleted');
        if (notice.versionId !== versionId) {
          // A newer version started: follow it from its beginning (older notices are stale).
          const current = await runtime.orm.em
            .fork()
            .findOne(SiteVersion, { id: notice.versionId }, { fields: ['number'] });
          const followed = versionId
            ? await runtime.orm.em.fork().findOne(SiteVersion, { id: versionId }, { fields: ['number'] })
            : null;
          if (!current || (followed && current.number < followed.number)) continue;
          versionId = notice.versionId;
          sequence = 0;
        }
        if (notice.sequence <= sequence) continue;
        for (const event of await eventsAfter(runtime.orm.em.fork(), versionId, sequence)) {
          sequence = event.sequence;
          yield { siteGeneration: event };
        }
      }
    } finally {
      queue.close();
    }
  })();
}
