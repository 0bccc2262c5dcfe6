import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Marks the async work of serving GraphQL requests, so SQL statements can be attributed to
 * requests (and background work such as the outbox relay left out of the count).
 */
export const requestScope = new AsyncLocalStorage<true>();

/** Counts SQL statements sent while serving requests, so tests can prove the absence of N+1. */
export class SqlCounter {
  count = 0;
  reset(): void {
    this.count = 0;
  }
  /** Called for every statement; counts only those inside a request scope. */
  observe(): void {
    if (requestScope.getStore()) this.count += 1;
  }
}
