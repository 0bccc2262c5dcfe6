import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';
import type { TicketPriority, TicketStatus } from '@lattice/events';

export type { TicketPriority, TicketStatus };

/** Statuses in which a ticket is being worked on (they count against an agent's capacity). */
export const ACTIVE: TicketStatus[] = ['OPEN', 'PENDING'];

/**
 * A problem a user reported. Its SLA due times are stored (they are filtered and sorted on):
 * the resolution one moves later by the time the ticket waited on its author (`pausedSeconds`).
 */
export class Ticket {
  [OptionalProps]?:
    | 'id'
    | 'number'
    | 'status'
    | 'priority'
    | 'assigneeId'
    | 'firstRespondedAt'
    | 'firstResponseBreachedAt'
    | 'resolutionBreachedAt'
    | 'pausedSince'
    | 'pausedSeconds'
    | 'resolvedAt'
    | 'closedAt'
    | 'rating'
    | 'ratingComment'
    | 'ratedAt'
    | 'mergedIntoId'
    | 'createdAt'
    | 'updatedAt';
  id: string = randomUUID();
  /** Given by the database, in order of opening. */
  number!: number;
  authorId!: string;
  title!: string;
  description!: string;
  category!: string;
  priority: TicketPriority = 'NORMAL';
  status: TicketStatus = 'OPEN';
  assigneeId: string | null = null;
  firstResponseDueAt!: Date;
  resolutionDueAt!: Date;
  firstRespondedAt: Date | null = null;
  /** When a missed target was found (each is announced once). */
  firstResponseBreachedAt: Date | null = null;
  resolutionBreachedAt: Date | null = null;
  /** Since when the resolution clock is stopped (PENDING or RESOLVED: waiting on the author). */
  pausedSince: Date | null = null;
  pausedSeconds: number = 0;
  resolvedAt: Date | null = null;
  closedAt: Date | null = null;
  rating: number | null = null;
  ratingComment: string | null = null;
  ratedAt: Date | null = null;
  /** The ticket this duplicate was merged into (it is CLOSED). */
  mergedIntoId: string | null = null;
  createdAt: Date = new Date();
  updatedAt: Date = new Date();
}

export const TicketSchema = new EntitySchema<Ticket>({
  class: Ticket,
  tableName: 'ticket',
  indexes: [
    { properties: ['authorId', 'updatedAt', 'id'] },
    { properties: ['updatedAt', 'id'] },
    { properties: ['assigneeId', 'status'] },
    {
      name: 'ticket_text_index',
      expression: `create index "ticket_text_index" on "support"."ticket" using gin (to_tsvector('simple', "title" || ' ' || "description"))`,
    },
  ],
  uniques: [{ properties: ['number'] }],
  checks: [
    { name: 'ticket_rating_check', expression: 'rating is null or (rating >= 1 and rating <= 5)' },
    { name: 'ticket_paused_check', expression: 'paused_seconds >= 0' },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    number: { type: 'integer', autoincrement: true },
    authorId: { type: 'uuid' },
    title: { type: 'string', length: 200 },
    description: { type: 'text' },
    category: { type: 'string', length: 50 },
    priority: { type: 'string', length: 10 },
    status: { type: 'string', length: 10 },
    assigneeId: { type: 'uuid', nullable: true },
    firstResponseDueAt: { type: 'datetime' },
    resolutionDueAt: { type: 'datetime' },
    firstRespondedAt: { type: 'datetime', nullable: true },
    firstResponseBreachedAt: { type: 'datetime', nullable: true },
    resolutionBreachedAt: { type: 'datetime', nullable: true },
    pausedSince: { type: 'datetime', nullable: true },
    pausedSeconds: { type: 'integer' },
    resolvedAt: { type: 'datetime', nullable: true },
    closedAt: { type: 'datetime', nullable: true },
    rating: { type: 'smallint', nullable: true },
    ratingComment: { type: 'text', nullable: true },
    ratedAt: { type: 'datetime', nullable: true },
    mergedIntoId: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
