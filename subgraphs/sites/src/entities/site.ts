import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type SiteStyle = 'MODERN' | 'MINIMAL' | 'CLASSIC' | 'PLAYFUL' | 'CORPORATE' | 'ELEGANT';

/** What the user asked for besides the description. */
export interface SiteOptions {
  pages: number;
  colorScheme: string | null;
  language: string;
  images: number;
  allowScripts: boolean;
}

/** A website of one user: its description and options; its content is in its versions. */
export class Site {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt' | 'versionCount' | 'named';
  id: string = randomUUID();
  ownerId!: string;
  name!: string;
  /** Whether the user named it; until then the plan's title names it. */
  named = false;
  prompt!: string;
  style!: SiteStyle;
  options!: SiteOptions;
  /** The highest version number given (numbers are taken under the site's row lock). */
  versionCount = 0;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const SiteSchema = new EntitySchema<Site>({
  class: Site,
  tableName: 'site',
  // Keyset pagination of one owner's sites, newest first.
  indexes: [{ properties: ['ownerId', 'createdAt', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    ownerId: { type: 'uuid' },
    name: { type: 'string', length: 120 },
    named: { type: 'boolean', default: false },
    prompt: { type: 'text' },
    style: { type: 'string', length: 16 },
    options: { type: 'json' },
    versionCount: { type: 'integer', default: 0 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime', onUpdate: () => new Date() },
  },
});
