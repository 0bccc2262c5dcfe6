import type { Logger } from '@lattice/server-kit';
import { PushQueue } from '@lattice/subgraph-kit';

export interface Snapshot<T> {
  at: Date;
  figures: T;
}

interface Watcher<T> {
  intervalMs: number;
  lastKey: string | undefined;
  lastSentAt: number;
  queue: PushQueue<Snapshot<T>>;
}

/**
 * Samples the figures once per `sampleMs` while anyone watches (one sampling per replica,
 * however many subscribers), and hands each watcher a snapshot when the figures differ from
 * the last it got and its interval has passed. A watcher's queue holds one snapshot: a slow
 * client gets the newest figures, never a backlog.
 */
export class LiveStatsHub<T> {
  private readonly watchers = new Set<Watcher<T>>();
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> | undefined;

  constructor(
    private readonly sample: () => Promise<T>,
    private readonly sampleMs: number,
    private readonly log: Logger,
    /** What counts as a change (e.g. leaving out a latency that differs at every probe). */
    private readonly keyOf: (figures: T) => unknown = (figures) => figures,
  ) {}

  watch(intervalSeconds: number): AsyncIterableIterator<Snapshot<T>> {
    const watcher: Watcher<T> = {
      intervalMs: intervalSeconds * 1000,
      lastKey: undefined,
      lastSentAt: 0,
      queue: new PushQueue(1, () => {
        this.watchers.delete(watcher);
        if (!this.watchers.size) this.pause();
      }),
    };
    this.watchers.add(watcher);
    // The first value at once: a fresh sample, whoever else is watching.
    void this.tick();
    return watcher.queue;
  }

  get watcherCount(): number {
    return this.watchers.size;
  }

  stop(): void {
    for (const watcher of [...this.watchers]) watcher.queue.close();
    this.pause();
  }

  private tick(): Promise<void> {
    this.sampling ??= this.sampleAndOffer().finally(() => {
      this.sampling = undefined;
      this.schedule();
    });
    return this.sampling;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.watchers.size) return;
    this.timer = setTimeout(() => void this.tick(), this.sampleMs);
    this.timer.unref();
  }

  private pause(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async sampleAndOffer(): Promise<void> {
    let snapshot: Snapshot<T>;
    try {
      snapshot = { at: new Date(), figures: await this.sample() };
    } catch (error) {
      this.log.error({ err: error }, 'live stats sampling failed');
      return;
    }
    const key = JSON.stringify(this.keyOf(snapshot.figures));
    const now = Date.now();
    for (const watcher of this.watchers) {
      const first = watcher.lastKey === undefined;
      if (!first && (key === watcher.lastKey || now - watcher.lastSentAt < watcher.intervalMs)) continue;
      watcher.lastKey = key;
      watcher.lastSentAt = now;
      watcher.queue.push(snapshot);
    }
  }
}
