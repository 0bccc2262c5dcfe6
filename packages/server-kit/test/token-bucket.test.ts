import { deleteRedisKeys, testRedisUrl, uniqueRedisPrefix } from '@lattice/testkit';
import { createTokenBuckets, type TokenBuckets } from '../src';

const redisUrl = testRedisUrl();
const prefix = uniqueRedisPrefix('bucket');
const kinds: Array<[string, () => TokenBuckets]> = [['in-process', () => createTokenBuckets({})]];
if (redisUrl) kinds.push(['redis', () => createTokenBuckets({ redisUrl, prefix })]);
afterAll(() => (redisUrl ? deleteRedisKeys(redisUrl, prefix) : undefined));

describe.each(kinds)('token buckets (%s)', (_kind, create) => {
  let buckets: TokenBuckets;
  beforeEach(() => {
    buckets = create();
  });
  afterEach(() => buckets.close());

  it('allows a burst, refuses when empty with the wait, and refills at the rate', async () => {
    const rule = { ratePerSecond: 5, burst: 3 };
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await buckets.take('a', rule));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false]);
    expect(answers.map((a) => a.remaining)).toEqual([2, 1, 0, 0]);
    expect(answers[3]!.retryAfter).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 450)); // 5/s → 2 tokens
    expect((await buckets.take('a', rule)).allowed).toBe(true);
    expect((await buckets.take('b', rule)).remaining).toBe(2);
  });
});
