import type { EventType } from '../src/contracts';
import { createEvent, type EventEnvelope } from '../src/envelope';

/** `count` distinct events; `type` overrides the (only) contract type to test filtering. */
export function makeEvents(count: number, type?: string): EventEnvelope[] {
  return Array.from({ length: count }, (_, i) => {
    const event = createEvent('identity.user_registered', {
      actor: null,
      subject: `user-${i}`,
      data: { userId: `user-${i}`, email: `user-${i}@example.test`, role: 'member' },
    });
    return type ? { ...event, type: type as EventType } : event;
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Active handles (sockets, timers...) by kind, to check that nothing outlives close(). */
export function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** Kinds whose count grew since `before`; empty when nothing was left open. */
export function leakedResources(before: Map<string, number>): string[] {
  return [...activeResources()]
    .filter(([kind, count]) => count > (before.get(kind) ?? 0))
    .map(([kind]) => kind);
}
