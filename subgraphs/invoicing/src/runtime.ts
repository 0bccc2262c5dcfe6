import type { ObjectStorage } from '@lattice/object-storage';
import type { Logger } from '@lattice/server-kit';
import type { BusinessContextSource } from './service/business-context';
import type { DraftModel } from './service/draft-model';
import type { MediaFiles } from './service/media-files';
import type { InvoicingSettings } from './service/settings';
import type { VoiceNotes } from './service/voice-notes';

/** Process-wide state of invoicing, built once by init. */
export interface InvoicingRuntime {
  settings: InvoicingSettings;
  /** The model that drafts (ai's structured completions). */
  model: DraftModel;
  /** The user's company, currency, frequent clients and services (accounts). */
  businessContext: BusinessContextSource;
  /** media's descriptions of the user's files (voice notes, the logo). */
  files: MediaFiles;
  /** Voice notes transcribed (media's files, ai's transcription). */
  voiceNotes: VoiceNotes;
  /** Where issued PDFs wait for media (the storage media reads). */
  storage: ObjectStorage;
  log: Logger;
  /** Today's date and the clock (tests move it). */
  now(): Date;
}
