import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from '@lattice/server-kit';
import { startPeriodic } from '@lattice/subgraph-kit';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SitesSettings } from '../service/settings';

/** Why a running job was stopped: the user cancelled it, or this worker lost or gave up its lease. */
export type StopReason = 'cancelled' | 'lease-lost' | 'shutdown';

export class JobStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(`the job was stopped: ${reason}`);
    this.name = 'JobStopped';
  }
}

/** Runs one claimed job to its end (or until `signal` aborts with a JobStopped). */
export type JobRunner = (versionId: string, attempt: number, signal: AbortSignal) => Promise<void>;
/** Ends a job that was started too many times. */
export type JobAbandoner = (versionId: string, attempts: number) => Promise<void>;

/** Heartbeats at least this often, so a cancel from another replica lands within a second. */
const MAX_HEARTBEAT_MS = 1000;

/**
 * Takes queued generations from the database and runs up to SITES_WORKERS at once. A job is
 * claimed with a lease (`for update skip locked`: one worker each), renewed while it runs; a
 * job whose worker died (its lease lapsed) is claimed again by any worker and resumes from the
 * steps already stored. Past SITES_MAX_ATTEMPTS starts it fails instead: never a job that
 * hangs. Stopping releases this worker's leases, so a restarted process resumes at once.
 */
export class GenerationWorker {
  readonly id = `${hostname().slice(0, 20)}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private readonly running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private stopPolling: (() => Promise<void>) | undefined;
  private filling: Promise<void> | undefined;
  private refill = false;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly settings: SitesSettings,
    private readonly run: JobRunner,
    private readonly abandon: JobAbandoner,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.settings.SITES_WORKERS === 0) return;
    this.stopPolling = startPeriodic(
      () => this.fill(),
      this.settings.SITES_POLL_MS,
      (error) => this.log.error({ err: error }, 'site generations could not be claimed'),
    );
    this.wake();
  }

  /** Looks for jobs now (one was just queued). */
  wake(): void {
    if (this.stopped || this.settings.SITES_WORKERS === 0) return;
    this.fill().catch((error: unknown) =>
      this.log.error({ err: error }, 'site generations could not be claimed'),
    );
  }

  /** Stops a job this process runs (the user cancelled it); other replicas see it at their next heartbeat. */
  stopLocal(versionId: string, reason: StopReason): void {
    this.running.get(versionId)?.controller.abort(new JobStopped(reason));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.stopPolling?.();
    for (const { controller } of this.running.values()) controller.abort(new JobStopped('shutdown'));
    await Promise.allSettled([...this.running.values()].map((job) => job.done));
    await this.filling;
    // Whatever this process had claimed can be resumed by the next one at once.
    await this.orm.em
      .fork()
      .execute(
        `update sites.site_version set lease_until = now() where lease_owner = ? and status = 'RUNNING'`,
        [this.id],
      );
  }

  private fill(): Promise<void> {
    if (this.filling) {
      this.refill = true;
      return this.filling;
    }
    // Cleared in a callback, never synchronously: a pass with nothing to claim ends at once.
    const filling = this.claimWhileFree().finally(() => {
      if (this.filling === filling) this.filling = undefined;
    });
    this.filling = filling;
    return filling;
  }

  private async claimWhileFree(): Promise<void> {
    do {
      this.refill = false;
      while (!this.stopped && this.running.size < this.settings.SITES_WORKERS) {
        const claimed = await this.claim();
        if (!claimed) break;
        if (claimed.attempts > this.settings.SITES_MAX_ATTEMPTS) {
          await this.abandon(claimed.id, claimed.attempts - 1);
          continue;
        }
        this.launch(claimed.id, claimed.attempts);
      }
    } while (this.refill && !this.stopped);
  }

  private async claim(): Promise<{ id: string; attempts: number } | undefined> {
    const [row] = await this.orm.em.fork().execute<{ id: string; attempts: number }[]>(
      `update sites.site_version v
          set status = 'RUNNING', lease_owner = ?, lease_until = now() + ? * interval '1 millisecond',
              attempts = v.attempts + 1, started_at = coalesce(v.started_at, now())
        where v.id = (select id from sites.site_version
                       where status = 'QUEUED' or (status = 'RUNNING' and lease_until < now())
                       order by created_at limit 1 for update skip locked)
        returning v.id, v.attempts`,
      [this.id, this.settings.SITES_LEASE_MS],
    );
    return row;
  }

  private launch(versionId: string, attempt: number): void {
    const controller = new AbortController();
    const beat = setInterval(
      () => void this.heartbeat(versionId, controller),
      Math.min(MAX_HEARTBEAT_MS, this.settings.SITES_LEASE_MS / 3),
    );
    const done = this.run(versionId, attempt, controller.signal)
      .catch((error: unknown) => this.log.error({ err: error, versionId }, 'a site generation broke'))
      .finally(() => {
        clearInterval(beat);
        this.running.delete(versionId);
        this.wake();
      });
    this.running.set(versionId, { controller, done });
  }

  private async heartbeat(versionId: string, controller: AbortController): Promise<void> {
    if (controller.signal.aborted) return;
    try {
      const [row] = await this.orm.em.fork().execute<{ cancel_requested: boolean }[]>(
        `update sites.site_version set lease_until = now() + ? * interval '1 millisecond'
          where id = ? and lease_owner = ? and status = 'RUNNING' returning cancel_requested`,
        [this.settings.SITES_LEASE_MS, versionId, this.id],
      );
      if (!row) controller.abort(new JobStopped('lease-lost'));
      else if (row.cancel_requested) controller.abort(new JobStopped('cancelled'));
    } catch (error) {
      this.log.warn({ err: error, versionId }, 'a site generation lease could not be renewed');
    }
  }
}
