import { createRateLimiter, type RateLimiter } from '../src';
import { deleteRedisKeys, itWithRedis, testRedisUrl, uniqueRedisPrefix } from '@lattice/testkit';

const redisUrl = testRedisUrl();
const prefix = uniqueRedisPrefix('rate');
const kinds: Array<[string, () => RateLimiter]> = [['in-process', () => createRateLimiter({})]];
if (redisUrl) kinds.push(['redis', () => createRateLimiter({ redisUrl, prefix })]);
afterAll(() => (redisUrl ? deleteRedisKeys(redisUrl, prefix) : undefined));

describe.each(kinds)('rate limiter (%s)', (_kind, create) => {
  let limiter: RateLimiter;
  beforeEach(() => {
    limiter = create();
  });
  afterEach(() => limiter.close());

  it('allows `limit` hits per window, then refuses with the seconds left', async () => {
    const rule = { limit: 3, windowSeconds: 30 };
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await limiter.hit('k1', rule));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false]);
    expect(answers[3]!.retryAfter).toBeGreaterThan(0);
    expect(answers[3]!.retryAfter).toBeLessThanOrEqual(30);
    expect((await limiter.check('k1', rule)).allowed).toBe(false);
    expect((await limiter.check('other', rule)).allowed).toBe(true);
  });

  it('forgets a key on reset and when its window ends', async () => {
    const rule = { limit: 1, windowSeconds: 1 };
    await limiter.hit('k2', rule);
    expect((await limiter.check('k2', rule)).allowed).toBe(false);
    await limiter.reset('k2');
    expect((await limiter.check('k2', rule)).allowed).toBe(true);
    await limiter.hit('k2', rule);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await limiter.check('k2', rule)).allowed).toBe(true);
  });
});

itWithRedis('shares counts between two limiters on one Redis', async () => {
  const [a, b] = [createRateLimiter({ redisUrl, prefix }), createRateLimiter({ redisUrl, prefix })];
  const rule = { limit: 2, windowSeconds: 30 };
  await a.hit('shared', rule);
  await b.hit('shared', rule);
  expect((await a.check('shared', rule)).allowed).toBe(false);
  await Promise.all([a.close(), b.close()]);
});
