import {
  deleteRedisKeys,
  describeWithRedis,
  testRedisUrl,
  uniqueRedisPrefix,
  waitFor,
} from '@lattice/testkit';
import { Redis } from 'ioredis';
import type { EventBus } from '../src/bus';
import { createRedisBus } from '../src/redis-bus';
import { busContract } from './bus-contract';
import { activeResources, leakedResources, makeEvents, sleep } from './helpers';

// REDIS_URL, or a local Redis found by the jest global setup.
const url = testRedisUrl() ?? 'redis://unavailable';
const filePrefix = uniqueRedisPrefix('events');
let testNumber = 0;
let prefix = filePrefix;

// Every test gets its own stream: a group created later reads the retained history.
beforeEach(() => {
  prefix = `${filePrefix}:${++testNumber}`;
});
afterAll(() => (testRedisUrl() ? deleteRedisKeys(url, filePrefix) : undefined));

describeWithRedis('redis bus', () => {
  busContract('redis', (options) => createRedisBus({ ...options, url, prefix }));

  describe('redis bus across processes', () => {
    const buses: EventBus[] = [];
    const open = () => {
      const bus = createRedisBus({ url, prefix, claimIdleMs: 200 });
      buses.push(bus);
      return bus;
    };
    afterEach(async () => {
      await Promise.all(buses.splice(0).map((bus) => bus.close()));
    });

    it('shares one group between consumers of different bus instances (replicas)', async () => {
      const [replicaA, replicaB] = [open(), open()];
      const handled: string[] = [];
      for (const [bus, name] of [
        [replicaA, 'a'],
        [replicaB, 'b'],
      ] as const) {
        bus.consume({
          group: 'replicated',
          consumer: name,
          handler: async (event) => void handled.push(event.id),
        });
      }
      const events = makeEvents(10);
      for (const event of events) await replicaA.publish(event);
      await waitFor(() => handled.length >= 10, { message: 'deliveries' });
      await sleep(300);
      expect([...handled].sort()).toEqual(events.map((event) => event.id).sort());
    });

    it('broadcasts to listeners of every bus instance', async () => {
      const [publisher, subscriber] = [open(), open()];
      const received: unknown[] = [];
      await subscriber.listen('news', (message) => received.push(message));
      await publisher.broadcast('news', { hello: 'world' });
      await waitFor(() => received.length === 1, { message: 'cross-instance broadcast' });
      expect(received).toEqual([{ hello: 'world' }]);
    });

    it('writes dead letters to the dead-letter stream', async () => {
      const bus = createRedisBus({ url, prefix, claimIdleMs: 100, maxDeliveries: 1, onDeadLetter: () => {} });
      buses.push(bus);
      bus.consume({ group: 'doomed', consumer: 'c', handler: async () => Promise.reject(new Error('nope')) });
      const [event] = makeEvents(1);
      await bus.publish(event!);
      const redis = new Redis(url);
      try {
        const entries = await waitFor(
          async () => {
            const found = await redis.xrange(`${prefix}:events:dead`, '-', '+');
            return found.length > 0 ? found : undefined;
          },
          { message: 'dead-letter entry' },
        );
        expect(entries).toHaveLength(1);
        const fields = entries[0]![1];
        expect(JSON.parse(fields[fields.indexOf('event') + 1]!).id).toBe(event!.id);
        expect(fields.slice(2)).toEqual(['group', 'doomed', 'error', 'Error: nope']);
      } finally {
        redis.disconnect();
      }
    });

    it('caps the stream length approximately', async () => {
      const bus = createRedisBus({ url, prefix, maxLength: 10 });
      buses.push(bus);
      for (const event of makeEvents(300)) await bus.publish(event);
      const redis = new Redis(url);
      try {
        expect(await redis.xlen(`${prefix}:events`)).toBeLessThan(300);
      } finally {
        redis.disconnect();
      }
    });

    it('fails ping() when Redis is unreachable, and still closes cleanly', async () => {
      await sleep(300); // sockets of the previous test's buses finish closing
      const before = activeResources();
      const bus = createRedisBus({ url: 'redis://127.0.0.1:1', prefix, onError: () => {} });
      bus.consume({ group: 'g', consumer: 'c', handler: async () => {} });
      await expect(bus.ping()).rejects.toThrow('did not answer PING');
      await bus.close();
      await waitFor(() => leakedResources(before).length === 0, {
        message: 'handles to close',
        timeoutMs: 1000,
      });
    });
  });
});
