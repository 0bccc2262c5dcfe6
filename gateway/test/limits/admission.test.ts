import { setTimeout as sleep } from 'node:timers/promises';
import { AdaptiveConcurrency } from '../../src/limits/admission';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('AdaptiveConcurrency', () => {
  it('runs at most `min` operations at once while the process is busy, the others in arrival order', async () => {
    const admission = new AdaptiveConcurrency({ min: 2, intervalMs: 60_000 });
    const started: number[] = [];
    const gates = [0, 1, 2, 3].map(() => deferred());
    const runs = gates.map((gate, i) =>
      admission.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await sleep(5);
    expect(started).toEqual([0, 1]);
    expect(admission.queued).toBe(2);
    gates[1]!.resolve();
    await sleep(5);
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((gate) => gate.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect(admission.queued).toBe(0);
    admission.close();
  });

  it('lets more in when the event loop idles while operations wait (slow subgraphs)', async () => {
    const admission = new AdaptiveConcurrency({ min: 1, intervalMs: 10 });
    let running = 0;
    let most = 0;
    const runs = Array.from({ length: 20 }, () =>
      admission.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await sleep(50); // waiting on I/O: the event loop is idle
        running -= 1;
      }),
    );
    await Promise.all(runs);
    expect(most).toBeGreaterThan(4);
    admission.close();
  });

  it('still settles an operation that fails, and frees its slot', async () => {
    const admission = new AdaptiveConcurrency({ min: 1, intervalMs: 60_000 });
    await expect(admission.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(admission.run(async () => 'next')).resolves.toBe('next');
    admission.close();
  });
});
