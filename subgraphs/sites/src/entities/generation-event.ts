import { EntitySchema } from '@mikro-orm/postgresql';
import type { GenerationStatus, GenerationStep } from './site-version';

/** A step of a version's generation starting, progressing or ending, numbered in order. */
export class GenerationEvent {
  versionId!: string;
  sequence!: number;
  siteId!: string;
  step!: GenerationStep | null;
  status!: GenerationStatus;
  done!: number;
  total!: number;
  message!: string;
  at: Date = new Date();
}

export const GenerationEventSchema = new EntitySchema<GenerationEvent>({
  class: GenerationEvent,
  tableName: 'generation_event',
  properties: {
    versionId: { type: 'uuid', primary: true },
    sequence: { type: 'integer', primary: true },
    siteId: { type: 'uuid' },
    step: { type: 'string', length: 12, nullable: true },
    status: { type: 'string', length: 12 },
    done: { type: 'integer' },
    total: { type: 'integer' },
    message: { type: 'string', length: 500 },
    at: { type: 'datetime' },
  },
});
