import { DateTime } from 'luxon';
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
let manager: { id: string; token: string };
let gymId: string;

/** The gym's local time `minutes` from now (Berlin), as createSessions takes it. */
const localIn = (minutes: number) =>
  DateTime.now().setZone('Europe/Berlin').plus({ minutes }).toFormat("yyyy-MM-dd'T'HH:mm");

const sessionAt = async (localStart: string, capacity = 5) =>
  (
    await app.ok(manager.token, CREATE_SESSIONS, {
      input: {
        gymId,
        title: 'Circuit',
        localStarts: [localStart],
        durationMinutes: 30,
        capacity,
        priceCredits: 0,
      },
    })
  ).createSessions[0].id as string;

beforeAll(async () => {
  app = await startBookings();
  admin = await app.token('admin');
  manager = await app.user();
  const { createGym } = await app.ok(admin, CREATE_GYM, {
    input: {
      name: 'Induction Gym',
      address: '2 Side St',
      latitude: 52.5,
      longitude: 13.4,
      timeZone: 'Europe/Berlin',
      requiresInduction: true,
      cancellationWindowMinutes: 120,
    },
  });
  gymId = createGym.id;
  await app.ok(
    admin,
    'mutation($g: ID!, $u: ID!) { setGymStaff(gymId: $g, userId: $u, role: MANAGER) { id } }',
    {
      g: gymId,
      u: manager.id,
    },
  );
});
afterAll(() => app?.stop());

describe('a gym requiring an induction', () => {
  it('refuses bookings until staff complete it, then takes them', async () => {
    const member = await app.user();
    const id = await sessionAt(localInDays(2));
    const refused = await app.post(member.token, BOOK, { id });
    expect(refused.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INDUCTION_REQUIRED' });

    const { requestInduction } = await app.ok(
      member.token,
      'mutation($g: ID!) { requestInduction(gymId: $g) { id status } }',
      { g: gymId },
    );
    expect(requestInduction.status).toBe('REQUESTED');
    const own = await app.post(member.token, 'mutation($id: ID!) { completeInduction(id: $id) { status } }', {
      id: requestInduction.id,
    });
    expect(own.errors[0].extensions.code).toBe('FORBIDDEN');
    const list = await app.ok(
      manager.token,
      'query($g: ID!) { gym(id: $g) { inductions(status: REQUESTED) { edges { node { id user { id } } } } } }',
      { g: gymId },
    );
    expect(list.gym.inductions.edges.map((edge: any) => edge.node.user.id)).toContain(member.id);
    const done = await app.ok(
      manager.token,
      'mutation($id: ID!) { completeInduction(id: $id) { status completedAt } }',
      { id: requestInduction.id },
    );
    expect(done.completeInduction.status).toBe('COMPLETED');
    expect((await app.outbox('bookings.induction_completed')).at(-1)).toMatchObject({
      userId: member.id,
      gymId,
    });

    expect((await app.ok(member.token, BOOK, { id })).bookSession.status).toBe('CONFIRMED');
  });

  it('hides staff-only fields from members and lets only managers name staff', async () => {
    const member = await app.user();
    const { gym } = await app.ok(
      member.token,
      'query($g: ID!) { gym(id: $g) { staff { role } inductions { edges { node { id } } } myRole } }',
      { g: gymId },
    );
    expect(gym).toEqual({ staff: null, inductions: null, myRole: null });
    const grab = await app.post(
      member.token,
      'mutation($g: ID!, $u: ID!) { setGymStaff(gymId: $g, userId: $u, role: MANAGER) { id } }',
      {
        g: gymId,
        u: member.id,
      },
    );
    expect(grab.errors[0].extensions.code).toBe('FORBIDDEN');
    const last = await app.post(
      manager.token,
      'mutation($g: ID!, $u: ID!) { removeGymStaff(gymId: $g, userId: $u) { id } }',
      {
        g: gymId,
        u: manager.id,
      },
    );
    expect(last.errors[0].extensions.code).toBe('CONFLICT');
  });
});

describe('a session', () => {
  let member: { id: string; token: string };
  beforeAll(async () => {
    member = await app.user();
    const { requestInduction } = await app.ok(
      member.token,
      'mutation($g: ID!) { requestInduction(gymId: $g) { id } }',
      { g: gymId },
    );
    await app.ok(manager.token, 'mutation($id: ID!) { completeInduction(id: $id) { id } }', {
      id: requestInduction.id,
    });
  });

  it('is checked in and out by staff, ends with no-shows recorded, and is reviewed once by who attended', async () => {
    const id = await sessionAt(localIn(30));
    const absent = await app.user();
    const { requestInduction } = await app.ok(
      absent.token,
      'mutation($g: ID!) { requestInduction(gymId: $g) { id } }',
      { g: gymId },
    );
    await app.ok(manager.token, 'mutation($id: ID!) { completeInduction(id: $id) { id } }', {
      id: requestInduction.id,
    });
    const attended = (await app.ok(member.token, BOOK, { id })).bookSession.id;
    const missed = (await app.ok(absent.token, BOOK, { id })).bookSession.id;

    const self = await app.post(member.token, 'mutation($id: ID!) { checkIn(bookingId: $id) { id } }', {
      id: attended,
    });
    expect(self.errors[0].extensions.code).toBe('FORBIDDEN');
    const early = await app.post(member.token, 'mutation($i: ReviewInput!) { reviewGym(input: $i) { id } }', {
      i: { bookingId: attended, rating: 5 },
    });
    expect(early.errors[0].extensions.code).toBe('FORBIDDEN');
    const checkedIn = await app.ok(
      manager.token,
      'mutation($id: ID!) { checkIn(bookingId: $id) { attendance checkedInAt } }',
      { id: attended },
    );
    expect(checkedIn.checkIn.attendance).toBe('CHECKED_IN');
    const twice = await app.post(manager.token, 'mutation($id: ID!) { checkIn(bookingId: $id) { id } }', {
      id: attended,
    });
    expect(twice.errors[0].extensions.code).toBe('CONFLICT');
    await app.ok(manager.token, 'mutation($id: ID!) { checkOut(bookingId: $id) { attendance } }', {
      id: attended,
    });

    app.setClockOffset(2 * 3600_000);
    try {
      await app.sweep();
      const { booking } = await app.ok(absent.token, 'query($id: ID!) { booking(id: $id) { attendance } }', {
        id: missed,
      });
      expect(booking.attendance).toBe('NO_SHOW');
      expect((await app.outbox('bookings.session_ended')).at(-1)).toMatchObject({
        sessionId: id,
        capacity: 5,
        booked: 2,
        attended: 1,
        noShows: 1,
      });

      const review = `mutation($i: ReviewInput!) { reviewGym(input: $i) { id rating text gym { rating reviewCount } } }`;
      const posted = await app.ok(member.token, review, {
        i: { bookingId: attended, rating: 4, text: '  Great coach  ' },
      });
      expect(posted.reviewGym).toMatchObject({
        rating: 4,
        text: 'Great coach',
        gym: { rating: 4, reviewCount: 1 },
      });
      const again = await app.post(member.token, review, { i: { bookingId: attended, rating: 1 } });
      expect(again.errors[0].extensions.code).toBe('CONFLICT');
      const noShow = await app.post(absent.token, review, { i: { bookingId: missed, rating: 1 } });
      expect(noShow.errors[0].extensions.code).toBe('FORBIDDEN');
      const stranger = await app.user();
      const theirs = await app.post(stranger.token, review, { i: { bookingId: attended, rating: 1 } });
      expect(theirs.errors[0].extensions.code).toBe('NOT_FOUND');
      const outOfRange = await app.post(member.token, review, { i: { bookingId: attended, rating: 6 } });
      expect(outOfRange.errors[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.rating',
      });
    } finally {
      app.setClockOffset(0);
    }
  });

  it('cancelled by staff cancels every booking, and the users hear of it', async () => {
    const id = await sessionAt(localInDays(4));
    const seat = (await app.ok(member.token, BOOK, { id })).bookSession.id;
    const { cancelSession } = await app.ok(
      manager.token,
      'mutation($id: ID!) { cancelSession(id: $id, reason: "Coach ill") { status } }',
      { id },
    );
    expect(cancelSession.status).toBe('CANCELLED');
    const { booking } = await app.ok(
      member.token,
      'query($id: ID!) { booking(id: $id) { status cancellationReason } }',
      { id: seat },
    );
    expect(booking).toEqual({ status: 'CANCELLED', cancellationReason: 'Coach ill' });
    expect((await app.outbox('bookings.booking_cancelled')).at(-1)).toMatchObject({
      bookingId: seat,
      reason: 'SESSION_CANCELLED',
      note: 'Coach ill',
    });
    const book = await app.post(member.token, BOOK, { id });
    expect(book.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('with fewer seats cancels the latest bookings; with more, offers them to the line', async () => {
    const id = await sessionAt(localInDays(5), 1);
    const [second] = await Promise.all([app.user()]);
    const { requestInduction } = await app.ok(
      second.token,
      'mutation($g: ID!) { requestInduction(gymId: $g) { id } }',
      { g: gymId },
    );
    await app.ok(manager.token, 'mutation($id: ID!) { completeInduction(id: $id) { id } }', {
      id: requestInduction.id,
    });
    await app.ok(member.token, BOOK, { id });
    const queued = (await app.ok(second.token, BOOK, { id, wait: true })).bookSession.id;
    await app.ok(
      manager.token,
      'mutation($id: ID!) { setSessionCapacity(id: $id, capacity: 2) { capacity } }',
      { id },
    );
    const { booking } = await app.ok(second.token, 'query($id: ID!) { booking(id: $id) { status } }', {
      id: queued,
    });
    expect(booking.status).toBe('OFFERED');
    await app.ok(
      manager.token,
      'mutation($id: ID!) { setSessionCapacity(id: $id, capacity: 1) { capacity } }',
      { id },
    );
    const after = await app.ok(
      second.token,
      'query($id: ID!) { booking(id: $id) { status cancellationReason } }',
      { id: queued },
    );
    expect(after.booking.status).toBe('CANCELLED');
    const { gymSession } = await app.ok(
      member.token,
      'query($id: ID!) { gymSession(id: $id) { seatsLeft myBooking { status } } }',
      { id },
    );
    expect(gymSession).toEqual({ seatsLeft: 0, myBooking: { status: 'CONFIRMED' } });
  });

  it('cancelled by its user in time stays in their list, marked cancelled', async () => {
    const id = await sessionAt(localInDays(6));
    const seat = (await app.ok(member.token, BOOK, { id })).bookSession.id;
    await app.ok(member.token, CANCEL, { id: seat });
    const upcoming = await app.ok(
      member.token,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { bookings { edges { node { id status } } } } } }',
      {
        r: [{ __typename: 'User', id: member.id }],
      },
    );
    expect(upcoming._entities[0].bookings.edges).toContainEqual({ node: { id: seat, status: 'CANCELLED' } });
  });
});

describe('reminders', () => {
  it('go once to each confirmed booker a day ahead, not to who booked after that', async () => {
    const early = await app.user();
    const late = await app.user();
    for (const member of [early, late]) {
      const { requestInduction } = await app.ok(
        member.token,
        'mutation($g: ID!) { requestInduction(gymId: $g) { id } }',
        { g: gymId },
      );
      await app.ok(manager.token, 'mutation($id: ID!) { completeInduction(id: $id) { id } }', {
        id: requestInduction.id,
      });
    }
    // Three days ahead to the minute (whatever the time of day), then the clock moves to 12
    // hours before it: inside the day-ahead window, past the early booking's reminder time.
    const id = await sessionAt(localIn(3 * 24 * 60));
    const booked = (await app.ok(early.token, BOOK, { id })).bookSession.id;
    app.setClockOffset(60 * 3600_000);
    try {
      await app.ok(late.token, BOOK, { id });
      await app.sweep();
      await app.sweep();
    } finally {
      app.setClockOffset(0);
    }
    const reminders = (await app.outbox('bookings.session_reminder')).filter((data) => data.sessionId === id);
    expect(reminders).toEqual([
      expect.objectContaining({ bookingId: booked, userId: early.id, gymName: 'Induction Gym' }),
    ]);
  });
});

describe('the cancellation window', () => {
  it('of a booking is the one in force when its seat was taken, whatever the gym sets later', async () => {
    const member = await app.user();
    const { requestInduction } = await app.ok(
      member.token,
      'mutation($g: ID!) { requestInduction(gymId: $g) { id } }',
      { g: gymId },
    );
    await app.ok(manager.token, 'mutation($id: ID!) { completeInduction(id: $id) { id } }', {
      id: requestInduction.id,
    });
    const id = await sessionAt(localInDays(2));
    const seat = (await app.ok(member.token, BOOK, { id })).bookSession.id;
    const before = (
      await app.ok(member.token, 'query($id: ID!) { booking(id: $id) { freeCancellationUntil } }', {
        id: seat,
      })
    ).booking;
    try {
      await app.ok(
        manager.token,
        'mutation($g: ID!) { updateGym(id: $g, input: { cancellationWindowMinutes: 10080 }) { id } }',
        { g: gymId },
      );
      const after = (
        await app.ok(member.token, 'query($id: ID!) { booking(id: $id) { freeCancellationUntil } }', {
          id: seat,
        })
      ).booking;
      expect(after).toEqual(before);
      const cancelled = await app.ok(member.token, 'mutation($id: ID!) { cancelBooking(id: $id) { id } }', {
        id: seat,
      });
      expect(cancelled.cancelBooking.id).toBe(seat);
      expect((await app.outbox('bookings.booking_cancelled')).at(-1)).toMatchObject({
        bookingId: seat,
        reason: 'USER',
      });
    } finally {
      await app.ok(
        manager.token,
        'mutation($g: ID!) { updateGym(id: $g, input: { cancellationWindowMinutes: 120 }) { id } }',
        { g: gymId },
      );
    }
  });
});
