import { waitFor } from '@lattice/testkit';
import type { EventHandler } from '../src/bus';
import type { EventEnvelope } from '../src/envelope';
import { type BusFactory, busHarness } from './bus-harness';
import { liveAndLifecycleContract } from './bus-contract-live';
import { deferred, makeEvents, sleep } from './helpers';

export type { BusFactory } from './bus-harness';

const ids = (events: EventEnvelope[]) => events.map((event) => event.id);

/** Behaviour every EventBus implementation must have; each test gets fresh buses from `factory`. */
export function busContract(name: string, factory: BusFactory): void {
  describe(`${name} bus contract: durable delivery`, () => {
    const { open } = busHarness(factory);
    const recorder =
      (into: EventEnvelope[]): EventHandler =>
      async (event) =>
        void into.push(event);

    it('delivers every event to every group, in publish order', async () => {
      const bus = open();
      const [first, second]: EventEnvelope[][] = [[], []];
      bus.consume({ group: 'first', consumer: 'c', handler: recorder(first!) });
      bus.consume({ group: 'second', consumer: 'c', handler: recorder(second!) });
      const events = makeEvents(10);
      for (const event of events) await bus.publish(event);
      await waitFor(() => first!.length === 10 && second!.length === 10, { message: 'both groups' });
      expect(ids(first!)).toEqual(ids(events));
      expect(ids(second!)).toEqual(ids(events));
      expect(first![0]).toEqual(events[0]);
    });

    it('shares a group between its consumers, each event handled exactly once in total', async () => {
      const bus = open({ claimIdleMs: 10_000 });
      const handled = new Map<string, string[]>([
        ['a', []],
        ['b', []],
      ]);
      for (const consumer of ['a', 'b']) {
        bus.consume({
          group: 'shared',
          consumer,
          handler: async (event) => {
            handled.get(consumer)!.push(event.id);
            await sleep(20);
          },
        });
      }
      const events = makeEvents(20);
      const published: Promise<void>[] = [];
      for (const event of events) {
        published.push(bus.publish(event));
        await sleep(5);
      }
      await Promise.all(published);
      const all = () => [...handled.values()].flat();
      await waitFor(() => all().length >= 20, { message: 'all events handled' });
      await sleep(100);
      expect([...all()].sort()).toEqual(ids(events).sort());
      expect(handled.get('a')!.length).toBeGreaterThan(0);
      expect(handled.get('b')!.length).toBeGreaterThan(0);
    });

    it('passes only the requested types to the handler and skips the others', async () => {
      const bus = open();
      const [wanted] = makeEvents(1);
      const [other] = makeEvents(1, 'test.other');
      const filtered: EventEnvelope[] = [];
      const everything: EventEnvelope[] = [];
      bus.consume({
        group: 'filtered',
        consumer: 'c',
        types: ['identity.user_registered'],
        handler: recorder(filtered),
      });
      bus.consume({ group: 'everything', consumer: 'c', handler: recorder(everything) });
      await bus.publish(other!);
      await bus.publish(wanted!);
      await waitFor(() => filtered.length === 1 && everything.length === 2, { message: 'deliveries' });
      await sleep(300); // the skipped one was acknowledged: never offered again
      expect(ids(filtered)).toEqual([wanted!.id]);
      expect(ids(everything)).toEqual([other!.id, wanted!.id]);
    });

    it('redelivers an event whose handler threw until it succeeds', async () => {
      const deadLetters: unknown[] = [];
      const retries: string[] = [];
      const bus = open({
        onDeadLetter: (event) => deadLetters.push(event),
        onRetry: (_event, group, error) => retries.push(`${group}: ${(error as Error).message}`),
      });
      let attempts = 0;
      const done: EventEnvelope[] = [];
      bus.consume({
        group: 'flaky',
        consumer: 'c',
        handler: async (event) => {
          attempts += 1;
          if (attempts < 3) throw new Error(`attempt ${attempts} fails`);
          done.push(event);
        },
      });
      const [event] = makeEvents(1);
      await bus.publish(event!);
      await waitFor(() => done.length === 1, { message: 'eventual success' });
      await sleep(400);
      expect(attempts).toBe(3);
      expect(ids(done)).toEqual([event!.id]);
      expect(deadLetters).toEqual([]);
      // Each failure is told (operators see a failing consumer before anything is dead-lettered).
      expect(retries).toEqual(['flaky: attempt 1 fails', 'flaky: attempt 2 fails']);
    });

    it('dead-letters an event after maxDeliveries failures and never delivers it again', async () => {
      const deadLetters: { event: EventEnvelope; group: string; error: unknown }[] = [];
      const bus = open({
        maxDeliveries: 3,
        onDeadLetter: (event, group, error) => deadLetters.push({ event, group, error }),
      });
      let attempts = 0;
      bus.consume({
        group: 'doomed',
        consumer: 'c',
        handler: async () => {
          attempts += 1;
          throw new Error(`failure ${attempts}`);
        },
      });
      const [event] = makeEvents(1);
      await bus.publish(event!);
      await waitFor(() => deadLetters.length === 1, { message: 'dead letter' });
      await sleep(700);
      expect(attempts).toBe(3);
      expect(deadLetters).toHaveLength(1);
      expect(deadLetters[0]!.event.id).toBe(event!.id);
      expect(deadLetters[0]!.group).toBe('doomed');
      expect((deadLetters[0]!.error as Error).message).toBe('failure 3');
    });

    it('dead-letters an event its consumers keep crashing on, without handling it again', async () => {
      const deadLetters: { event: EventEnvelope; error: unknown }[] = [];
      const bus = open({
        maxDeliveries: 2,
        onDeadLetter: (event, _group, error) => deadLetters.push({ event, error }),
      });
      const [event] = makeEvents(1);
      let calls = 0;
      for (const consumer of ['a', 'b']) {
        const called = deferred<void>();
        const crashing = bus.consume({
          group: 'poison',
          consumer,
          handler: () => {
            calls += 1;
            called.resolve();
            return new Promise(() => {});
          },
        });
        if (consumer === 'a') void bus.publish(event!).catch(() => {}); // in-process: rejected at the crash
        await called.promise;
        await crashing.stop();
      }
      bus.consume({ group: 'poison', consumer: 'c', handler: async () => void (calls += 1) });
      await waitFor(() => deadLetters.length === 1, { message: 'dead letter' });
      await sleep(300);
      expect(calls).toBe(2);
      expect(deadLetters[0]!.event.id).toBe(event!.id);
      expect((deadLetters[0]!.error as Error).message).toBe('Not acknowledged after 2 deliveries');
    });

    it("hands a crashed consumer's pending event to another consumer of its group", async () => {
      const bus = open();
      const firstCall = deferred<string>();
      const completed: { consumer: string; id: string }[] = [];
      const consumers = new Map<string, { stop(): Promise<void> }>();
      let calls = 0;
      for (const consumer of ['a', 'b']) {
        const handler: EventHandler = async (event) => {
          calls += 1;
          if (calls === 1) {
            firstCall.resolve(consumer);
            await new Promise(() => {}); // hangs: its consumer is about to "crash"
          }
          completed.push({ consumer, id: event.id });
        };
        consumers.set(consumer, bus.consume({ group: 'crashy', consumer, handler }));
      }
      const [event] = makeEvents(1);
      const published = bus.publish(event!);
      const crashed = await firstCall.promise;
      await consumers.get(crashed)!.stop();
      await published;
      const survivor = crashed === 'a' ? 'b' : 'a';
      await waitFor(() => completed.length === 1, { message: 'redelivery to the survivor' });
      await sleep(400);
      expect(completed).toEqual([{ consumer: survivor, id: event!.id }]);
    });

    it('does not acknowledge for a consumer stopped mid-handler, even if its handler finishes later', async () => {
      const bus = open();
      const started = deferred<void>();
      let finish!: () => void;
      const first = bus.consume({
        group: 'restarting',
        consumer: 'c',
        handler: async () => {
          started.resolve();
          await new Promise<void>((resolve) => (finish = resolve));
        },
      });
      const [event] = makeEvents(1);
      const published = bus.publish(event!).catch((error: unknown) => error); // in-process: rejected, nobody left
      await started.promise;
      await first.stop();
      finish(); // completes after the "crash": must not count
      await published;
      await sleep(50);
      const handled: EventEnvelope[] = [];
      bus.consume({ group: 'restarting', consumer: 'c2', handler: recorder(handled) });
      await waitFor(() => handled.length === 1, { message: 'redelivery after restart' });
      expect(ids(handled)).toEqual([event!.id]);
    });

    it('lets a consumer that was down catch up on what it missed, without duplicates', async () => {
      const bus = open();
      const handled: EventEnvelope[] = [];
      const events = makeEvents(6);
      const consumer = bus.consume({ group: 'returning', consumer: 'c', handler: recorder(handled) });
      for (const event of events.slice(0, 3)) await bus.publish(event);
      await waitFor(() => handled.length === 3, { message: 'first deliveries' });
      await consumer.stop();
      for (const event of events.slice(3)) await bus.publish(event);
      await sleep(100);
      expect(handled).toHaveLength(3);
      bus.consume({ group: 'returning', consumer: 'c', handler: recorder(handled) });
      await waitFor(() => handled.length >= 6, { message: 'catch-up' });
      await sleep(400);
      expect(ids(handled)).toEqual(ids(events));
    });

    it('gives a group created later the retained history', async () => {
      const bus = open();
      const events = makeEvents(3);
      for (const event of events) await bus.publish(event);
      const handled: EventEnvelope[] = [];
      bus.consume({ group: 'latecomer', consumer: 'c', handler: recorder(handled) });
      await waitFor(() => handled.length === 3, { message: 'history' });
      expect(ids(handled)).toEqual(ids(events));
    });
  });

  liveAndLifecycleContract(name, factory);
}
