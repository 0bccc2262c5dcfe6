/**
 * When a non-urgent SMS may go: now, or the end of the recipient's quiet hours (their local
 * `end` o'clock) when their local time is within [start, end). Quiet hours crossing a DST
 * change may end an hour off.
 */
export function afterQuietHours(now: Date, timezone: string, start: number, end: number): Date {
  const { hour, minute } = localTime(now, timezone);
  const quiet = start > end ? hour >= start || hour < end : hour >= start && hour < end;
  if (!quiet) return now;
  const hoursLeft = (end - hour + 24) % 24 || 24;
  const sinceTheHour = minute * 60_000 + now.getUTCSeconds() * 1000 + now.getUTCMilliseconds();
  return new Date(now.getTime() + hoursLeft * 3_600_000 - sinceTheHour);
}

function localTime(at: Date, timezone: string): { hour: number; minute: number } {
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: knownZone(timezone),
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
