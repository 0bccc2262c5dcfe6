import type { Logger } from '@lattice/server-kit';
import type { CommitFeed } from '@lattice/subgraph-kit';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { TicketChange } from './live/ticket-activity';
import type { SupportSettings } from './service/settings';

/** Process-wide state of support, built once by init. */
export interface SupportRuntime {
  settings: SupportSettings;
  /** Committed changes of tickets, to their live subscribers on every replica. */
  feed: CommitFeed<TicketChange>;
  orm: MikroORM;
  log: Logger;
  /** The clock (tests move it). */
  now(): Date;
  close(): Promise<void>;
}
