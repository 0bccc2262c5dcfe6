import { waitFor } from '@lattice/testkit';
import type { EventEnvelope } from '../src/envelope';
import { type BusFactory, busHarness } from './bus-harness';
import { activeResources, leakedResources, makeEvents, sleep } from './helpers';

/** Live fan-out, readiness and shutdown: the part of the contract that is not delivery. */
export function liveAndLifecycleContract(name: string, factory: BusFactory): void {
  describe(`${name} bus contract: live fan-out and lifecycle`, () => {
    const { open } = busHarness(factory);

    it('broadcasts to every listener of a channel, and stops after unlisten', async () => {
      const bus = open();
      const [one, two, elsewhere]: unknown[][] = [[], [], []];
      const unlistenOne = await bus.listen('room', (message) => one!.push(message));
      await bus.listen('room', (message) => two!.push(message));
      await bus.listen('other-room', (message) => elsewhere!.push(message));
      await bus.broadcast('room', { n: 1, at: new Date('2024-01-01T00:00:00Z') });
      await waitFor(() => one!.length === 1 && two!.length === 1, { message: 'first broadcast' });
      expect(one).toEqual([{ n: 1, at: '2024-01-01T00:00:00.000Z' }]);
      await unlistenOne();
      await unlistenOne(); // harmless twice
      await bus.broadcast('room', { n: 2 });
      await waitFor(() => two!.length === 2, { message: 'second broadcast' });
      await sleep(100);
      expect(one).toHaveLength(1);
      expect(two).toEqual([{ n: 1, at: '2024-01-01T00:00:00.000Z' }, { n: 2 }]);
      expect(elsewhere).toEqual([]);
    });

    it('answers ping while open and refuses it once closed', async () => {
      const bus = open();
      await expect(bus.ping()).resolves.toBeUndefined();
      await bus.close();
      await expect(bus.ping()).rejects.toThrow();
    });

    it('leaves no open handles after close()', async () => {
      await sleep(300); // sockets of the previous test's buses finish closing
      const before = activeResources();
      const bus = open();
      const handled: EventEnvelope[] = [];
      bus.consume({
        group: 'closing',
        consumer: 'c',
        handler: async (event: EventEnvelope) => void handled.push(event),
      });
      bus.consume({ group: 'closing-hung', consumer: 'c', handler: () => new Promise(() => {}) });
      await bus.listen('room', () => {});
      const [event] = makeEvents(1);
      void bus.publish(event!).catch(() => {}); // the hung group never acknowledges it
      await waitFor(() => handled.length === 1, { message: 'delivery' });
      await bus.close();
      // Within a second: jest warns that it "did not exit" when anything lasts longer.
      await waitFor(() => leakedResources(before).length === 0, {
        message: 'handles to close',
        timeoutMs: 1000,
      });
    });
  });
}
