import { Site, SiteVersion } from '../entities';
import type { SitesRuntime } from '../runtime';
import { recordGenerationFailed } from '../service/events';
import { recordProgress } from '../service/progress';
import { Generation } from './generate';
import { JobStopped } from './worker';

/** Runs a claimed version's generation; a failure ends it FAILED, a cancel CANCELLED. */
export async function runJob(
  runtime: SitesRuntime,
  workerId: string,
  versionId: string,
  attempt: number,
  signal: AbortSignal,
): Promise<void> {
  const em = runtime.orm.em.fork();
  const version = await em.findOne(SiteVersion, { id: versionId });
  const site = version && (await em.findOne(Site, { id: version.siteId }));
  if (!version || !site) return;
  const generation = new Generation(runtime, workerId, site, version, signal);
  try {
    await generation.run(attempt > 1);
  } catch (error) {
    const stopped = signal.aborted ? signal.reason : error;
    if (stopped instanceof JobStopped && stopped.reason !== 'cancelled') {
      runtime.log.info({ versionId, reason: stopped.reason }, 'a site generation was left to resume');
      return;
    }
    if (!(stopped instanceof JobStopped)) {
      runtime.log.warn({ err: error, versionId }, 'a site generation failed');
    }
    try {
      await generation.fail(stopped);
    } catch (failure) {
      if (!(failure instanceof JobStopped)) throw failure;
    }
  }
}

/** A job started SITES_MAX_ATTEMPTS times (its process kept dying) ends FAILED. */
export async function abandonJob(runtime: SitesRuntime, versionId: string, attempts: number): Promise<void> {
  await runtime.orm.em.fork().transactional(async (tx) => {
    const version = await tx.findOne(SiteVersion, { id: versionId, status: 'RUNNING' });
    if (!version) return;
    const reason = `The generation was interrupted ${attempts} times; try again`;
    version.status = 'FAILED';
    version.error = reason;
    version.completedAt = new Date();
    version.leaseOwner = null;
    await recordProgress(tx, runtime, version, { step: version.step, status: 'FAILED', message: reason });
    recordGenerationFailed(tx, version, reason);
  });
  runtime.log.warn({ versionId, attempts }, 'a site generation was abandoned');
}
