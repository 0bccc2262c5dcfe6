import { randomUUID } from 'node:crypto';
import { waitFor } from '@lattice/testkit';
import { Delivery, Notification, Preference, Recipient } from '../src/entities';
import { pause, plain, startWithMail, type WithMail } from './support/domain-events';

/**
 * bookings' events consumed over a real database, as `npm start` runs it (mail to the local
 * capture): what each sends, to whom, and the invitation mailed to an address no user has.
 */
let n: WithMail;
beforeAll(async () => {
  n = await startWithMail();
});
afterAll(() => n?.close());

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
    const user = await n.registered({ locale: 'fr-FR', timezone: 'America/New_York' });
    const event = await n.publish('bookings.booking_confirmed', {
      ...sessionFacts(),
      bookingId: randomUUID(),
      userId: user.userId,
      credits: 2,
      viaInvitation: false,
    });
    const mail = await n.mailTo(user.email, /Réservation confirmée/);
    expect(mail.subject).toBe('Réservation confirmée : Yoga & stretch (Gym <Nord>)');
    expect(plain(mail.text)).toContain('Début : mardi 3 mars 2026 à 18:30 (Europe/Paris)');
    expect(plain(mail.text)).toContain('Crédits bloqués : 2');
    expect(mail.html).toContain('Gym &lt;Nord&gt;');
    expect(mail.headers['list-unsubscribe']).toMatch(/\/unsubscribe\?token=/);
    const [entry] = await n.em().find(Notification, { eventId: event.id });
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
    const user = await n.registered();
    const event = await n.publish('bookings.booking_cancelled', {
      ...sessionFacts(),
      bookingId: randomUUID(),
      userId: user.userId,
      reason,
      creditsReleased: reason === 'LATE' ? 0 : 2,
      note: reason === 'CAPACITY_REDUCED' ? null : 'Roof leak',
    });
    const mail = await n.mailTo(user.email, /Booking cancelled/);
    expect(plain(mail.text)).toContain(says);
    // The note is the gym's: shown when the gym cancelled, and then only when there is one.
    if (note) expect(mail.text).toContain(note);
    else expect(mail.text).not.toContain('Note from the gym');
    expect(await n.em().count(Notification, { eventId: event.id, kind: 'booking_cancelled' })).toBe(1);
  });
});

describe('a seat offered from the waiting list', () => {
  const offer = (userId: string) =>
    n.publish('bookings.seat_offered', {
      ...sessionFacts(),
      bookingId: randomUUID(),
      userId,
      offerExpiresAt: '2026-03-03T15:00:00.000Z',
    });

  it('mails and tells the inbox; an SMS only to whom turned SMS on, at once (it is urgent)', async () => {
    const quiet = await n.registered({ phone: '+447700900001' });
    const eager = await n.registered({
      phone: '+447700900002',
      notifications: { email: true, sms: true, marketing: false },
    });
    await n.em().insert(Preference, {
      userId: eager.userId,
      category: 'activity',
      channel: 'sms',
      enabled: true,
    });
    const offers = [await offer(quiet.userId), await offer(eager.userId)];
    const mail = await n.mailTo(eager.email, /A seat is free/);
    expect(plain(mail.text)).toContain('before Tuesday, March 3, 2026 at 4:00 PM (Europe/Paris)');
    const rows = await n.em().find(Delivery, { eventId: { $in: offers.map((event) => event.id) } });
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
    expect(await n.em().count(Notification, { eventId: { $in: offers.map((event) => event.id) } })).toBe(2);
  });

  it('expired: an inbox entry alone', async () => {
    const user = await n.registered();
    const event = await n.publish('bookings.seat_offer_expired', {
      ...sessionFacts(),
      bookingId: randomUUID(),
      userId: user.userId,
    });
    expect(await n.applied(event)).toBe(true);
    expect(await n.em().count(Delivery, { eventId: event.id })).toBe(0);
    const [entry] = await n.em().find(Notification, { eventId: event.id });
    expect(entry).toMatchObject({ userId: user.userId, title: 'Seat offer expired: Yoga & stretch' });
  });
});

describe('an invitation', () => {
  const invite = (inviterId: string, email: string, token: string = randomUUID()) =>
    n.publish('bookings.invitation_sent', {
      ...sessionFacts(),
      invitationId: randomUUID(),
      inviterId,
      email,
      token,
    });

  it('is mailed to an address no user has, from its inviter by name, with its two links', async () => {
    const inviter = await n.registered({ displayName: 'Grace Hopper' });
    const address = `guest-${randomUUID()}@example.test`;
    const token = 'tok+en/1?=&';
    const event = await invite(inviter.userId, address, token);
    const mail = await n.mailTo(address, /Invitation/);
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
    expect(await n.em().count(Recipient, { email: address })).toBe(0);
    expect(await n.em().count(Notification, { eventId: event.id })).toBe(0);
    const [row] = await n.em().find(Delivery, { eventId: event.id });
    expect(row).toMatchObject({ userId: inviter.userId, kind: 'booking_invitation', channel: 'email' });
  });

  it('says "A member" when notifications knows no name of the inviter', async () => {
    const address = `guest-${randomUUID()}@example.test`;
    await invite(randomUUID(), address);
    const mail = await n.mailTo(address, /Invitation/);
    expect(plain(mail.text)).toContain('A member invited you');
  });

  it('is written in the inviter’s language', async () => {
    const inviter = await n.registered({ displayName: 'Marie', locale: 'fr-CA' });
    const address = `guest-${randomUUID()}@example.test`;
    await invite(inviter.userId, address);
    const mail = await n.mailTo(address, /Invitation/);
    expect(mail.subject).toBe('Invitation : Yoga & stretch à Gym <Nord>');
    expect(plain(mail.text)).toContain('Marie vous invite à une séance');
  });

  it('redelivered, or consumed again by another replica, is mailed once', async () => {
    const inviter = await n.registered();
    const address = `guest-${randomUUID()}@example.test`;
    const event = await invite(inviter.userId, address);
    await n.mailTo(address, /Invitation/);
    await n.bus.publish(event);
    // As if a second replica had consumed it too: the delivery's own uniqueness holds.
    await n.sql('delete from notifications.processed_event where event_id = ?', [event.id]);
    await n.bus.publish(event);
    expect(await n.applied(event)).toBe(true);
    await pause(500);
    expect(n.mailsTo(address)).toHaveLength(1);
    expect(await n.em().count(Delivery, { eventId: event.id })).toBe(1);
  });

  it('keeps neither its token nor the address once sent, and never logs them', async () => {
    const inviter = await n.registered();
    const address = `guest-${randomUUID()}@example.test`;
    const token = randomUUID();
    const event = await invite(inviter.userId, address, token);
    await n.mailTo(address, /Invitation/);
    const sent = await waitFor(
      async () => {
        const row = await n.em().findOneOrFail(Delivery, { eventId: event.id });
        return row.status === 'sent' && row;
      },
      { message: 'the delivery settled' },
    );
    expect([sent.address, sent.text, sent.html]).toEqual(['', '', null]);
    expect(JSON.stringify(sent)).not.toContain(token);
    const recorded = await n.sql<{ data: unknown }>(
      `select data from notifications.outbox_event where data->>'deliveryId' = ?`,
      [sent.id],
    );
    expect(recorded).toEqual([
      { data: expect.objectContaining({ userId: inviter.userId, kind: 'booking_invitation' }) },
    ]);
    await pause(100);
    const written = n.logLines.join('\n');
    expect(written).not.toContain(token);
    expect(written).toContain(address.slice(0, 12)); // the capture's line is there, without the link's token
  });

  it('to what is not one mailbox, or from a deleted inviter, sends nothing', async () => {
    const inviter = await n.registered();
    const odd = await invite(inviter.userId, 'guest@example.test, thief@example.test');
    const gone = await n.registered();
    await n.publish('identity.user_deleted', { userId: gone.userId });
    const late = await invite(gone.userId, `guest-${randomUUID()}@example.test`);
    for (const event of [odd, late]) {
      expect(await n.applied(event)).toBe(true);
      expect(await n.em().count(Delivery, { eventId: event.id })).toBe(0);
    }
    expect(n.logLines.join('\n')).not.toContain(odd.data.token);
  });
});

describe('the inbox of bookings', () => {
  it('tells the inviter their invitation was accepted or declined', async () => {
    const inviterId = randomUUID(); // known by no event yet: an inbox entry needs no address
    const answered = (accepted: boolean) =>
      n.publish('bookings.invitation_answered', {
        ...sessionFacts(),
        invitationId: randomUUID(),
        inviterId,
        inviteeId: randomUUID(),
        accepted,
      });
    const events = [await answered(true), await answered(false)];
    const titles = await Promise.all(
      events.map(async (event) => (await n.em().findOneOrFail(Notification, { eventId: event.id })).title),
    );
    expect(titles).toEqual(['Invitation accepted: Yoga & stretch', 'Invitation declined: Yoga & stretch']);
    expect(await n.em().count(Notification, { userId: inviterId })).toBe(2);
    expect(await n.em().count(Delivery, { eventId: { $in: events.map((event) => event.id) } })).toBe(0);
  });

  it('tells a user their induction is done: they may book', async () => {
    const user = await n.registered({ locale: 'fr' });
    const event = await n.publish('bookings.induction_completed', {
      inductionId: randomUUID(),
      gymId: randomUUID(),
      gymName: 'Gym Nord',
      userId: user.userId,
    });
    const entry = await n.em().findOneOrFail(Notification, { eventId: event.id });
    expect(entry).toMatchObject({ userId: user.userId, title: 'Initiation validée : Gym Nord' });
    expect(entry.body).toContain('vous pouvez désormais réserver');
    expect(await n.em().count(Delivery, { eventId: event.id })).toBe(0);
  });
});
