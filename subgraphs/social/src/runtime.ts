import type { Logger } from '@lattice/server-kit';
import type { CommitFeed } from '@lattice/subgraph-kit';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FeedUpdate } from './live/feed-updates';
import type { SocialSettings } from './service/settings';

/** Process-wide state of social, built once by init. */
export interface SocialRuntime {
  settings: SocialSettings;
  /** New activities, to live subscribers on every replica. */
  live: CommitFeed<FeedUpdate>;
  orm: MikroORM;
  log: Logger;
  /** The clock (tests move it). */
  now(): Date;
  close(): Promise<void>;
}
