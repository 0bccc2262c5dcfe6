import { startPeriodic } from '../src/periodic';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('startPeriodic', () => {
  it('runs the task repeatedly, never two passes at once', async () => {
    let active = 0;
    let overlapped = false;
    let passes = 0;
    const stop = startPeriodic(
      async () => {
        active += 1;
        if (active > 1) overlapped = true;
        await sleep(25);
        active -= 1;
        passes += 1;
      },
      5,
      () => undefined,
    );
    await sleep(150);
    await stop();
    expect(passes).toBeGreaterThan(1);
    expect(overlapped).toBe(false);
  });

  it('reports a failed pass and keeps running', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const stop = startPeriodic(
      async () => {
        calls += 1;
        if (calls === 1) throw new Error('database gone');
      },
      5,
      (error) => errors.push(error),
    );
    await sleep(60);
    await stop();
    expect(errors).toEqual([new Error('database gone')]);
    expect(calls).toBeGreaterThan(1);
  });

  it('waits for the running pass when stopped, and runs no more', async () => {
    let finished = false;
    let started = 0;
    const stop = startPeriodic(
      async () => {
        started += 1;
        await sleep(40);
        finished = true;
      },
      5,
      () => undefined,
    );
    await sleep(15);
    await stop();
    expect(finished).toBe(true);
    const startedAtStop = started;
    await sleep(30);
    expect(started).toBe(startedAtStop);
  });
});
