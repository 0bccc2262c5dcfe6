import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `work` and settles no sooner than `ms` after it started, with its result or its error:
 * what it did, or failed to do, does not show in how long the answer took.
 */
export async function atLeast<T>(ms: number, work: () => Promise<T>): Promise<T> {
  const floor = sleep(ms);
  const [outcome] = await Promise.allSettled([work()]);
  await floor;
  if (outcome.status === 'rejected') throw outcome.reason;
  return outcome.value;
}
