import { afterQuietHours } from '../src/service/quiet-hours';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

/** The wall clock of `instant` in `zone`, as hours and minutes. */
function wallClock(instant: Date, zone: string): { hour: number; minute: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const value = (type: string) => Number(parts.find((part) => part.type === type)!.value);
  return { hour: value('hour'), minute: value('minute') };
}

describe('afterQuietHours (22 to 8)', () => {
  it.each([
    ['UTC, midday: now', 'UTC', '2026-06-01T12:00:00.000Z', '2026-06-01T12:00:00.000Z'],
    ['UTC, 21:59:59: now', 'UTC', '2026-06-01T21:59:59.000Z', '2026-06-01T21:59:59.000Z'],
    ['UTC, 22:00: 8:00 next day', 'UTC', '2026-06-01T22:00:00.000Z', '2026-06-02T08:00:00.000Z'],
    ['UTC, 07:59:30: 8:00', 'UTC', '2026-06-02T07:59:30.000Z', '2026-06-02T08:00:00.000Z'],
    ['UTC, 08:00: now', 'UTC', '2026-06-02T08:00:00.000Z', '2026-06-02T08:00:00.000Z'],
    ['+05:30, 22:30', 'Asia/Kolkata', '2026-06-01T17:00:00.000Z', '2026-06-02T02:30:00.000Z'],
    ['+05:30, 21:59: now', 'Asia/Kolkata', '2026-06-01T16:29:00.000Z', '2026-06-01T16:29:00.000Z'],
    ['+05:30, 07:59:59', 'Asia/Kolkata', '2026-06-02T02:29:59.000Z', '2026-06-02T02:30:00.000Z'],
    ['+05:30, 00:10', 'Asia/Kolkata', '2026-06-01T18:40:00.000Z', '2026-06-02T02:30:00.000Z'],
    ['+05:45, 22:05', 'Asia/Kathmandu', '2026-06-01T16:20:00.000Z', '2026-06-02T02:15:00.000Z'],
    ['-03:30, 23:15', 'America/St_Johns', '2026-01-10T02:45:00.000Z', '2026-01-10T11:30:00.000Z'],
    ['-04:00, 23:00', 'America/New_York', '2026-06-01T03:00:00.000Z', '2026-06-01T12:00:00.000Z'],
    ['an unknown zone: UTC', 'Mars/Olympus', '2026-06-01T23:00:00.000Z', '2026-06-02T08:00:00.000Z'],
  ])('%s', (_name, zone, now, expected) => {
    expect(afterQuietHours(at(now), zone, 22, 8).toISOString()).toBe(expected);
  });

  describe('across a DST change during the night, ends at 8:00 on the new clock', () => {
    it.each([
      // Clocks go forward at 02:00 (01:00Z): 22:30 CET → 08:00 CEST.
      ['Paris, spring', 'Europe/Paris', '2026-03-28T21:30:00.000Z', '2026-03-29T06:00:00.000Z'],
      // Clocks go back at 03:00 (01:00Z): 22:30 CEST → 08:00 CET, not 07:00 CET.
      ['Paris, autumn', 'Europe/Paris', '2026-10-24T20:30:00.000Z', '2026-10-25T07:00:00.000Z'],
      ['New York, spring', 'America/New_York', '2026-03-08T03:30:00.000Z', '2026-03-08T12:00:00.000Z'],
      ['New York, autumn', 'America/New_York', '2026-11-01T02:30:00.000Z', '2026-11-01T13:00:00.000Z'],
      // Lord Howe moves by half an hour: 22:30 (+11:00) → 08:00 (+10:30).
      ['Lord Howe, autumn', 'Australia/Lord_Howe', '2026-04-04T11:30:00.000Z', '2026-04-04T21:30:00.000Z'],
    ])('%s', (_name, zone, now, expected) => {
      expect(afterQuietHours(at(now), zone, 22, 8).toISOString()).toBe(expected);
    });

    it('or at the first minute after, when the end hour does not exist that night', () => {
      // New York skips 02:00–03:00 on 2026-03-08: quiet hours ending at 2 end at 03:00 EDT.
      const end = afterQuietHours(at('2026-03-08T04:00:00.000Z'), 'America/New_York', 22, 2);
      expect(end.toISOString()).toBe('2026-03-08T07:00:00.000Z');
    });
  });

  it('never answers a time inside quiet hours, nor before now, in any zone, any quarter of an hour', () => {
    const zones = [
      'UTC',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'America/St_Johns',
      'America/New_York',
      'Europe/Paris',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
    ];
    const windows = ['2026-03-06', '2026-03-27', '2026-04-03', '2026-09-25', '2026-10-23', '2026-10-30'];
    for (const zone of zones) {
      for (const day of windows) {
        for (let step = 0; step < 4 * 72; step += 1) {
          const now = new Date(Date.parse(`${day}T00:00:00.000Z`) + step * 15 * 60_000);
          const when = afterQuietHours(now, zone, 22, 8);
          const { hour, minute } = wallClock(when, zone);
          const context = `${zone} at ${now.toISOString()} → ${when.toISOString()} (${hour}:${minute})`;
          expect([context, when >= now]).toEqual([context, true]);
          expect([context, hour >= 8 && hour < 22]).toEqual([context, true]);
          if (when > now) expect([context, hour, minute]).toEqual([context, 8, 0]);
          expect([context, when.getTime() - now.getTime() <= 11 * HOUR]).toEqual([context, true]);
        }
      }
    }
  });

  it('handles a daytime window and an empty one', () => {
    expect(afterQuietHours(at('2026-06-01T12:00:00.000Z'), 'UTC', 9, 17).toISOString()).toBe(
      '2026-06-01T17:00:00.000Z',
    );
    expect(afterQuietHours(at('2026-06-01T18:00:00.000Z'), 'UTC', 9, 17).toISOString()).toBe(
      '2026-06-01T18:00:00.000Z',
    );
    expect(afterQuietHours(at('2026-06-01T03:00:00.000Z'), 'UTC', 8, 8).toISOString()).toBe(
      '2026-06-01T03:00:00.000Z',
    );
  });
});
