import type { Redis } from 'ioredis';
import { type Consumer, type ConsumeOptions, type ResolvedBusOptions, wants } from './bus';
import type { EventEnvelope } from './envelope';
import {
  fieldValue,
  parseAutoClaimReply,
  parseDeliveryCounts,
  parseReadGroupReply,
  type StreamEntry,
} from './redis-replies';
import { decodeEnvelope, encodeEnvelope } from './serialize';

export const EVENT_FIELD = 'event';

export interface RedisConsumerContext {
  /** Dedicated to this consumer (its XREADGROUP blocks); disconnected by stop(). */
  connection: Redis;
  stream: string;
  deadStream: string;
  maxLength: number;
  options: ConsumeOptions;
  settings: ResolvedBusOptions;
}

const READ_COUNT = 10;
const RECLAIM_COUNT = 50;
// Short, so a reclaim pass is never late by much and a loop notices stop() quickly.
const MAX_BLOCK_MS = 1000;
const ERROR_BACKOFF_MS = 1000;

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * One consumer of a Redis consumer group. Entries are handled one at a time, in stream
 * order: new ones via XREADGROUP `>`, and those left pending by a failed delivery or a
 * crashed consumer via a periodic XAUTOCLAIM once idle for claimIdleMs. A failed entry is
 * not acknowledged, so the reclaim pass (of any consumer of the group) redelivers it.
 */
export class RedisStreamConsumer implements Consumer {
  private stopped = false;
  private inHandler = false;
  private groupReady = false;
  private cancelSleep: (() => void) | null = null;
  private readonly finished: Promise<void>;

  constructor(private readonly context: RedisConsumerContext) {
    this.finished = this.run();
  }

  /** No handler is invoked once this is called; entries in flight stay pending. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.cancelSleep?.();
    const { connection } = this.context;
    // Only a live connection rejects its queued commands on disconnect: ioredis never settles
    // those queued while it was reconnecting, so the loop is not awaited then.
    const loopWillEnd = connection.status === 'ready';
    // Also aborts a blocked XREADGROUP: anything it was about to deliver stays pending.
    connection.disconnect();
    // A handler that never returns must not hold stop() either: a crash does not wait.
    if (loopWillEnd && !this.inHandler) await this.finished;
  }

  private async run(): Promise<void> {
    const { connection, stream, options, settings } = this.context;
    const reclaimEveryMs = Math.min(Math.max(settings.claimIdleMs / 2, 50), 5000);
    let nextReclaim = 0;
    while (!this.stopped) {
      try {
        if (!this.groupReady) await this.createGroup();
        if (Date.now() >= nextReclaim) {
          await this.reclaim();
          nextReclaim = Date.now() + reclaimEveryMs;
        }
        const blockMs = Math.round(Math.min(Math.max(nextReclaim - Date.now(), 10), MAX_BLOCK_MS));
        const reply = await connection.xreadgroup(
          'GROUP',
          options.group,
          options.consumer,
          'COUNT',
          READ_COUNT,
          'BLOCK',
          blockMs,
          'STREAMS',
          stream,
          '>',
        );
        for (const entry of parseReadGroupReply(reply)) {
          if (this.stopped) return;
          await this.process(entry, 1);
        }
      } catch (error) {
        if (this.stopped) return;
        if (describe(error).includes('NOGROUP')) {
          this.groupReady = false; // the stream was deleted: recreate it and the group
          continue;
        }
        settings.onError(error);
        await this.sleep(ERROR_BACKOFF_MS);
      }
    }
  }

  /** Starts at 0: a group created later still gets the retained history. */
  private async createGroup(): Promise<void> {
    const { connection, stream, options } = this.context;
    try {
      await connection.xgroup('CREATE', stream, options.group, '0', 'MKSTREAM');
    } catch (error) {
      if (!describe(error).includes('BUSYGROUP')) throw error;
    }
    this.groupReady = true;
  }

  private async reclaim(): Promise<void> {
    const { connection, stream, options, settings } = this.context;
    let cursor = '0-0';
    do {
      const { next, entries } = parseAutoClaimReply(
        await connection.xautoclaim(
          stream,
          options.group,
          options.consumer,
          settings.claimIdleMs,
          cursor,
          'COUNT',
          RECLAIM_COUNT,
        ),
      );
      const deliveries = await this.deliveryCounts(entries);
      for (const entry of entries) {
        if (this.stopped) return;
        const count = deliveries.get(entry.id);
        // Absent: another consumer reclaimed it meanwhile, it is theirs now.
        if (count !== undefined) await this.process(entry, count);
      }
      cursor = next;
    } while (cursor !== '0-0' && !this.stopped);
  }

  /** Delivery counts (XPENDING) of entries this consumer holds; XAUTOCLAIM already counted this one. */
  private async deliveryCounts(entries: StreamEntry[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (entries.length === 0) return counts;
    const { connection, stream, options } = this.context;
    const pipeline = connection.pipeline();
    for (const { id } of entries) pipeline.xpending(stream, options.group, id, id, 1, options.consumer);
    for (const [error, reply] of (await pipeline.exec()) ?? []) {
      if (error) throw error;
      for (const [id, count] of parseDeliveryCounts(reply)) counts.set(id, count);
    }
    return counts;
  }

  private async process(entry: StreamEntry, deliveries: number): Promise<void> {
    const { options, settings } = this.context;
    const raw = fieldValue(entry.fields, EVENT_FIELD);
    const event = raw === undefined ? null : decodeEnvelope(raw);
    if (!event) {
      // Deleted while pending (fields null) or not an envelope: nothing a retry could fix.
      if (entry.fields)
        settings.onError(new Error(`Dropping malformed entry ${entry.id} of ${this.context.stream}`));
      await this.ack(entry.id);
      return;
    }
    if (!wants(options.types, event)) return this.ack(entry.id);
    if (deliveries > settings.maxDeliveries) {
      // Its consumers kept crashing on it: never handled to completion.
      return this.deadLetter(
        entry.id,
        event,
        new Error(`Not acknowledged after ${deliveries - 1} deliveries`),
      );
    }
    let failure: { error: unknown } | null = null;
    this.inHandler = true;
    try {
      await options.handler(event);
    } catch (error) {
      failure = { error };
    } finally {
      this.inHandler = false;
    }
    if (this.stopped) return; // a crash: nothing acknowledged
    if (!failure) await this.ack(entry.id);
    else if (deliveries >= settings.maxDeliveries) await this.deadLetter(entry.id, event, failure.error);
    // Left pending: reclaimed and delivered again. Said, so a failing consumer is not silent.
    else settings.onRetry(event, options.group, failure.error);
  }

  private async ack(id: string): Promise<void> {
    await this.context.connection.xack(this.context.stream, this.context.options.group, id);
  }

  private async deadLetter(id: string, event: EventEnvelope, error: unknown): Promise<void> {
    const { connection, deadStream, maxLength, options, settings } = this.context;
    await connection.xadd(
      deadStream,
      'MAXLEN',
      '~',
      maxLength,
      '*',
      EVENT_FIELD,
      encodeEnvelope(event),
      'group',
      options.group,
      'error',
      describe(error),
    );
    await this.ack(id);
    settings.onDeadLetter(event, options.group, error);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.cancelSleep = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.cancelSleep = done;
    });
  }
}
