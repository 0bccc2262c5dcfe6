import { setTimeout as sleep } from 'node:timers/promises';
import { deleteRedisKeys, testRedisUrl, uniqueRedisPrefix } from '@lattice/testkit';
import { createFailureCounters, type FailureCounters } from '../src/service/throttle/failure-counters';

const redisUrl = testRedisUrl();
const prefix = uniqueRedisPrefix('login-failures');
const kinds: Array<[string, () => FailureCounters]> = [
  ['in-process', () => createFailureCounters({ prefix })],
];
if (redisUrl) kinds.push(['redis', () => createFailureCounters({ redisUrl, prefix })]);
afterAll(() => (redisUrl ? deleteRedisKeys(redisUrl, prefix) : undefined));

const rule = { free: 3, firstLockMs: 300, maxLockMs: 1_000, memoryMs: 60_000 };
let sequence = 0;
const newKey = () => `k${(sequence += 1)}`;

describe.each(kinds)('failure counters (%s)', (_kind, create) => {
  let counters: FailureCounters;
  beforeEach(() => {
    counters = create();
  });
  afterEach(() => counters.close());

  it('lets exactly `free` of many concurrent attempts through', async () => {
    const key = newKey();
    const waits = await Promise.all(Array.from({ length: 20 }, () => counters.reserve([{ key, rule }])));
    expect(waits.filter((wait) => wait === 0)).toHaveLength(3);
    for (const wait of waits.filter((w) => w > 0)) expect(wait).toBeLessThanOrEqual(300);
  });

  it('locks longer after each further failure, up to the maximum', async () => {
    const key = newKey();
    for (let i = 0; i < 3; i += 1) expect(await counters.reserve([{ key, rule }])).toBe(0);
    const locks: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const wait = await counters.reserve([{ key, rule }]);
      locks.push(wait);
      await sleep(wait + 20);
      expect(await counters.reserve([{ key, rule }])).toBe(0);
    }
    const last = await counters.reserve([{ key, rule }]);
    // 300 ms, then 600, 1200 capped at 1000: each answered just after the failure that set it.
    expect(locks[0]).toBeGreaterThan(200);
    expect(locks[0]).toBeLessThanOrEqual(300);
    expect(locks[1]).toBeGreaterThan(300);
    expect(locks[1]).toBeLessThanOrEqual(600);
    expect(locks[2]).toBeGreaterThan(600);
    expect(last).toBeGreaterThan(600);
    expect(last).toBeLessThanOrEqual(1_000);
  });

  it('counts every key at once, or none while any is locked', async () => {
    const [locked, open] = [newKey(), newKey()];
    for (let i = 0; i < 3; i += 1) await counters.reserve([{ key: locked, rule }]);
    expect(
      await counters.reserve([
        { key: open, rule },
        { key: locked, rule },
      ]),
    ).toBeGreaterThan(0);
    // `open` was not counted by the refused attempt: three more pass.
    for (let i = 0; i < 3; i += 1) expect(await counters.reserve([{ key: open, rule }])).toBe(0);
    expect(await counters.reserve([{ key: open, rule }])).toBeGreaterThan(0);
  });

  it('takes back one attempt on release, and everything on forget', async () => {
    const [released, forgotten] = [newKey(), newKey()];
    for (let i = 0; i < 3; i += 1) await counters.reserve([{ key: released, rule }]);
    await counters.release(released);
    expect(await counters.reserve([{ key: released, rule }])).toBe(0);
    expect(await counters.reserve([{ key: released, rule }])).toBeGreaterThan(0);

    for (let i = 0; i < 3; i += 1) await counters.reserve([{ key: forgotten, rule }]);
    await counters.forget(forgotten);
    for (let i = 0; i < 3; i += 1) expect(await counters.reserve([{ key: forgotten, rule }])).toBe(0);
  });

  it('forgets failures once the memory has passed after the lock', async () => {
    const key = newKey();
    const short = { ...rule, memoryMs: 200 };
    for (let i = 0; i < 3; i += 1) await counters.reserve([{ key, rule: short }]);
    await sleep(300 + 200 + 50);
    for (let i = 0; i < 3; i += 1) expect(await counters.reserve([{ key, rule: short }])).toBe(0);
  });
});
