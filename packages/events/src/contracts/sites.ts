import type { EventSpecs } from './define';

/** Events sites publishes: generations that ended ready (with their ZIP) or failed. */
export interface SitesEvents {
  /**
   * A version of a site is ready. Its ZIP waits in the shared object storage at
   * `archive.storageKey` for media to store it as the Media `archive.mediaId` (media consumes
   * this event).
   */
  'sites.site_generated': {
    version: 1;
    data: {
      siteId: string;
      versionId: string;
      userId: string;
      /** 1 for the first generation. */
      number: number;
      kind: 'SITE' | 'PAGE';
      style: string;
      pages: number;
      images: number;
      /** What the checks changed in the model's files. */
      repairs: number;
      tokens: number;
      simulated: boolean;
      /** From the job's first start to its end. */
      durationMs: number;
      archive: { mediaId: string; storageKey: string; filename: string; bytes: number; sha256: string };
    };
  };
  /** A generation failed (a cancelled one is not a failure). */
  'sites.generation_failed': {
    version: 1;
    data: {
      siteId: string;
      versionId: string;
      userId: string;
      kind: 'SITE' | 'PAGE';
      /** The step it failed in, null before the first. */
      step: string | null;
      reason: string;
      durationMs: number;
    };
  };
}

export const sitesEvents: EventSpecs<SitesEvents> = {
  'sites.site_generated': { version: 1 },
  'sites.generation_failed': { version: 1 },
};
