import type { UsageMeter } from '@lattice/entitlements';
import type { ObjectStorage } from '@lattice/object-storage';
import type { Logger } from '@lattice/server-kit';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { MediaSettings } from './service/settings';
import type { UrlSigner } from './service/signing';

/** Process-wide state of media, built once by init. */
export interface MediaRuntime {
  settings: MediaSettings;
  storage: ObjectStorage;
  signer: UrlSigner;
  meter: UsageMeter;
  orm: MikroORM;
  log: Logger;
  /** The clock (tests move it). */
  now(): Date;
  /** Stops the janitor and closes the storage. */
  close(): Promise<void>;
}
