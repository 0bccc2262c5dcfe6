import type { EntityManager } from '@mikro-orm/postgresql';
import { DELETIONS, SIGNUPS } from '../metrics';

/** The platform figures analytics reads from its own tables. */
export interface StoredFigures {
  usersTotal: number;
  signupsToday: number;
  activeUsers: number;
  eventsPerMinute: number;
}

/** One statement; every part is served by an index (metric/day, occurred_at). */
export async function storedFigures(em: EntityManager): Promise<StoredFigures> {
  const [row] = await em.execute<StoredFigures[]>(
    `select
       (select coalesce(sum(case when metric = ? then value else -value end), 0)
          from analytics.daily_metric where metric in (?, ?))::int as "usersTotal",
       (select coalesce(sum(value), 0) from analytics.daily_metric
          where metric = ? and day = (now() at time zone 'utc')::date)::int as "signupsToday",
       (select count(distinct actor_id) from analytics.event_fact
          where occurred_at > now() - interval '5 minutes' and actor_id is not null)::int as "activeUsers",
       (select count(*) from analytics.event_fact
          where occurred_at > now() - interval '1 minute')::int as "eventsPerMinute"`,
    [SIGNUPS, SIGNUPS, DELETIONS, SIGNUPS],
  );
  return row!;
}
