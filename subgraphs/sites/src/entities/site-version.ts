import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type VersionKind = 'SITE' | 'PAGE';
export type GenerationStatus = 'QUEUED' | 'RUNNING' | 'READY' | 'FAILED' | 'CANCELLED';
export type GenerationStep = 'PLAN' | 'STYLES' | 'PAGES' | 'IMAGES' | 'PACKAGE';

export const FINISHED: readonly GenerationStatus[] = ['READY', 'FAILED', 'CANCELLED'];

/** A page the plan names: its file, title and what it is for. */
export interface PlannedPage {
  path: string;
  title: string;
  purpose: string;
}

/** An image the plan names: its file in the site, what to draw, its alternative text. */
export interface PlannedImage {
  path: string;
  prompt: string;
  alt: string;
}

export interface SitePlan {
  title: string;
  description: string;
  pages: PlannedPage[];
  images: PlannedImage[];
}

export interface StoredRepair {
  path: string;
  kind: string;
  detail: string;
}

/**
 * One generation of a site, and the job that makes it: a worker holds its lease while running
 * it (`leaseOwner` until `leaseUntil`, renewed), and each step's output is stored as it is
 * made, so a job whose worker died is taken up again by another and goes on from there.
 */
export class SiteVersion {
  [OptionalProps]?:
    | 'id'
    | 'status'
    | 'step'
    | 'plan'
    | 'repairs'
    | 'tokens'
    | 'simulated'
    | 'attempts'
    | 'cancelRequested'
    | 'lastSequence'
    | 'createdAt';
  id: string = randomUUID();
  siteId!: string;
  ownerId!: string;
  number!: number;
  kind!: VersionKind;
  /** For a PAGE version: the page written again; the other files come from `basedOnId`. */
  pagePath: string | null = null;
  basedOnId: string | null = null;
  instructions: string | null = null;
  status: GenerationStatus = 'QUEUED';
  step: GenerationStep | null = null;
  plan: SitePlan | null = null;
  repairs: StoredRepair[] = [];
  tokens = 0;
  simulated = false;
  error: string | null = null;
  archiveMediaId: string | null = null;
  attempts = 0;
  leaseOwner: string | null = null;
  leaseUntil: Date | null = null;
  cancelRequested = false;
  lastSequence = 0;
  createdAt: Date = new Date();
  startedAt: Date | null = null;
  completedAt: Date | null = null;
}

export const SiteVersionSchema = new EntitySchema<SiteVersion>({
  class: SiteVersion,
  tableName: 'site_version',
  indexes: [
    // The workers' queue: jobs to start, and running ones whose lease may have lapsed.
    { properties: ['status', 'leaseUntil'] },
  ],
  uniques: [{ properties: ['siteId', 'number'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    siteId: { type: 'uuid' },
    ownerId: { type: 'uuid' },
    number: { type: 'integer' },
    kind: { type: 'string', length: 8 },
    pagePath: { type: 'string', length: 64, nullable: true },
    basedOnId: { type: 'uuid', nullable: true },
    instructions: { type: 'text', nullable: true },
    status: { type: 'string', length: 12 },
    step: { type: 'string', length: 12, nullable: true },
    plan: { type: 'json', nullable: true },
    repairs: { type: 'json' },
    tokens: { type: 'integer', default: 0 },
    simulated: { type: 'boolean', default: false },
    error: { type: 'text', nullable: true },
    archiveMediaId: { type: 'uuid', nullable: true },
    attempts: { type: 'integer', default: 0 },
    leaseOwner: { type: 'string', length: 64, nullable: true },
    leaseUntil: { type: 'datetime', nullable: true },
    cancelRequested: { type: 'boolean', default: false },
    lastSequence: { type: 'integer', default: 0 },
    createdAt: { type: 'datetime' },
    startedAt: { type: 'datetime', nullable: true },
    completedAt: { type: 'datetime', nullable: true },
  },
});
