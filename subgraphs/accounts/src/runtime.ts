import type { Logger } from '@lattice/server-kit';

/** accounts' process-wide state: only its logger (for consumers, which have no request). */
export interface AccountsRuntime {
  log: Logger;
}
