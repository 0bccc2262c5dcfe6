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

beforeAll(async () => {
  app = await startBookings();
  admin = await app.token('admin');
  const { createGym } = await app.ok(admin, CREATE_GYM, {
    input: { name: 'Invite Gym', address: 'Here', latitude: 45, longitude: 7, timeZone: 'Europe/Rome' },
  });
  gymId = createGym.id;
});
afterAll(() => app?.stop());

const INVITE = 'mutation($b: ID!, $e: String!) { inviteToSession(bookingId: $b, email: $e) { id } }';

describe('invitations', () => {
  it('sent at once by one inviter stop at exactly the daily limit of 20', async () => {
    const { createSessions } = await app.ok(admin, CREATE_SESSIONS, {
      input: {
        gymId,
        title: 'Pilates',
        localStarts: [1, 2, 3, 4, 5, 6].map((day) => localInDays(day)),
        durationMinutes: 50,
        capacity: 5,
        priceCredits: 0,
      },
    });
    const inviter = await app.user();
    const bookingIds: string[] = [];
    for (const session of createSessions)
      bookingIds.push((await app.ok(inviter.token, BOOK, { id: session.id })).bookSession.id);
    const answers = await Promise.all(
      bookingIds.flatMap((bookingId, i) =>
        [0, 1, 2, 3, 4].map((j) =>
          app.post(inviter.token, INVITE, { b: bookingId, e: `friend-${i}-${j}@example.com` }),
        ),
      ),
    );
    const sent = answers.filter((answer) => answer.data?.inviteToSession);
    const limited = answers.filter((answer) => answer.errors?.[0].extensions.code === 'RATE_LIMITED');
    expect(sent).toHaveLength(20);
    expect(limited).toHaveLength(10);
    expect(await app.outbox('bookings.invitation_sent')).toHaveLength(20);
  });
});
