import { badUserInput } from '@lattice/server-kit';

/** The longest range a report covers, in days. */
export const MAX_RANGE_DAYS = 366;

export interface DayRange {
  /** `YYYY-MM-DD`, inclusive. */
  from: string;
  /** `YYYY-MM-DD`, inclusive. */
  to: string;
}

const DAY_MS = 86_400_000;

/** Checks a report's range: `from` not after `to`, at most MAX_RANGE_DAYS days. */
export function checkRange(from: string, to: string): DayRange {
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  if (days < 1) throw badUserInput(`to: must not be before from (${from})`, 'to');
  if (days > MAX_RANGE_DAYS) {
    throw badUserInput(`to: the range covers ${days} days; at most ${MAX_RANGE_DAYS} are allowed`, 'to');
  }
  return { from, to };
}
