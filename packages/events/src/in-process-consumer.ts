import { type Consumer, type ConsumeOptions, type ResolvedBusOptions, wants } from './bus';
import type { ConsumerGroup, Delivery, GroupMember } from './in-process-group';
import { jsonCopy } from './serialize';

/** Backoff before the next delivery of a failed entry: 25 ms, 50 ms, 100 ms... at most 1 s. */
function retryDelay(deliveries: number): number {
  return Math.min(25 * 2 ** (deliveries - 1), 1000);
}

/** One consumer of an in-process group: handles one entry at a time, in log order. */
export class InProcessConsumer implements Consumer, GroupMember {
  private stopped = false;
  private wakeUp: (() => void) | null = null;

  constructor(
    private readonly group: ConsumerGroup,
    private readonly options: ConsumeOptions,
    private readonly bus: ResolvedBusOptions,
    /** Called whenever an entry is settled or the group changes, so publishers can be released. */
    private readonly onProgress: () => void,
  ) {
    group.members.add(this);
    void this.run().catch(bus.onError);
  }

  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = null;
    wakeUp?.();
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // A handler still running is abandoned: its entry stays pending for the group.
    this.group.leave(this);
    this.wake();
    this.onProgress();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const next = this.group.take(this, Date.now());
      if ('offset' in next) await this.deliver(next);
      else await this.idle(next.retryAt);
    }
  }

  private idle(retryAt: number | null): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    return new Promise<void>((resolve) => {
      this.wakeUp = resolve;
      if (retryAt !== null) timer = setTimeout(() => this.wake(), Math.max(0, retryAt - Date.now()));
    }).finally(() => clearTimeout(timer));
  }

  private async deliver(delivery: Delivery): Promise<void> {
    const { group, options, bus } = this;
    const event = jsonCopy(delivery.event);
    if (!wants(options.types, event)) {
      group.ack(delivery.offset);
      this.onProgress();
      return;
    }
    if (delivery.deliveries > bus.maxDeliveries) {
      // Its consumers kept stopping (crashing) while handling it.
      group.ack(delivery.offset);
      bus.onDeadLetter(
        event,
        group.name,
        new Error(`Not acknowledged after ${delivery.deliveries - 1} deliveries`),
      );
      this.onProgress();
      return;
    }
    let failure: { error: unknown } | null = null;
    try {
      await options.handler(event);
    } catch (error) {
      failure = { error };
    }
    // Stopped meanwhile (a crash): nothing is acknowledged, the group redelivers the entry.
    if (this.stopped || !group.owns(this, delivery.offset)) return;
    if (!failure) {
      group.ack(delivery.offset);
    } else if (delivery.deliveries >= bus.maxDeliveries) {
      group.ack(delivery.offset);
      bus.onDeadLetter(event, group.name, failure.error);
    } else {
      group.release(delivery.offset, Date.now() + retryDelay(delivery.deliveries));
      bus.onRetry(event, group.name, failure.error);
    }
    this.onProgress();
  }
}
