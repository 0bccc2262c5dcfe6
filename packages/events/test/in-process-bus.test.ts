import { createInProcessBus } from '../src/in-process-bus';
import { busContract } from './bus-contract';
import { makeEvents, sleep } from './helpers';

busContract('in-process', (options) => createInProcessBus(options));

describe('in-process bus durability', () => {
  it('resolves publish() only once every active group has handled the event', async () => {
    const bus = createInProcessBus();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    bus.consume({ group: 'slow', consumer: 'c', handler: () => gate });
    let resolved = false;
    const [event] = makeEvents(1);
    const published = bus.publish(event!).then(() => (resolved = true));
    await sleep(50);
    expect(resolved).toBe(false);
    release();
    await published;
    expect(resolved).toBe(true);
    await bus.close();
  });

  it('rejects publish() when the group stops before handling, so the outbox keeps the row', async () => {
    const bus = createInProcessBus();
    const consumer = bus.consume({ group: 'leaving', consumer: 'c', handler: () => new Promise(() => {}) });
    const [event] = makeEvents(1);
    const published = bus.publish(event!);
    await sleep(20);
    await consumer.stop();
    await expect(published).rejects.toThrow('Consumer group "leaving" stopped before handling the event');
    await bus.close();
  });
});
