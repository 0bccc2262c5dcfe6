import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/**
 * What social knows of a user: their name (from accounts' profile, for search) and their
 * relation counts, kept exact with each change (a follow adds one in the same transaction).
 */
export class Person {
  [OptionalProps]?: 'displayName' | 'friendCount' | 'followerCount' | 'followingCount' | 'updatedAt';
  userId!: string;
  displayName: string | null = null;
  friendCount: number = 0;
  followerCount: number = 0;
  followingCount: number = 0;
  updatedAt: Date = new Date();
}

export const PersonSchema = new EntitySchema<Person>({
  class: Person,
  tableName: 'person',
  indexes: [
    {
      name: 'person_name_index',
      expression: `create index "person_name_index" on "social"."person" using gin (to_tsvector('simple', coalesce("display_name", '')))`,
    },
  ],
  checks: [
    {
      name: 'person_counts_check',
      expression: 'friend_count >= 0 and follower_count >= 0 and following_count >= 0',
    },
  ],
  properties: {
    userId: { type: 'uuid', primary: true },
    displayName: { type: 'string', length: 200, nullable: true },
    friendCount: { type: 'integer' },
    followerCount: { type: 'integer' },
    followingCount: { type: 'integer' },
    updatedAt: { type: 'datetime' },
  },
});
