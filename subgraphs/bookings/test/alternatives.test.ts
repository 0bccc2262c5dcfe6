import {
  BOOK,
  CREATE_GYM,
  CREATE_SESSIONS,
  localInDays,
  startBookings,
  type BookingsFixture,
} from './support/fixture';

let app: BookingsFixture;
let admin: string;

const gym = async (name: string, latitude: number, longitude: number, status?: string) => {
  const { createGym } = await app.ok(admin, CREATE_GYM, {
    input: { name, address: name, latitude, longitude, timeZone: 'Europe/Berlin' },
  });
  if (status) {
    await app.ok(
      admin,
      'mutation($id: ID!, $s: GymStatus!) { updateGym(id: $id, input: { status: $s }) { id } }',
      {
        id: createGym.id,
        s: status,
      },
    );
  }
  return createGym.id as string;
};
const sessions = async (gymId: string, localStarts: string[], capacity = 1) =>
  (
    await app.ok(admin, CREATE_SESSIONS, {
      input: { gymId, title: 'HIIT', localStarts, durationMinutes: 45, capacity, priceCredits: 0 },
    })
  ).createSessions.map((session: { id: string }) => session.id) as string[];

const ALTERNATIVES = `query($id: ID!, $radius: Float, $first: Int) {
  alternativeSlots(sessionId: $id, radiusKm: $radius, first: $first) {
    distanceKm startsAtDifferenceMinutes session { id gym { name } }
  }
}`;

beforeAll(async () => {
  app = await startBookings();
  admin = await app.token('admin');
});
afterAll(() => app?.stop());

describe('alternative slots for a full session', () => {
  it('come from the same gym first, nearest in time, then from open gyms nearby, leaving out full, far and hidden ones', async () => {
    const home = await gym('Home Gym', 52.52, 13.405);
    const near = await gym('Near Gym', 52.53, 13.42);
    const far = await gym('Far Gym', 53.55, 9.99);
    const hidden = await gym('Hidden Gym', 52.521, 13.406, 'HIDDEN');
    const [full, later, muchLater, alsoFull] = await sessions(home, [
      localInDays(3, '10:00'),
      localInDays(3, '12:00'),
      localInDays(4, '10:00'),
      localInDays(3, '11:00'),
    ]);
    const [nearby] = await sessions(near, [localInDays(3, '10:30')]);
    await sessions(far, [localInDays(3, '10:00')]);
    await sessions(hidden, [localInDays(3, '10:00')]);
    for (const id of [full!, alsoFull!]) await app.ok((await app.user()).token, BOOK, { id });

    const { alternativeSlots } = await app.ok(null, ALTERNATIVES, { id: full, radius: 10, first: 10 });
    expect(alternativeSlots.map((slot: any) => slot.session.id)).toEqual([later, muchLater, nearby]);
    expect(alternativeSlots[0]).toMatchObject({ distanceKm: 0, startsAtDifferenceMinutes: 120 });
    expect(alternativeSlots[2].distanceKm).toBeCloseTo(1.51, 1);
    expect(alternativeSlots[2].startsAtDifferenceMinutes).toBe(30);
  });

  it('refuses bad input and unknown sessions', async () => {
    const bad = await app.post(null, ALTERNATIVES, { id: 'nope' });
    expect(bad.errors[0].extensions.code).toBe('NOT_FOUND');
    const radius = await app.post(null, ALTERNATIVES, {
      id: '00000000-0000-4000-8000-000000000000',
      radius: -1,
    });
    expect(radius.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'radiusKm' });
  });
});
