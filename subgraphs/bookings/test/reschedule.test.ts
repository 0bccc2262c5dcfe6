import { DateTime } from 'luxon';
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
let gymId: string;
let otherGymId: string;

const RESCHEDULE =
  'mutation($id: ID!, $to: ID!) { rescheduleBooking(id: $id, toSessionId: $to) { id status session { id } } }';
const STATUS = 'query($id: ID!) { booking(id: $id) { status } }';

const sessionAt = async (gym: string, localStart: string, capacity = 5) =>
  (
    await app.ok(admin, CREATE_SESSIONS, {
      input: {
        gymId: gym,
        title: 'Row',
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
  const gym = async (name: string) =>
    (
      await app.ok(admin, CREATE_GYM, {
        input: {
          name,
          address: name,
          latitude: 51,
          longitude: 0,
          timeZone: 'Europe/London',
          cancellationWindowMinutes: 60,
        },
      })
    ).createGym.id as string;
  gymId = await gym('Row Gym');
  otherGymId = await gym('Other Gym');
});
afterAll(() => app?.stop());

describe('rescheduling a booking', () => {
  it('moves it to another session of the gym: the new seat taken, the old one freed', async () => {
    const [from, to] = [await sessionAt(gymId, localInDays(2)), await sessionAt(gymId, localInDays(3))];
    const member = await app.user();
    const old = (await app.ok(member.token, BOOK, { id: from })).bookSession;
    const { rescheduleBooking } = await app.ok(member.token, RESCHEDULE, { id: old.id, to });
    expect(rescheduleBooking).toMatchObject({ status: 'CONFIRMED', session: { id: to } });
    expect((await app.ok(member.token, STATUS, { id: old.id })).booking.status).toBe('CANCELLED');
    const seats = await app.ok(
      null,
      'query($a: ID!, $b: ID!) { a: gymSession(id: $a) { seatsLeft } b: gymSession(id: $b) { seatsLeft } }',
      {
        a: from,
        b: to,
      },
    );
    expect(seats).toEqual({ a: { seatsLeft: 5 }, b: { seatsLeft: 4 } });
  });

  it('keeps the old booking when the new session is full', async () => {
    const from = await sessionAt(gymId, localInDays(2));
    const full = await sessionAt(gymId, localInDays(4), 1);
    await app.ok((await app.user()).token, BOOK, { id: full });
    const member = await app.user();
    const old = (await app.ok(member.token, BOOK, { id: from })).bookSession;
    const answer = await app.post(member.token, RESCHEDULE, { id: old.id, to: full });
    expect(answer.errors[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'FULL' });
    expect((await app.ok(member.token, STATUS, { id: old.id })).booking.status).toBe('CONFIRMED');
  });

  it('is refused once the cancellation window has closed, to another gym, and for another user', async () => {
    const soon = await sessionAt(
      gymId,
      DateTime.now().setZone('Europe/London').plus({ minutes: 30 }).toFormat("yyyy-MM-dd'T'HH:mm"),
    );
    const later = await sessionAt(gymId, localInDays(5));
    const elsewhere = await sessionAt(otherGymId, localInDays(5));
    const member = await app.user();
    const booking = (await app.ok(member.token, BOOK, { id: soon })).bookSession;
    const late = await app.post(member.token, RESCHEDULE, { id: booking.id, to: later });
    expect(late.errors[0].extensions.code).toBe('CONFLICT');
    expect(late.errors[0].message).toContain('cancellation window');

    const movable = (await app.ok(member.token, BOOK, { id: later })).bookSession;
    const away = await app.post(member.token, RESCHEDULE, { id: movable.id, to: elsewhere });
    expect(away.errors[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'toSessionId' });
    const stranger = await app.user();
    const theirs = await app.post(stranger.token, RESCHEDULE, { id: movable.id, to: soon });
    expect(theirs.errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await app.ok(member.token, STATUS, { id: movable.id })).booking.status).toBe('CONFIRMED');
  });
});
