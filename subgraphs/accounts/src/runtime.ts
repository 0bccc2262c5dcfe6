import type { Logger } from '@lattice/server-kit';
import type { InternalClient } from '@lattice/subgraph-kit';

/** accounts' process-wide state. */
export interface AccountsRuntime {
  /** For consumers, which have no request. */
  log: Logger;
  /** media's internal interface: whether a logo is one of the user's images. */
  media: InternalClient;
}
