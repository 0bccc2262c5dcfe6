import { atLeast } from '../src/service/at-least';

const elapsedMs = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e6;

describe('atLeast', () => {
  it('answers with the result of quick work no sooner than the floor', async () => {
    const started = process.hrtime.bigint();
    await expect(atLeast(100, async () => 'done')).resolves.toBe('done');
    expect(elapsedMs(started)).toBeGreaterThanOrEqual(99);
  });

  it('fails with the error of quick work no sooner than the floor either', async () => {
    const started = process.hrtime.bigint();
    await expect(atLeast(100, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(elapsedMs(started)).toBeGreaterThanOrEqual(99);
  });
});
