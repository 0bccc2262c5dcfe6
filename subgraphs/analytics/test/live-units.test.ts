import { createInProcessBus } from '@lattice/events';
import { createLogger } from '@lattice/server-kit';
import { LiveStatsHub } from '../src/live/live-stats';
import { PlatformFeed } from '../src/live/platform-feed';
import { PushQueue } from '@lattice/subgraph-kit';
import { GatewayTraffic } from '../src/monitoring/gateway-traffic';
import { MetricRegistry } from '../src/metrics';

const log = createLogger('test', 'silent');

describe('PushQueue', () => {
  it('keeps the newest values when the reader is slow, and ends cleanly on return()', async () => {
    let closed = 0;
    const queue = new PushQueue<number>(2, () => (closed += 1));
    for (const value of [1, 2, 3, 4]) queue.push(value);
    expect(queue.dropped).toBe(2);
    expect(await queue.next()).toEqual({ value: 3, done: false });
    const pending = queue.next().then(() => queue.next());
    await queue.return();
    await queue.return();
    expect(await pending).toEqual({ value: undefined, done: true });
    expect(closed).toBe(1);
  });
});

describe('the live hubs forget clients that leave', () => {
  it('LiveStatsHub stops sampling once its last watcher leaves', async () => {
    let samples = 0;
    const hub = new LiveStatsHub(async () => ({ n: (samples += 1) }), 20, log);
    const watcher = hub.watch(1);
    expect((await watcher.next()).value.figures).toEqual({ n: 1 });
    await watcher.return!();
    expect(hub.watcherCount).toBe(0);
    const after = samples;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(samples).toBeLessThanOrEqual(after + 1);
  });

  it('PlatformFeed drops a subscriber when its iterator returns', async () => {
    const bus = createInProcessBus();
    const feed = new PlatformFeed(bus, log);
    const iterator = feed.subscribe(null);
    expect(feed.subscriberCount).toBe(1);
    await iterator.return!();
    expect(feed.subscriberCount).toBe(0);
    await bus.close();
  });
});

describe('GatewayTraffic', () => {
  it('sums instances within the window and forgets silent ones', async () => {
    let now = 0;
    const traffic = new GatewayTraffic(15_000, () => now);
    const message = (instance: string, requests: number, subscribers: number) => ({
      instance,
      at: new Date().toISOString(),
      intervalMs: 5000,
      subscribers,
      subgraphs: { identity: { requests, errors: 0, totalMs: requests * 4 } },
    });
    expect(traffic.record(message('a', 50, 7))).toBe(true);
    now = 5000;
    traffic.record(message('a', 50, 9));
    traffic.record(message('b', 100, 1));
    expect(traffic.record({ instance: 'c', subscribers: -1 })).toBe(false);
    let summary = traffic.summary();
    expect(summary).toMatchObject({ instances: 2, subscribers: 10 });
    // a: 100 requests over 10 s, b: 100 over 5 s
    expect(summary.subgraphs.get('identity')).toEqual({ requestRate: 30, errorRate: 0, averageLatencyMs: 4 });
    now = 19_000;
    summary = traffic.summary();
    expect(summary).toMatchObject({ instances: 2, subscribers: 10 });
    expect(summary.subgraphs.get('identity')!.requestRate).toBe(30); // a: 50 over 5 s + b: 100 over 5 s
    now = 30_000;
    expect(traffic.summary()).toMatchObject({ instances: 0, subscribers: 0 });
  });
});

describe('MetricRegistry', () => {
  it('refuses to keep the payload of a sensitive event, and counts to undeclared metrics', () => {
    expect(
      () =>
        new MetricRegistry([
          { domain: 'x', metrics: {}, events: { 'identity.password_reset_requested': { keep: ['email'] } } },
        ]),
    ).toThrow(/sensitive/);
    expect(
      () =>
        new MetricRegistry([
          {
            domain: 'x',
            metrics: {},
            events: { 'identity.user_logged_in': { counts: [{ metric: 'x.logins' }] } },
          },
        ]),
    ).toThrow(/undeclared/);
  });
});
