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
let owner: { id: string; token: string };
const gymIds: string[] = [];
const sessionIds: string[] = [];
const bookingIds: string[] = [];

beforeAll(async () => {
  app = await startBookings();
  admin = await app.token('admin');
  owner = await app.user();
  for (let i = 0; i < 10; i += 1) {
    const { createGym } = await app.ok(admin, CREATE_GYM, {
      input: {
        name: `Gym ${i}`,
        address: `${i} Road`,
        latitude: 48 + i / 100,
        longitude: 11,
        timeZone: 'Europe/Berlin',
      },
    });
    gymIds.push(createGym.id);
    const { createSessions } = await app.ok(admin, CREATE_SESSIONS, {
      input: {
        gymId: createGym.id,
        title: 'Yoga',
        localStarts: [1, 2, 3, 4, 5].map((day) => localInDays(day)),
        durationMinutes: 60,
        capacity: 5,
        priceCredits: 0,
      },
    });
    for (const session of createSessions) {
      sessionIds.push(session.id);
      bookingIds.push((await app.ok(owner.token, BOOK, { id: session.id })).bookSession.id);
    }
  }
});
afterAll(() => app?.stop());

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
  ... on Gym { id name rating equipment { id } isFavourite myRole closures { id } }
  ... on GymSession { id seatsLeft waitlistLength localStartsAt myBooking { id } gym { id } }
  ... on Booking { id status waitlistPosition freeCancellationUntil review { id } session { id gym { name } } }
} }`;

async function sqlFor(typename: string, ids: string[]) {
  app.fixture.subgraph.sql.reset();
  const data = await app.ok(owner.token, ENTITIES, { r: ids.map((id) => ({ __typename: typename, id })) });
  expect(data._entities.map((entity: { id: string }) => entity.id)).toEqual(ids);
  return app.fixture.subgraph.sql.count;
}

describe('references', () => {
  it.each([
    ['Gym', () => gymIds],
    ['GymSession', () => sessionIds],
    ['Booking', () => bookingIds],
  ])('of %s resolve 2 keys and 50 (or every one) with the same SQL', async (typename, ids) => {
    const all = ids();
    const few = await sqlFor(typename, all.slice(0, 2));
    const many = await sqlFor(typename, all.slice(0, 50));
    expect(few).toBeGreaterThan(0);
    expect(many).toBe(few);
  });

  it("of another user's bookings resolve as null", async () => {
    const stranger = await app.user();
    const data = await app.ok(stranger.token, ENTITIES, {
      r: bookingIds.slice(0, 3).map((id) => ({ __typename: 'Booking', id })),
    });
    expect(data._entities).toEqual([null, null, null]);
  });

  it("of a user's bookings are private to them and staff", async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { bookings(first: 50) { edges { node { id } } } } } }`;
    const own = await app.ok(owner.token, query, { r: [{ __typename: 'User', id: owner.id }] });
    expect(own._entities[0].bookings.edges).toHaveLength(50);
    const stranger = await app.user();
    const denied = await app.post(stranger.token, query, { r: [{ __typename: 'User', id: owner.id }] });
    expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
