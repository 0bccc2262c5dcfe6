import { createEvent, recordEvent } from '@lattice/events';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Site, SiteFile, SiteVersion } from '../entities';
import type { PackedArchive } from '../jobs/package';

const durationOf = (version: SiteVersion) =>
  (version.completedAt ?? new Date()).getTime() - (version.startedAt ?? version.createdAt).getTime();

/** `sites.site_generated`, in the finishing transaction's outbox: media stores the ZIP from it. */
export function recordGenerated(
  tx: EntityManager,
  site: Site,
  version: SiteVersion,
  files: readonly SiteFile[],
  archive: PackedArchive,
): void {
  recordEvent(
    tx,
    createEvent('sites.site_generated', {
      actor: version.ownerId,
      subject: version.ownerId,
      data: {
        siteId: site.id,
        versionId: version.id,
        userId: version.ownerId,
        number: version.number,
        kind: version.kind,
        style: site.style,
        pages: files.filter((file) => file.kind === 'PAGE').length,
        images: files.filter((file) => file.kind === 'IMAGE').length,
        repairs: version.repairs.length,
        tokens: version.tokens,
        simulated: version.simulated,
        durationMs: durationOf(version),
        archive: {
          mediaId: archive.mediaId,
          storageKey: archive.storageKey,
          filename: archive.filename,
          bytes: archive.bytes,
          sha256: archive.sha256,
        },
      },
    }),
  );
}

/** `sites.generation_failed`, in the failing transaction's outbox (for analytics). */
export function recordGenerationFailed(tx: EntityManager, version: SiteVersion, reason: string): void {
  recordEvent(
    tx,
    createEvent('sites.generation_failed', {
      actor: version.ownerId,
      subject: version.ownerId,
      data: {
        siteId: version.siteId,
        versionId: version.id,
        userId: version.ownerId,
        kind: version.kind,
        step: version.step,
        reason,
        durationMs: durationOf(version),
      },
    }),
  );
}
