import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type GymStatus = 'OPEN' | 'TEMPORARILY_CLOSED' | 'HIDDEN';

/** One opening interval of an ISO weekday, in the gym's local time (`HH:MM`). */
export interface OpeningInterval {
  weekday: number;
  opens: string;
  closes: string;
}

/**
 * A gym. Its coordinates are indexed for geo search (`ll_to_earth`, GiST) and its name and
 * address for text search (a generated tsvector, GIN): both in the migration.
 */
export class Gym {
  [OptionalProps]?:
    | 'id'
    | 'status'
    | 'description'
    | 'requiresInduction'
    | 'cancellationWindowMinutes'
    | 'openingHours'
    | 'pictureIds'
    | 'ratingSum'
    | 'reviewCount'
    | 'createdAt';
  id: string = randomUUID();
  name!: string;
  address!: string;
  latitude!: number;
  longitude!: number;
  timeZone!: string;
  status: GymStatus = 'OPEN';
  description: string | null = null;
  requiresInduction: boolean = false;
  cancellationWindowMinutes: number = 720;
  openingHours: OpeningInterval[] = [];
  /** Media ids, in display order. */
  pictureIds: string[] = [];
  /** Sum and count of review ratings, kept with each review: the average needs no scan. */
  ratingSum: number = 0;
  reviewCount: number = 0;
  createdBy!: string;
  createdAt: Date = new Date();
}

export const GymSchema = new EntitySchema<Gym>({
  class: Gym,
  tableName: 'gym',
  indexes: [
    { properties: ['name', 'id'] },
    {
      name: 'gym_location_index',
      expression:
        'create index "gym_location_index" on "bookings"."gym" using gist (ll_to_earth("latitude", "longitude"))',
    },
    {
      name: 'gym_text_index',
      expression: `create index "gym_text_index" on "bookings"."gym" using gin (to_tsvector('simple', "name" || ' ' || "address"))`,
    },
  ],
  // Coordinates are checked by the API (a float's check constraint would not round-trip
  // through the migration generator's comparison).
  checks: [{ name: 'gym_rating_check', expression: 'rating_sum >= 0 and review_count >= 0' }],
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'string', length: 200 },
    address: { type: 'string', length: 500 },
    latitude: { type: 'double' },
    longitude: { type: 'double' },
    timeZone: { type: 'string', length: 64 },
    status: { type: 'string', length: 20 },
    description: { type: 'text', nullable: true },
    requiresInduction: { type: 'boolean' },
    cancellationWindowMinutes: { type: 'integer' },
    openingHours: { type: 'json' },
    pictureIds: { type: 'json' },
    ratingSum: { type: 'integer' },
    reviewCount: { type: 'integer' },
    createdBy: { type: 'uuid' },
    createdAt: { type: 'datetime' },
  },
});
