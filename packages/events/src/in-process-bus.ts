/**
 * The event bus of single-process mode: the Redis bus's semantics within one process.
 *
 * - An in-memory log; each consumer group has its own position and pending entries. A group
 *   is created at its first consume() at the start of the retained log, and keeps its
 *   position while it has no consumer, so a consumer that starts again catches up.
 * - A failed delivery is retried after a short backoff, up to maxDeliveries, then
 *   dead-lettered (onDeadLetter) and acknowledged. A consumer stopped mid-handler leaves its
 *   entry pending: another consumer of the group, or the group's next one, gets it.
 *
 * Durability choice: nothing may exist in memory only. publish() therefore resolves only
 * once every group that had an active consumer when it was called has acknowledged or
 * dead-lettered the event, and rejects if such a group loses its last consumer (or the bus
 * closes) first. The outbox relay marks a row published only after publish() resolves, so
 * an event a crash (or shutdown) kept from its consumers is relayed again at restart; a
 * group that already handled it gets it twice, which idempotent consumers absorb.
 * Consequence: a handler must never await publish() of this bus itself (it would wait for
 * its own group); handlers record events in the outbox instead.
 */
import { type BusOptions, type ConsumeOptions, type Consumer, type EventBus, resolveBusOptions } from './bus';
import type { EventEnvelope } from './envelope';
import { InProcessConsumer } from './in-process-consumer';
import { ConsumerGroup, EventLog } from './in-process-group';
import { ListenerRegistry } from './listener-registry';
import { jsonCopy } from './serialize';

/** Retained events; groups created later still see this much history. */
const LOG_LENGTH = 100_000;

interface PublishWaiter {
  offset: number;
  groups: ConsumerGroup[];
  resolve: () => void;
  reject: (error: Error) => void;
}

export function createInProcessBus(options?: BusOptions): EventBus {
  const settings = resolveBusOptions(options);
  const log = new EventLog(LOG_LENGTH);
  const groups = new Map<string, ConsumerGroup>();
  const consumers = new Set<InProcessConsumer>();
  const waiters = new Set<PublishWaiter>();
  const live = new ListenerRegistry(settings.onError);
  let closed = false;

  const assertOpen = () => {
    if (closed) throw new Error('The event bus is closed');
  };

  const settleWaiters = () => {
    for (const waiter of waiters) {
      const pending = waiter.groups.filter((group) => !group.isDone(waiter.offset));
      const abandoned = pending.find((group) => group.members.size === 0);
      if (pending.length === 0) waiter.resolve();
      else if (abandoned) {
        waiter.reject(new Error(`Consumer group "${abandoned.name}" stopped before handling the event`));
      } else continue;
      waiters.delete(waiter);
    }
  };

  return {
    kind: 'in-process',

    async publish(event: EventEnvelope): Promise<void> {
      assertOpen();
      const offset = log.append(jsonCopy(event));
      const active = [...groups.values()].filter((group) => group.members.size > 0);
      const handled = new Promise<void>((resolve, reject) => {
        waiters.add({ offset, groups: active, resolve, reject });
      });
      settleWaiters();
      for (const group of groups.values()) group.wakeAll();
      await handled;
    },

    consume(consumeOptions: ConsumeOptions): Consumer {
      assertOpen();
      let group = groups.get(consumeOptions.group);
      if (!group) {
        group = new ConsumerGroup(consumeOptions.group, log);
        groups.set(consumeOptions.group, group);
      }
      const consumer = new InProcessConsumer(group, consumeOptions, settings, settleWaiters);
      consumers.add(consumer);
      return {
        stop: async () => {
          consumers.delete(consumer);
          await consumer.stop();
        },
      };
    },

    async broadcast(channel: string, message: unknown): Promise<void> {
      assertOpen();
      const copy = jsonCopy(message);
      await Promise.resolve(); // delivered asynchronously, as over Redis
      live.emit(channel, copy);
    },

    async listen(channel: string, onMessage: (message: unknown) => void): Promise<() => Promise<void>> {
      assertOpen();
      const { remove } = live.add(channel, onMessage);
      return async () => {
        remove();
      };
    },

    async ping(): Promise<void> {
      assertOpen();
    },

    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      for (const waiter of waiters)
        waiter.reject(new Error('The event bus closed before the event was handled'));
      waiters.clear();
      await Promise.all([...consumers].map((consumer) => consumer.stop()));
      consumers.clear();
      live.clear();
    },
  };
}
