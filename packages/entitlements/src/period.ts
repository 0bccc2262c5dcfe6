/** A half-open span of time, [start, end), in epoch milliseconds. */
export interface Period {
  start: number;
  end: number;
}

/** The UTC calendar month holding `now`: the period of a user billing has told nothing about. */
export function calendarMonth(now: Date): Period {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
}

/**
 * The period holding `now`, for an allowance's [periodStart, periodEnd) (null: no allowance,
 * the calendar month). Before its end, the allowance's own period (also when it has not begun:
 * clocks differ). After its end with no newer allowance, the period rolls forward by whole
 * periods of the same length, so a renewal that is late (a webhook, the bus) never blocks a
 * paying user; the renewal, when it comes, replaces the guess. Integer milliseconds: exact.
 */
export function currentPeriod(allowance: { periodStart: Date; periodEnd: Date } | null, now: Date): Period {
  if (!allowance) return calendarMonth(now);
  const start = allowance.periodStart.getTime();
  const end = allowance.periodEnd.getTime();
  const at = now.getTime();
  if (at < end) return { start, end };
  const length = end - start;
  if (length <= 0) return calendarMonth(now); // never stored (the consumer refuses it); defensive
  const periods = Math.floor((at - start) / length);
  return { start: start + periods * length, end: start + (periods + 1) * length };
}
