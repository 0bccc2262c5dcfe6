import type { EntityManager } from '@mikro-orm/postgresql';
import { GenerationEvent, type GenerationStatus, type GenerationStep } from '../entities';
import type { SitesRuntime } from '../runtime';

export interface Progress {
  step: GenerationStep | null;
  status: GenerationStatus;
  done?: number;
  total?: number;
  message: string;
}

/**
 * Records the next event of a version's generation, inside the caller's transaction: its
 * sequence number comes from the version's row (taken under that row's lock), and subscribers
 * hear of it once the transaction commits.
 */
export async function recordProgress(
  tx: EntityManager,
  runtime: Pick<SitesRuntime, 'feed'>,
  version: { id: string; siteId: string },
  progress: Progress,
): Promise<GenerationEvent> {
  const [row] = await tx.execute<{ last_sequence: number }[]>(
    'update sites.site_version set last_sequence = last_sequence + 1 where id = ? returning last_sequence',
    [version.id],
  );
  if (!row) throw new Error(`version ${version.id} is gone`);
  const event = tx.create(GenerationEvent, {
    versionId: version.id,
    siteId: version.siteId,
    sequence: row.last_sequence,
    step: progress.step,
    status: progress.status,
    done: progress.done ?? 0,
    total: progress.total ?? 0,
    message: progress.message.slice(0, 500),
    at: new Date(),
  });
  runtime.feed.afterCommit(tx, {
    siteId: version.siteId,
    versionId: version.id,
    sequence: row.last_sequence,
  });
  return event;
}
