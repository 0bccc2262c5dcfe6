import { randomUUID } from 'node:crypto';
import { BigIntType, EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** An image generated for a user; its bytes are media's (`mediaId`), stored from ai's event. */
export class GeneratedImage {
  [OptionalProps]?: 'id' | 'style' | 'createdAt' | 'deletedAt';
  id: string = randomUUID();
  ownerId!: string;
  prompt!: string;
  size!: string;
  style: string | null = null;
  provider!: string;
  model!: string;
  mediaId!: string;
  /** US dollars in picodollars (10⁻¹² USD), exact. */
  costPicos!: number;
  createdAt: Date = new Date();
  deletedAt: Date | null = null;
}

export const GeneratedImageSchema = new EntitySchema<GeneratedImage>({
  class: GeneratedImage,
  tableName: 'generated_image',
  indexes: [{ properties: ['ownerId', 'createdAt', 'id'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    ownerId: { type: 'uuid' },
    prompt: { type: 'text' },
    size: { type: 'string', length: 16 },
    style: { type: 'string', length: 32, nullable: true },
    provider: { type: 'string', length: 64 },
    model: { type: 'string', length: 100 },
    mediaId: { type: 'uuid' },
    costPicos: { type: new BigIntType('number') },
    createdAt: { type: 'datetime' },
    deletedAt: { type: 'datetime', nullable: true },
  },
});
