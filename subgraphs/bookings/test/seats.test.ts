import {
  BOOK,
  CANCEL,
  CREATE_GYM,
  CREATE_SESSIONS,
  localInDays,
  startBookings,
  type BookingsFixture,
} from './support/fixture';

let app: BookingsFixture;
let admin: string;
let gymId: string;

const session = async (capacity: number, priceCredits = 0, days = 3) => {
  const data = await app.ok(admin, CREATE_SESSIONS, {
    input: {
      gymId,
      title: 'Spin',
      localStarts: [localInDays(days)],
      durationMinutes: 45,
      capacity,
      priceCredits,
    },
  });
  return data.createSessions[0].id as string;
};

beforeAll(async () => {
  app = await startBookings();
  admin = await app.token('admin');
  const data = await app.ok(admin, CREATE_GYM, {
    input: {
      name: 'Seat Gym',
      address: '1 Main St',
      latitude: 52.5,
      longitude: 13.4,
      timeZone: 'Europe/Berlin',
    },
  });
  gymId = data.createGym.id;
});
afterAll(() => app?.stop());

describe('seats', () => {
  it('go to exactly one of 50 users racing for the last one; the others are refused or queue in order', async () => {
    const id = await session(1);
    const users = await Promise.all(Array.from({ length: 50 }, () => app.user()));
    const answers = await Promise.all(
      users.map((user, i) => app.post(user.token, BOOK, { id, wait: i % 2 === 0 })),
    );
    const confirmed = answers.filter((answer) => answer.data?.bookSession.status === 'CONFIRMED');
    const waiting = answers.filter((answer) => answer.data?.bookSession.status === 'WAITLISTED');
    const refused = answers.filter((answer) => answer.errors?.[0].extensions.code === 'CONFLICT');
    expect(confirmed).toHaveLength(1);
    expect(waiting.length + refused.length).toBe(49);
    expect(refused.every((answer) => answer.errors[0].extensions.reason === 'FULL')).toBe(true);
    const positions = waiting.map((answer) => answer.data.bookSession.waitlistPosition).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: waiting.length }, (_, i) => i + 1));
    const { gymSession } = await app.ok(
      null,
      'query($id: ID!) { gymSession(id: $id) { seatsLeft waitlistLength } }',
      { id },
    );
    expect(gymSession).toEqual({ seatsLeft: 0, waitlistLength: waiting.length });
  });

  it('freed by a cancellation go to the first in line, who confirms before the offer expires', async () => {
    const id = await session(1);
    const [holder, first, second] = await Promise.all([app.user(), app.user(), app.user()]);
    const seat = (await app.ok(holder.token, BOOK, { id })).bookSession;
    const queued = (await app.ok(first.token, BOOK, { id, wait: true })).bookSession;
    await app.ok(second.token, BOOK, { id, wait: true });
    expect((await app.ok(holder.token, CANCEL, { id: seat.id })).cancelBooking.status).toBe('CANCELLED');

    const offered = await app.ok(
      first.token,
      'query($id: ID!) { booking(id: $id) { status offerExpiresAt } }',
      { id: queued.id },
    );
    expect(offered.booking.status).toBe('OFFERED');
    const offers = await app.outbox('bookings.seat_offered');
    expect(offers.at(-1)).toMatchObject({ bookingId: queued.id, userId: first.id, sessionTitle: 'Spin' });

    const confirmed = await app.ok(first.token, 'mutation($id: ID!) { confirmBooking(id: $id) { status } }', {
      id: queued.id,
    });
    expect(confirmed.confirmBooking.status).toBe('CONFIRMED');
  });

  it('offered and not confirmed in time pass to the next in line', async () => {
    const id = await session(1);
    const [holder, first, second] = await Promise.all([app.user(), app.user(), app.user()]);
    const seat = (await app.ok(holder.token, BOOK, { id })).bookSession;
    const firstPlace = (await app.ok(first.token, BOOK, { id, wait: true })).bookSession;
    const secondPlace = (await app.ok(second.token, BOOK, { id, wait: true })).bookSession;
    await app.ok(holder.token, CANCEL, { id: seat.id });
    app.setClockOffset(3 * 3600_000);
    try {
      await app.sweep();
    } finally {
      app.setClockOffset(0);
    }
    const status = async (token: string, bookingId: string) =>
      (await app.ok(token, 'query($id: ID!) { booking(id: $id) { status } }', { id: bookingId })).booking
        .status;
    expect(await status(first.token, firstPlace.id)).toBe('EXPIRED');
    expect(await status(second.token, secondPlace.id)).toBe('OFFERED');
    const late = await app.post(first.token, 'mutation($id: ID!) { confirmBooking(id: $id) { status } }', {
      id: firstPlace.id,
    });
    expect(late.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('are one per user and session', async () => {
    const id = await session(5);
    const user = await app.user();
    await app.ok(user.token, BOOK, { id });
    const again = await app.post(user.token, BOOK, { id });
    expect(again.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'sessionId' });
  });

  it('that cost credits are refused, and not kept, when billing cannot be reached', async () => {
    const id = await session(1, 3);
    const user = await app.user();
    const answer = await app.post(user.token, BOOK, { id });
    expect(answer.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    const { gymSession } = await app.ok(null, 'query($id: ID!) { gymSession(id: $id) { seatsLeft } }', {
      id,
    });
    expect(gymSession.seatsLeft).toBe(1);
  });

  it("of another user's booking cannot be cancelled or read", async () => {
    const id = await session(2);
    const [owner, stranger] = await Promise.all([app.user(), app.user()]);
    const seat = (await app.ok(owner.token, BOOK, { id })).bookSession;
    const cancel = await app.post(stranger.token, CANCEL, { id: seat.id });
    expect(cancel.errors[0].extensions.code).toBe('NOT_FOUND');
    const read = await app.ok(stranger.token, 'query($id: ID!) { booking(id: $id) { id } }', { id: seat.id });
    expect(read.booking).toBeNull();
    const entities = await app.ok(
      stranger.token,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Booking { id } } }',
      { r: [{ __typename: 'Booking', id: seat.id }] },
    );
    expect(entities._entities).toEqual([null]);
  });
});
