import { badUserInput } from '@lattice/server-kit';
import type { Gym, GymClosure, OpeningInterval } from '../entities';
import { localParts, minutesOf } from './local-time';

/**
 * Weekly hours, sorted by weekday and opening: intervals must open before they close and not
 * overlap on a day. An interval ends by midnight; a night gym uses two (22:00–24:00 and the
 * next day's 00:00–06:00).
 */
export function normaliseHours(hours: OpeningInterval[]): OpeningInterval[] {
  if (hours.length > 70) throw badUserInput('hours: at most 70 intervals', 'hours');
  const sorted = [...hours].sort((a, b) => a.weekday - b.weekday || minutesOf(a.opens) - minutesOf(b.opens));
  sorted.forEach((interval, i) => {
    if (minutesOf(interval.opens) >= minutesOf(interval.closes)) {
      throw badUserInput(
        `hours: on day ${interval.weekday}, ${interval.opens} must be before ${interval.closes}`,
        'hours',
      );
    }
    const previous = sorted[i - 1];
    if (previous?.weekday === interval.weekday && minutesOf(previous.closes) > minutesOf(interval.opens)) {
      throw badUserInput(`hours: intervals overlap on day ${interval.weekday}`, 'hours');
    }
  });
  return sorted.map(({ weekday, opens, closes }) => ({ weekday, opens, closes }));
}

/** Whether the gym is open at `at`: its weekly hours read in its zone, unless a closure covers the day. */
export function isOpenAt(gym: Gym, closures: GymClosure[], at: Date): boolean {
  const { date, weekday, minute } = localParts(at, gym.timeZone);
  if (closures.some((closure) => closure.fromDate <= date && date <= closure.toDate)) return false;
  return gym.openingHours.some(
    (interval) =>
      interval.weekday === weekday &&
      minutesOf(interval.opens) <= minute &&
      minute < minutesOf(interval.closes),
  );
}
