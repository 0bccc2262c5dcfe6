import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/**
 * A user in a named audience (`support-agents`), as events of other domains say. `user:<id>`
 * audiences have no rows: that user alone is in one.
 */
export class AudienceMember {
  [OptionalProps]?: 'createdAt';
  audience!: string;
  userId!: string;
  createdAt: Date = new Date();
}

export const AudienceMemberSchema = new EntitySchema<AudienceMember>({
  class: AudienceMember,
  tableName: 'audience_member',
  indexes: [{ properties: ['userId'] }],
  properties: {
    audience: { type: 'string', length: 100, primary: true },
    userId: { type: 'uuid', primary: true },
    createdAt: { type: 'datetime' },
  },
});
