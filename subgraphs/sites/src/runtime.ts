import type { UsageMeter } from '@lattice/entitlements';
import type { ObjectStorage } from '@lattice/object-storage';
import type { Logger } from '@lattice/server-kit';
import type { CommitFeed } from '@lattice/subgraph-kit';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GenerationWorker } from './jobs/worker';
import type { GenerationNotice } from './live/generation-feed';
import type { PreviewSigner } from './service/preview-links';
import type { SiteModel } from './service/site-model';
import type { SitesSettings } from './service/settings';

/** Process-wide state of sites, built once by init. */
export interface SitesRuntime {
  settings: SitesSettings;
  orm: MikroORM;
  /** The model's text and images, through ai. */
  model: SiteModel;
  /** The plan's monthly site generations. */
  meter: UsageMeter;
  /** Generated images and archives (the storage media reads). */
  storage: ObjectStorage;
  /** Progress of generations, to subscribers on every replica. */
  feed: CommitFeed<GenerationNotice>;
  /** Runs this process's share of the queued generations. */
  worker: GenerationWorker;
  previews: PreviewSigner;
  log: Logger;
  /** The clock (tests move it). */
  now(): Date;
}
