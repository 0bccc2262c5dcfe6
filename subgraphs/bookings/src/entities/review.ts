import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A review of a gym after an attended session: one per booking. */
export class Review {
  [OptionalProps]?: 'id' | 'text' | 'pictureId' | 'createdAt';
  id: string = randomUUID();
  bookingId!: string;
  gymId!: string;
  userId!: string;
  rating!: number;
  text: string | null = null;
  pictureId: string | null = null;
  createdAt: Date = new Date();
}

export const ReviewSchema = new EntitySchema<Review>({
  class: Review,
  tableName: 'review',
  indexes: [{ properties: ['gymId', 'createdAt', 'id'] }, { properties: ['userId'] }],
  uniques: [{ properties: ['bookingId'] }],
  checks: [{ name: 'review_rating_check', expression: 'rating >= 1 and rating <= 5' }],
  properties: {
    id: { type: 'uuid', primary: true },
    bookingId: { type: 'uuid' },
    gymId: { type: 'uuid' },
    userId: { type: 'uuid' },
    rating: { type: 'smallint' },
    text: { type: 'string', length: 2000, nullable: true },
    pictureId: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime' },
  },
});
