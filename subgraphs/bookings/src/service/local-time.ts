import { DateTime } from 'luxon';
import { badUserInput } from '@lattice/server-kit';

/**
 * The instant a local wall-clock time (`2027-03-28T09:00`) names in `zone`. A time skipped by
 * a daylight-saving change (02:30 on a spring-forward night) does not exist: BAD_USER_INPUT
 * rather than a silent shift. A repeated one (autumn) is its first occurrence.
 */
export function instantOf(local: string, zone: string, field: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) {
    throw badUserInput(`${field}: must be a local date-time YYYY-MM-DDTHH:MM`, field);
  }
  const time = DateTime.fromISO(local, { zone });
  if (!time.isValid) throw badUserInput(`${field}: ${local} is not a real date-time`, field);
  if (time.toFormat("yyyy-MM-dd'T'HH:mm") !== local) {
    throw badUserInput(
      `${field}: ${local} does not exist in ${zone} (a daylight-saving change skips it)`,
      field,
    );
  }
  return time.toJSDate();
}

/** `at` in `zone` with its offset, to the second: `2027-03-28T09:00:00+02:00`. */
export const localIso = (at: Date, zone: string): string =>
  DateTime.fromJSDate(at, { zone }).toISO({ suppressMilliseconds: true, includeOffset: true })!;

/** The local date (`YYYY-MM-DD`), ISO weekday and minutes since midnight of `at` in `zone`. */
export function localParts(at: Date, zone: string): { date: string; weekday: number; minute: number } {
  const time = DateTime.fromJSDate(at, { zone });
  return { date: time.toISODate()!, weekday: time.weekday, minute: time.hour * 60 + time.minute };
}

/** Today's local date in `zone`. */
export const today = (zone: string, now = new Date()): string =>
  DateTime.fromJSDate(now, { zone }).toISODate()!;

/** Local dates from `from` to `to` (both included), with their ISO weekday. */
export function* localDates(from: string, to: string): Generator<{ date: string; weekday: number }> {
  let day = DateTime.fromISO(from, { zone: 'UTC' });
  const last = DateTime.fromISO(to, { zone: 'UTC' });
  while (day <= last) {
    yield { date: day.toISODate()!, weekday: day.weekday };
    day = day.plus({ days: 1 });
  }
}

/** Days from local date `from` to `to`. */
export const daysBetween = (from: string, to: string): number =>
  DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days;

/** `HH:MM` as minutes since midnight (`24:00` is 1440). */
export const minutesOf = (clock: string): number =>
  Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
