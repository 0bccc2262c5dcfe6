import { currentRequest } from '@lattice/server-kit';

/**
 * Counts SQL statements sent while serving GraphQL requests (inside server-kit's request
 * scope; background work such as the outbox relay is left out), so tests can prove the
 * absence of N+1.
 */
export class SqlCounter {
  count = 0;
  reset(): void {
    this.count = 0;
  }
  /** Called for every statement; counts only those of a request. */
  observe(): void {
    if (currentRequest()) this.count += 1;
  }
}
