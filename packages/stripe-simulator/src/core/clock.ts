/**
 * The simulated time, in unix seconds. It stands still between advances, like a Stripe test
 * clock, so amounts that depend on time (prorations) are exact and repeatable.
 */
export class Clock {
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  /** Moves the clock forward to `time`; never backwards. */
  moveTo(time: number): void {
    if (time > this.current) this.current = time;
  }
}

export type Interval = 'day' | 'week' | 'month' | 'year';

const DAY = 86_400;

/**
 * `anchor` plus `count` intervals. Months and years are calendar ones, as Stripe bills them:
 * the anchor's day of month is kept, or the month's last day when the month is shorter
 * (Jan 31 → Feb 28 → Mar 31), always counted from the anchor so a short month does not
 * shift the following periods.
 */
export function addIntervals(anchor: number, interval: Interval, count: number): number {
  if (interval === 'day') return anchor + count * DAY;
  if (interval === 'week') return anchor + count * 7 * DAY;
  const months = interval === 'year' ? count * 12 : count;
  const date = new Date(anchor * 1000);
  const monthIndex = date.getUTCMonth() + months;
  const year = date.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  const time = Date.UTC(year, month, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds());
  return Math.floor(time / 1000);
}
