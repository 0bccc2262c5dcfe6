import type { Logger } from '@lattice/server-kit';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Credits } from './service/credits';
import type { BookingsSettings } from './service/settings';

/** Process-wide state of bookings, built once by init. */
export interface BookingsRuntime {
  settings: BookingsSettings;
  /** Billing's credit holds, through its internal interface. */
  credits: Credits;
  orm: MikroORM;
  log: Logger;
  /** The clock (tests move it). */
  now(): Date;
  close(): Promise<void>;
}
