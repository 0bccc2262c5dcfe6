import { deleteRedisKeys, testRedisUrl, uniqueRedisPrefix } from '@lattice/testkit';
import { createExpiringSet, type ExpiringSet } from '../src';

const redisUrl = testRedisUrl();
const prefix = uniqueRedisPrefix('expiring');
const kinds: Array<[string, () => ExpiringSet]> = [['in-process', () => createExpiringSet({ key: 'k' })]];
if (redisUrl) kinds.push(['redis', () => createExpiringSet({ redisUrl, key: `${prefix}:set` })]);
afterAll(() => (redisUrl ? deleteRedisKeys(redisUrl, prefix) : undefined));

describe.each(kinds)('expiring set (%s)', (_kind, create) => {
  let set: ExpiringSet;
  beforeEach(() => {
    set = create();
  });
  afterEach(() => set.close());

  it('keeps each member until its own expiry; adding again moves the expiry', async () => {
    const now = Date.now();
    // Margins of a second: a loaded CI machine may take a while between two Redis calls.
    await set.add('short', now + 1_500);
    await set.add('long', now + 60_000);
    await set.add('gone', now - 1);
    expect((await set.members()).sort()).toEqual(['long', 'short']);
    await set.add('short', now + 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    expect((await set.members()).sort()).toEqual(['long', 'short']);
    await set.add('short', Date.now() + 50);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await set.members()).toEqual(['long']);
  });
});
