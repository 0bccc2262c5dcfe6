import { randomUUID } from 'node:crypto';
import {
  createEvent,
  createInProcessBus,
  type EventBus,
  type EventData,
  type EventEnvelope,
  type EventType,
} from '@lattice/events';
import { createLogger } from '@lattice/server-kit';
import { type RunningSubgraph, startSubgraph, subgraphConfigFromEnv } from '@lattice/subgraph-kit';
import { createTestDatabase, type TestDatabase, waitFor } from '@lattice/testkit';
import { Delivery, Notification, Preference, Recipient } from '../src/entities';
import type { NotificationsRuntime } from '../src/runtime';
import { notifications } from '../src/subgraph';

/**
 * bookings' events consumed over a real database, as `npm start` runs it (mail to the local
 * capture): what each sends, to whom, and the invitation mailed to an address no user has.
 */
let db: TestDatabase;
let bus: EventBus;
let running: RunningSubgraph;
let runtime: NotificationsRuntime;
const logLines: string[] = [];
const log = createLogger('notifications', 'debug', { write: (line: string) => logLines.push(line) });

beforeAll(async () => {
  db = await createTestDatabase();
  bus = createInProcessBus({
    onRetry: (event, group, error) => log.warn({ err: error, eventId: event.id, group }, 'retried'),
    onDeadLetter: (event, group, error) => log.error({ err: error, eventId: event.id, group }, 'dead'),
  });
  running = await startSubgraph(
    { ...notifications, init: async (deps) => (runtime = await notifications.init!(deps)) },
    subgraphConfigFromEnv(0, {
      DATABASE_URL: db.url,
      HOST: '127.0.0.1',
      MAIL_CAPTURE_PORT: '0',
      APP_URL: 'https://app.example.test/',
      DELIVERY_RETRY_BASE_MS: '100',
      DELIVERY_RETRY_MAX_MS: '400',
    }),
    { bus, logger: log },
  );
});
afterAll(async () => {
  await running?.close();
  await bus?.close();
  await db?.drop();
});

const em = () => running.orm.em.fork();
const sql = <T>(query: string, params: unknown[] = []) => em().getConnection().execute<T[]>(query, params);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function publish<T extends EventType>(type: T, data: EventData<T>): Promise<EventEnvelope<T>> {
  const subject = (data as { userId?: string; inviterId?: string }).userId ?? randomUUID();
  const event = createEvent(type, { actor: subject, subject, data });
  await bus.publish(event);
  return event;
}

const applied = async (event: EventEnvelope) =>
  (await sql('select 1 from notifications.processed_event where event_id = ?', [event.id])).length > 0;

const mailTo = (address: string, subject: RegExp) =>
  runtime.capture!.waitFor((mail) => mail.envelope.to.includes(address) && subject.test(mail.subject));
const mailsTo = (address: string) =>
  runtime.capture!.messages().filter((mail) => mail.envelope.to.includes(address));
/** Spaces as one plain space (ICU puts narrow no-break ones in times). */
const plain = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ');

async function registered(profile: Partial<EventData<'accounts.profile_updated'>['profile']> = {}) {
  const userId = randomUUID();
  const email = `${userId}@example.test`;
  await publish('identity.user_registered', { userId, email, role: 'user' });
  if (Object.keys(profile).length) {
    await publish('accounts.profile_updated', {
      userId,
      fields: Object.keys(profile),
      profile: {
        displayName: 'Ada',
        locale: 'en',
        timezone: 'UTC',
        phone: null,
        notifications: { email: true, sms: false, marketing: false },
        ...profile,
      },
    });
  }
  return { userId, email };
}

/** A session at a gym in Paris, 18:30 there on 3 March 2026 (17:30 UTC). */
const sessionFacts = () => ({
  sessionId: randomUUID(),
  gymId: randomUUID(),
  gymName: 'Gym <Nord>',
  sessionTitle: 'Yoga & stretch',
  startsAt: '2026-03-03T17:30:00.000Z',
  timeZone: 'Europe/Paris',
});

describe('a booking confirmed', () => {
  it('mails and tells the inbox of the booker: the start on the gym’s clock, named, in their language', async () => {
    const user = await registered({ locale: 'fr-FR', timezone: 'America/New_York' });
    const event = await publish('bookings.booking_confirmed', {
      ...sessionFacts(),
      bookingId: randomUUID(),
      userId: user.userId,
      credits: 2,
      viaInvitation: false,
    });
    const mail = await mailTo(user.email, /Réservation confirmée/);
    expect(mail.subject).toBe('Réservation confirmée : Yoga & stretch (Gym <Nord>)');
    expect(plain(mail.text)).toContain('Début : mardi 3 mars 2026 à 18:30 (Europe/Paris)');
    expect(plain(mail.text)).toContain('Crédits bloqués : 2');
    expect(mail.html).toContain('Gym &lt;Nord&gt;');
    expect(mail.headers['list-unsubscribe']).toMatch(/\/unsubscribe\?token=/);
    const [entry] = await em().find(Notification, { eventId: event.id });
    expect(entry).toMatchObject({
      userId: user.userId,
      kind: 'booking_confirmed',
      category: 'activity',
      title: 'Réservé : Yoga & stretch',
    });
  });
});

describe('a booking cancelled', () => {
  it.each([
    ['USER', 'You cancelled in time. Credits released: 2.', null],
    ['LATE', 'the credits held for it are kept', null],
    [
      'SESSION_CANCELLED',
      'The gym cancelled this session. Credits released: 2.',
      'Note from the gym: Roof leak',
    ],
    ['CAPACITY_REDUCED', 'The gym reduced the seats of this session. Credits released: 2.', null],
    ['STAFF', 'The gym cancelled your booking. Credits released: 2.', 'Note from the gym: Roof leak'],
  ] as const)('%s: says so to the booker', async (reason, says, note) => {
    const user = await registered();
    const event = await publish('bookings.booking_cancelled', {
      ...sessionFacts(),
      bookingId: randomUUID(),
      userId: user.userId,
      reason,
      creditsReleased: reason === 'LATE' ? 0 : 2,
      note: reason === 'CAPACITY_REDUCED' ? null : 'Roof leak',
    });
    const mail = await mailTo(user.email, /Booking cancelled/);
    expect(plain(mail.text)).toContain(says);
    // The note is the gym's: shown when the gym cancelled, and then only when there is one.
    if (note) expect(mail.text).toContain(note);
    else expect(mail.text).not.toContain('Note from the gym');
    expect(await em().count(Notification, { eventId: event.id, kind: 'booking_cancelled' })).toBe(1);
  });
});

describe('a seat offered from the waiting list', () => {
  const offer = (userId: string) =>
    publish('bookings.seat_offered', {
      ...sessionFacts(),
      bookingId: randomUUID(),
      userId,
      offerExpiresAt: '2026-03-03T15:00:00.000Z',
    });

  it('mails and tells the inbox; an SMS only to whom turned SMS on, at once (it is urgent)', async () => {
    const quiet = await registered({ phone: '+447700900001' });
    const eager = await registered({
      phone: '+447700900002',
      notifications: { email: true, sms: true, marketing: false },
    });
    await em().insert(Preference, {
      userId: eager.userId,
      category: 'activity',
      channel: 'sms',
      enabled: true,
    });
    const offers = [await offer(quiet.userId), await offer(eager.userId)];
    const mail = await mailTo(eager.email, /A seat is free/);
    expect(plain(mail.text)).toContain('before Tuesday, March 3, 2026 at 4:00 PM (Europe/Paris)');
    const rows = await em().find(Delivery, { eventId: { $in: offers.map((event) => event.id) } });
    const channels = (userId: string) =>
      rows
        .filter((row) => row.userId === userId)
        .map((row) => row.channel)
        .sort();
    expect(channels(quiet.userId)).toEqual(['email']);
    expect(channels(eager.userId)).toEqual(['email', 'sms']);
    const sms = rows.find((row) => row.channel === 'sms')!;
    expect(sms.address).toBe('+447700900002');
    expect(sms.nextAttemptAt.getTime()).toBeLessThan(Date.now() + 5_000);
    expect(await em().count(Notification, { eventId: { $in: offers.map((event) => event.id) } })).toBe(2);
  });

  it('expired: an inbox entry alone', async () => {
    const user = await registered();
    const event = await publish('bookings.seat_offer_expired', {
      ...sessionFacts(),
      bookingId: randomUUID(),
      userId: user.userId,
    });
    expect(await applied(event)).toBe(true);
    expect(await em().count(Delivery, { eventId: event.id })).toBe(0);
    const [entry] = await em().find(Notification, { eventId: event.id });
    expect(entry).toMatchObject({ userId: user.userId, title: 'Seat offer expired: Yoga & stretch' });
  });
});

describe('an invitation', () => {
  const invite = (inviterId: string, email: string, token: string = randomUUID()) =>
    publish('bookings.invitation_sent', {
      ...sessionFacts(),
      invitationId: randomUUID(),
      inviterId,
      email,
      token,
    });

  it('is mailed to an address no user has, from its inviter by name, with its two links', async () => {
    const inviter = await registered({ displayName: 'Grace Hopper' });
    const address = `guest-${randomUUID()}@example.test`;
    const token = 'tok+en/1?=&';
    const event = await invite(inviter.userId, address, token);
    const mail = await mailTo(address, /Invitation/);
    expect(mail.envelope.to).toEqual([address]);
    // The sender's name is not the addressee's: the To is the bare address.
    expect(mail.headers.to).toBe(address);
    expect(mail.subject).toBe('Invitation: Yoga & stretch at Gym <Nord>');
    expect(plain(mail.text)).toContain('Grace Hopper invited you to a session at Gym <Nord>');
    expect(plain(mail.text)).toContain('Tuesday, March 3, 2026 at 6:30 PM (Europe/Paris)');
    const encoded = encodeURIComponent(token);
    expect(mail.links).toEqual([
      `https://app.example.test/invitations/${encoded}?answer=accept`,
      `https://app.example.test/invitations/${encoded}?answer=decline`,
    ]);
    expect(mail.headers['list-unsubscribe']).toBeUndefined();
    expect(mail.text).not.toContain(inviter.email);
    // Nothing of the addressee is kept as a recipient, and no inbox has the invitation.
    expect(await em().count(Recipient, { email: address })).toBe(0);
    expect(await em().count(Notification, { eventId: event.id })).toBe(0);
    const [row] = await em().find(Delivery, { eventId: event.id });
    expect(row).toMatchObject({ userId: inviter.userId, kind: 'booking_invitation', channel: 'email' });
  });

  it('says "A member" when notifications knows no name of the inviter', async () => {
    const address = `guest-${randomUUID()}@example.test`;
    await invite(randomUUID(), address);
    const mail = await mailTo(address, /Invitation/);
    expect(plain(mail.text)).toContain('A member invited you');
  });

  it('is written in the inviter’s language', async () => {
    const inviter = await registered({ displayName: 'Marie', locale: 'fr-CA' });
    const address = `guest-${randomUUID()}@example.test`;
    await invite(inviter.userId, address);
    const mail = await mailTo(address, /Invitation/);
    expect(mail.subject).toBe('Invitation : Yoga & stretch à Gym <Nord>');
    expect(plain(mail.text)).toContain('Marie vous invite à une séance');
  });

  it('redelivered, or consumed again by another replica, is mailed once', async () => {
    const inviter = await registered();
    const address = `guest-${randomUUID()}@example.test`;
    const event = await invite(inviter.userId, address);
    await mailTo(address, /Invitation/);
    await bus.publish(event);
    // As if a second replica had consumed it too: the delivery's own uniqueness holds.
    await sql('delete from notifications.processed_event where event_id = ?', [event.id]);
    await bus.publish(event);
    expect(await applied(event)).toBe(true);
    await pause(500);
    expect(mailsTo(address)).toHaveLength(1);
    expect(await em().count(Delivery, { eventId: event.id })).toBe(1);
  });

  it('keeps neither its token nor the address once sent, and never logs them', async () => {
    const inviter = await registered();
    const address = `guest-${randomUUID()}@example.test`;
    const token = randomUUID();
    const event = await invite(inviter.userId, address, token);
    await mailTo(address, /Invitation/);
    const sent = await waitFor(
      async () => {
        const row = await em().findOneOrFail(Delivery, { eventId: event.id });
        return row.status === 'sent' && row;
      },
      { message: 'the delivery settled' },
    );
    expect([sent.address, sent.text, sent.html]).toEqual(['', '', null]);
    expect(JSON.stringify(sent)).not.toContain(token);
    const recorded = await sql<{ data: unknown }>(
      `select data from notifications.outbox_event where data->>'deliveryId' = ?`,
      [sent.id],
    );
    expect(recorded).toEqual([
      { data: expect.objectContaining({ userId: inviter.userId, kind: 'booking_invitation' }) },
    ]);
    await pause(100);
    const written = logLines.join('\n');
    expect(written).not.toContain(token);
    expect(written).toContain(address.slice(0, 12)); // the capture's line is there, without the link's token
  });

  it('to what is not one mailbox, or from a deleted inviter, sends nothing', async () => {
    const inviter = await registered();
    const odd = await invite(inviter.userId, 'guest@example.test, thief@example.test');
    const gone = await registered();
    await publish('identity.user_deleted', { userId: gone.userId });
    const late = await invite(gone.userId, `guest-${randomUUID()}@example.test`);
    for (const event of [odd, late]) {
      expect(await applied(event)).toBe(true);
      expect(await em().count(Delivery, { eventId: event.id })).toBe(0);
    }
    expect(logLines.join('\n')).not.toContain(odd.data.token);
  });
});

describe('the inbox of bookings', () => {
  it('tells the inviter their invitation was accepted or declined', async () => {
    const inviterId = randomUUID(); // known by no event yet: an inbox entry needs no address
    const answered = (accepted: boolean) =>
      publish('bookings.invitation_answered', {
        ...sessionFacts(),
        invitationId: randomUUID(),
        inviterId,
        inviteeId: randomUUID(),
        accepted,
      });
    const events = [await answered(true), await answered(false)];
    const titles = await Promise.all(
      events.map(async (event) => (await em().findOneOrFail(Notification, { eventId: event.id })).title),
    );
    expect(titles).toEqual(['Invitation accepted: Yoga & stretch', 'Invitation declined: Yoga & stretch']);
    expect(await em().count(Notification, { userId: inviterId })).toBe(2);
    expect(await em().count(Delivery, { eventId: { $in: events.map((event) => event.id) } })).toBe(0);
  });

  it('tells a user their induction is done: they may book', async () => {
    const user = await registered({ locale: 'fr' });
    const event = await publish('bookings.induction_completed', {
      inductionId: randomUUID(),
      gymId: randomUUID(),
      gymName: 'Gym Nord',
      userId: user.userId,
    });
    const entry = await em().findOneOrFail(Notification, { eventId: event.id });
    expect(entry).toMatchObject({ userId: user.userId, title: 'Initiation validée : Gym Nord' });
    expect(entry.body).toContain('vous pouvez désormais réserver');
    expect(await em().count(Delivery, { eventId: event.id })).toBe(0);
  });
});
