import type { EntityManager } from '@mikro-orm/postgresql';
import type { TicketPriority } from '../entities';

const PRIORITIES: TicketPriority[] = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];

/**
 * The help desk's figures, in one statement: what is active now, and of the tickets opened
 * since `since`, the median first response and resolution times and the ratings (exact: the
 * average is computed as a decimal by PostgreSQL).
 */
export async function statistics(em: EntityManager, since: Date, now: Date) {
  const [row] = await em.execute<Array<Record<string, string | null>>>(
    `select
       count(*) filter (where status in ('OPEN', 'PENDING') and priority = 'URGENT') as urgent,
       count(*) filter (where status in ('OPEN', 'PENDING') and priority = 'HIGH') as high,
       count(*) filter (where status in ('OPEN', 'PENDING') and priority = 'NORMAL') as normal,
       count(*) filter (where status in ('OPEN', 'PENDING') and priority = 'LOW') as low,
       count(*) filter (where status in ('OPEN', 'PENDING') and assignee_id is null) as unassigned,
       count(*) filter (where status in ('OPEN', 'PENDING') and (
         first_response_breached_at is not null or resolution_breached_at is not null
         or (first_responded_at is null and first_response_due_at < ?)
         or (status = 'OPEN' and resolution_due_at < ?))) as breached,
       round(percentile_cont(0.5) within group (order by extract(epoch from first_responded_at - created_at))
         filter (where created_at >= ? and first_responded_at is not null)) as median_first_response,
       round(percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at))
         filter (where created_at >= ? and resolved_at is not null)) as median_resolution,
       count(rating) filter (where created_at >= ?) as ratings,
       round(avg(rating) filter (where created_at >= ?), 2)::text as average_rating,
       count(*) filter (where created_at >= ? and rating >= 4) as satisfied
     from support.ticket
     where status in ('OPEN', 'PENDING') or created_at >= ?`,
    [now, now, since, since, since, since, since, since],
  );
  const count = (key: string) => Number(row?.[key] ?? 0);
  const seconds = (key: string) => (row?.[key] == null ? null : Number(row[key]));
  return {
    openByPriority: PRIORITIES.map((priority) => ({ priority, count: count(priority.toLowerCase()) })),
    unassigned: count('unassigned'),
    breached: count('breached'),
    medianFirstResponseSeconds: seconds('median_first_response'),
    medianResolutionSeconds: seconds('median_resolution'),
    ratings: count('ratings'),
    averageRating: row?.average_rating ?? null,
    satisfied: count('satisfied'),
  };
}
