const HOUR = 3_600_000;
const MINUTE = 60_000;

/**
 * When a non-urgent SMS may go: now, or the end of the recipient's quiet hours (their local
 * `end` o'clock) when their local time is within [start, end). A DST change during the night
 * moves that o'clock: it is found on the clock of that morning (or, where the end hour is
 * skipped, the first minute after it).
 */
export function afterQuietHours(now: Date, timezone: string, start: number, end: number): Date {
  const zone = knownZone(timezone);
  const { hour, minute } = localTime(now, zone);
  const quiet = start > end ? hour >= start || hour < end : hour >= start && hour < end;
  if (!quiet) return now;
  const hoursLeft = (end - hour + 24) % 24 || 24;
  const sinceTheHour = minute * MINUTE + now.getUTCSeconds() * 1000 + now.getUTCMilliseconds();
  const guess = new Date(now.getTime() + hoursLeft * HOUR - sinceTheHour);
  // The offset that morning may differ from tonight's: move by how far the clock then is from `end`.
  const then = localTime(guess, zone);
  const drift = (((((then.hour - end) * 60 + then.minute) % 1440) + 2160) % 1440) - 720;
  if (drift === 0) return guess;
  const moved = new Date(guess.getTime() - drift * MINUTE);
  const at = localTime(moved, zone);
  return at.hour === end && at.minute === 0 ? moved : guess;
}

function localTime(at: Date, timezone: string): { hour: number; minute: number } {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  });
  const values = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return { hour: Number(values.hour), minute: Number(values.minute) };
}

function knownZone(timezone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return timezone;
  } catch {
    return 'UTC';
  }
}
