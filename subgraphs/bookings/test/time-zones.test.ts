import { CREATE_GYM, startBookings, type BookingsFixture } from './support/fixture';

let app: BookingsFixture;
let admin: string;
let gymId: string;

const WEEKLY = `mutation($input: WeeklySessionsInput!) {
  createWeeklySessions(input: $input) { startsAt endsAt localStartsAt durationMinutes }
}`;
const weekly = (fromDate: string, toDate: string, localTime = '07:00') =>
  app.post(admin, WEEKLY, {
    input: {
      gymId,
      title: 'Early',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      localTime,
      fromDate,
      toDate,
      durationMinutes: 60,
      capacity: 10,
      priceCredits: 1,
    },
  });

beforeAll(async () => {
  app = await startBookings();
  admin = await app.token('admin');
  const data = await app.ok(admin, CREATE_GYM, {
    input: {
      name: 'Brooklyn Barbell',
      address: '1 Flatbush Ave',
      latitude: 40.6782,
      longitude: -73.9442,
      timeZone: 'America/New_York',
      openingHours: [{ weekday: 7, opens: '06:00', closes: '12:00' }],
    },
  });
  gymId = data.createGym.id;
});
afterAll(() => app?.stop());

describe('a gym in another time zone', () => {
  it('keeps a weekly session at the same local time across the spring daylight-saving change', async () => {
    // New York moves from UTC−5 to UTC−4 on Sunday 11 March 2035 (far enough ahead that the sessions stay in the future).
    const { data, errors } = await weekly('2035-03-10', '2035-03-12');
    expect(errors).toBeUndefined();
    expect(data.createWeeklySessions).toEqual([
      {
        startsAt: '2035-03-10T12:00:00.000Z',
        endsAt: '2035-03-10T13:00:00.000Z',
        localStartsAt: '2035-03-10T07:00:00-05:00',
        durationMinutes: 60,
      },
      {
        startsAt: '2035-03-11T11:00:00.000Z',
        endsAt: '2035-03-11T12:00:00.000Z',
        localStartsAt: '2035-03-11T07:00:00-04:00',
        durationMinutes: 60,
      },
      {
        startsAt: '2035-03-12T11:00:00.000Z',
        endsAt: '2035-03-12T12:00:00.000Z',
        localStartsAt: '2035-03-12T07:00:00-04:00',
        durationMinutes: 60,
      },
    ]);
  });

  it('refuses a local time the change skips, naming it', async () => {
    const { errors } = await weekly('2035-03-11', '2035-03-11', '02:30');
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.localTime' });
    expect(errors[0].message).toContain('does not exist in America/New_York');
  });

  it('reads its opening hours in its zone on both sides of the change', async () => {
    const open = async (at: string) =>
      (
        await app.ok(null, 'query($id: ID!, $at: DateTime!) { gym(id: $id) { isOpenAt(at: $at) } }', {
          id: gymId,
          at,
        })
      ).gym.isOpenAt;
    // Sunday 4 March (UTC−5): 06:00 local is 11:00 UTC. Sunday 11 March (UTC−4): 06:00 is 10:00 UTC.
    expect(await open('2035-03-04T10:30:00Z')).toBe(false);
    expect(await open('2035-03-04T11:30:00Z')).toBe(true);
    expect(await open('2035-03-11T10:30:00Z')).toBe(true);
    expect(await open('2035-03-11T16:30:00Z')).toBe(false);
    const { gym } = await app.ok(
      null,
      'query($id: ID!) { gym(id: $id) { timeZone openingHours { weekday opens closes } } }',
      { id: gymId },
    );
    expect(gym).toEqual({
      timeZone: 'America/New_York',
      openingHours: [{ weekday: 7, opens: '06:00', closes: '12:00' }],
    });
  });

  it('refuses unknown zones and impossible hours', async () => {
    const bad = await app.post(admin, CREATE_GYM, {
      input: { name: 'X', address: 'Y', latitude: 0, longitude: 0, timeZone: 'Mars/Olympus' },
    });
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timeZone' });
    const hours = await app.post(
      admin,
      'mutation($id: ID!, $h: [OpeningHoursInput!]!) { setOpeningHours(gymId: $id, hours: $h) { id } }',
      {
        id: gymId,
        h: [{ weekday: 1, opens: '10:00', closes: '09:00' }],
      },
    );
    expect(hours.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours' });
  });
});
