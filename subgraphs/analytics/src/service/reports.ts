import type { EntityManager } from '@mikro-orm/postgresql';
import { DELETIONS, SIGNUPS } from '../metrics';
import type { DayRange } from './ranges';

export interface DailyValue {
  date: string;
  value: number;
}

export interface UserGrowthDay {
  date: string;
  signups: number;
  deletions: number;
  total: number;
}

// Every day of the range, so days without events read 0 instead of missing.
const DAYS = `select d::date as day from generate_series(?::date, ?::date, interval '1 day') d`;

/** One metric's daily values over the range (one statement). */
export async function dailyMetric(em: EntityManager, metric: string, range: DayRange): Promise<DailyValue[]> {
  const rows = await em.execute<Array<{ date: string; value: number }>>(
    `select to_char(days.day, 'YYYY-MM-DD') as date, coalesce(m.value, 0)::int as value
     from (${DAYS}) days
     left join analytics.daily_metric m on m.day = days.day and m.metric = ?
     order by days.day`,
    [range.from, range.to, metric],
  );
  return rows;
}

/** Distinct users who caused an event, per day of the range (one statement). */
export async function dailyActiveUsers(em: EntityManager, range: DayRange): Promise<DailyValue[]> {
  return em.execute<Array<{ date: string; value: number }>>(
    `select to_char(days.day, 'YYYY-MM-DD') as date, count(a.user_id)::int as value
     from (${DAYS}) days
     left join analytics.daily_user_activity a on a.day = days.day
     group by days.day order by days.day`,
    [range.from, range.to],
  );
}

/** Sign-ups and deletions per day, with the running total of accounts (two statements). */
export async function userGrowth(
  em: EntityManager,
  range: DayRange,
): Promise<{ totalBefore: number; days: UserGrowthDay[] }> {
  const [before] = await em.execute<Array<{ total: number }>>(
    `select coalesce(sum(case when metric = ? then value else -value end), 0)::int as total
     from analytics.daily_metric where metric in (?, ?) and day < ?::date`,
    [SIGNUPS, SIGNUPS, DELETIONS, range.from],
  );
  const rows = await em.execute<Array<{ date: string; signups: number; deletions: number }>>(
    `select to_char(days.day, 'YYYY-MM-DD') as date,
            coalesce(s.value, 0)::int as signups, coalesce(d.value, 0)::int as deletions
     from (${DAYS}) days
     left join analytics.daily_metric s on s.day = days.day and s.metric = ?
     left join analytics.daily_metric d on d.day = days.day and d.metric = ?
     order by days.day`,
    [range.from, range.to, SIGNUPS, DELETIONS],
  );
  const totalBefore = before?.total ?? 0;
  let total = totalBefore;
  const days = rows.map((row) => {
    total += row.signups - row.deletions;
    return { ...row, total };
  });
  return { totalBefore, days };
}

/** Sign-ups per day of the range and their sum. */
export async function signups(
  em: EntityManager,
  range: DayRange,
): Promise<{ total: number; days: DailyValue[] }> {
  const days = await dailyMetric(em, SIGNUPS, range);
  return { total: days.reduce((sum, day) => sum + day.value, 0), days };
}
