import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export class CannedResponse {
  [OptionalProps]?: 'id' | 'createdAt' | 'updatedAt';
  id: string = randomUUID();
  shortcut!: string;
  title!: string;
  body!: string;
  createdBy!: string;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const CannedResponseSchema = new EntitySchema<CannedResponse>({
  class: CannedResponse,
  tableName: 'canned_response',
  uniques: [{ properties: ['shortcut'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    shortcut: { type: 'string', length: 50 },
    title: { type: 'string', length: 200 },
    body: { type: 'text' },
    createdBy: { type: 'uuid' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
