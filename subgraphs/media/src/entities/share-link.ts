import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/**
 * A link that lets anyone download one media until it expires or is revoked. Its token is
 * derived from the id with the service's key (service/signing.ts), so nothing secret is stored.
 */
export class ShareLink {
  [OptionalProps]?: 'id' | 'createdAt' | 'revokedAt' | 'downloads';
  id: string = randomUUID();
  mediaId!: string;
  ownerId!: string;
  expiresAt!: Date;
  revokedAt: Date | null = null;
  downloads: number = 0;
  createdAt: Date = new Date();
}

export const ShareLinkSchema = new EntitySchema<ShareLink>({
  class: ShareLink,
  tableName: 'share_link',
  indexes: [{ properties: ['mediaId', 'createdAt', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    mediaId: { type: 'uuid' },
    ownerId: { type: 'uuid' },
    expiresAt: { type: 'datetime' },
    revokedAt: { type: 'datetime', nullable: true },
    downloads: { type: 'integer', default: 0 },
    createdAt: { type: 'datetime' },
  },
});
