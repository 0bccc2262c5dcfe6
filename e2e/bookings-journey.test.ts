import { waitFor } from '@lattice/testkit';
import {
  BOOK,
  type BookingsLattice,
  CANCEL,
  CREATE_GYM,
  CREATE_SESSIONS,
  CREDITS,
  gql,
  localInDays,
  localInMinutes,
  memberWithCredits,
  ok,
  startBookingsLattice,
} from './support/bookings';

let world: BookingsLattice;
let gymId: string;

beforeAll(async () => {
  world = await startBookingsLattice({ env: { BOOKINGS_JANITOR_INTERVAL_SECONDS: '1' } });
  const { lattice, admin } = world;
  gymId = (
    await ok(lattice, admin, CREATE_GYM, {
      input: {
        name: 'Alexander Strength',
        address: 'Alexanderplatz 1, Berlin',
        latitude: 52.5219,
        longitude: 13.4132,
        timeZone: 'Europe/Berlin',
        requiresInduction: true,
        cancellationWindowMinutes: 720,
      },
    })
  ).createGym.id;
  await ok(lattice, admin, CREATE_GYM, {
    input: {
      name: 'Potsdam Power',
      address: 'Potsdam',
      latitude: 52.3906,
      longitude: 13.0645,
      timeZone: 'Europe/Berlin',
    },
  });
}, 60_000);
afterAll(() => world?.stop());

const session = async (capacity: number, priceCredits: number, localStart = localInDays(3)) =>
  (
    await ok(world.lattice, world.admin, CREATE_SESSIONS, {
      input: {
        gymId,
        title: 'Powerlifting',
        localStarts: [localStart],
        durationMinutes: 60,
        capacity,
        priceCredits,
      },
    })
  ).createSessions[0].id as string;

const inducted = async (credits: number) => {
  const member = await memberWithCredits(world.lattice, world.admin, credits);
  const { requestInduction } = await ok(
    world.lattice,
    member.token,
    'mutation($g: ID!) { requestInduction(gymId: $g) { id } }',
    { g: gymId },
  );
  await ok(world.lattice, world.admin, 'mutation($id: ID!) { completeInduction(id: $id) { status } }', {
    id: requestInduction.id,
  });
  return member;
};

describe('booking a gym session through the gateway', () => {
  it('finds the gym nearby, books after the induction, holds the credit, mails, and gives it back on a timely cancel', async () => {
    const { lattice, admin, smtp } = world;
    const id = await session(10, 2);
    const member = await memberWithCredits(lattice, admin, 5);

    const near = await ok(
      lattice,
      member.token,
      `{ gyms(near: { latitude: 52.52, longitude: 13.405, radiusKm: 50 }) {
      edges { node { id name } distanceKm } } }`,
    );
    expect(near.gyms.edges.map((edge: any) => edge.node.name)).toEqual([
      'Alexander Strength',
      'Potsdam Power',
    ]);
    expect(near.gyms.edges[0].distanceKm).toBeLessThan(1);

    const before = await gql(lattice, member.token, BOOK, { id });
    expect(before.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'INDUCTION_REQUIRED' });
    const { requestInduction } = await ok(
      lattice,
      member.token,
      'mutation($g: ID!) { requestInduction(gymId: $g) { id } }',
      { g: gymId },
    );
    await ok(lattice, admin, 'mutation($id: ID!) { completeInduction(id: $id) { status } }', {
      id: requestInduction.id,
    });

    const { bookSession } = await ok(lattice, member.token, BOOK, { id });
    expect(bookSession).toMatchObject({ status: 'CONFIRMED', credits: 2, creditsOutcome: 'HELD' });
    expect((await ok(lattice, member.token, CREDITS)).me.credits).toEqual({ available: 3, held: 2 });

    const mail = await smtp.waitFor(
      (m) => m.envelope.to.includes(member.email) && /Alexander Strength/.test(m.subject + m.text),
    );
    expect(mail.text).toContain('Powerlifting');

    const { cancelBooking } = await ok(lattice, member.token, CANCEL, { id: bookSession.id });
    expect(cancelBooking).toMatchObject({ status: 'CANCELLED', creditsOutcome: 'RELEASED' });
    expect((await ok(lattice, member.token, CREDITS)).me.credits).toEqual({ available: 5, held: 0 });
    const mine = await ok(
      lattice,
      member.token,
      '{ me { bookings { edges { node { id status session { gym { name } } } } } } }',
    );
    expect(mine.me.bookings.edges[0].node).toEqual({
      id: bookSession.id,
      status: 'CANCELLED',
      session: { gym: { name: 'Alexander Strength' } },
    });
  });

  it('moves a booking to another session, holding the new price and releasing the old', async () => {
    const [from, to] = [await session(10, 2), await session(10, 3, localInDays(4))];
    const member = await inducted(5);
    const { bookSession } = await ok(world.lattice, member.token, BOOK, { id: from });
    const { rescheduleBooking } = await ok(
      world.lattice,
      member.token,
      'mutation($id: ID!, $to: ID!) { rescheduleBooking(id: $id, toSessionId: $to) { status credits creditsOutcome } }',
      { id: bookSession.id, to },
    );
    expect(rescheduleBooking).toEqual({ status: 'CONFIRMED', credits: 3, creditsOutcome: 'HELD' });
    expect((await ok(world.lattice, member.token, CREDITS)).me.credits).toEqual({ available: 2, held: 3 });
  });

  it('keeps the credit of a cancellation after the window', async () => {
    // Three hours ahead: inside the gym's 12-hour window, so a cancellation is late.
    const id = await session(10, 3, localInMinutes(180));
    const member = await inducted(3);
    const { bookSession } = await ok(world.lattice, member.token, BOOK, { id });
    const { cancelBooking } = await ok(world.lattice, member.token, CANCEL, { id: bookSession.id });
    expect(cancelBooking.creditsOutcome).toBe('CAPTURED');
    expect((await ok(world.lattice, member.token, CREDITS)).me.credits).toEqual({ available: 0, held: 0 });
  });

  it('refuses a booking without enough credits with QUOTA_EXCEEDED, holding nothing and keeping the seat free', async () => {
    const id = await session(1, 4);
    const member = await inducted(3);
    const answer = await gql(world.lattice, member.token, BOOK, { id });
    expect(answer.errors![0].extensions).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      available: 3,
      requested: 4,
    });
    expect((await ok(world.lattice, member.token, CREDITS)).me.credits).toEqual({ available: 3, held: 0 });
    const { gymSession } = await ok(
      world.lattice,
      member.token,
      'query($id: ID!) { gymSession(id: $id) { seatsLeft } }',
      { id },
    );
    expect(gymSession.seatsLeft).toBe(1);
  });

  it('gives the last seat of 50 racers to one, queues or refuses the rest, and promotes the first in line on a cancel', async () => {
    const id = await session(1, 1);
    const members = [];
    for (let i = 0; i < 50; i += 1) members.push(await inducted(2));
    const answers = await Promise.all(
      members.map((member, i) => gql(world.lattice, member.token, BOOK, { id, wait: i % 2 === 1 })),
    );
    const winners = answers.flatMap((answer, i) =>
      answer.data?.bookSession.status === 'CONFIRMED' ? [i] : [],
    );
    const queued = answers.filter((answer) => answer.data?.bookSession.status === 'WAITLISTED');
    const refused = answers.filter((answer) => answer.errors?.[0].extensions.code === 'CONFLICT');
    expect(winners).toHaveLength(1);
    expect(queued.length + refused.length).toBe(49);
    const held = await Promise.all(
      members.map(async (member) => (await ok(world.lattice, member.token, CREDITS)).me.credits.held),
    );
    expect(held.reduce((sum, value) => sum + value, 0)).toBe(1);

    const winner = members[winners[0]!]!;
    await ok(world.lattice, winner.token, CANCEL, { id: answers[winners[0]!]!.data.bookSession.id });
    const first = queued.find((answer) => answer.data.bookSession.waitlistPosition === 1)!;
    const firstMember = members[answers.indexOf(first)]!;
    const offered = await ok(
      world.lattice,
      firstMember.token,
      'query($id: ID!) { booking(id: $id) { status } }',
      { id: first.data.bookSession.id },
    );
    expect(offered.booking.status).toBe('OFFERED');
    await world.smtp.waitFor((m) => m.envelope.to.includes(firstMember.email) && /seat/i.test(m.subject));
    const { confirmBooking } = await ok(
      world.lattice,
      firstMember.token,
      'mutation($id: ID!) { confirmBooking(id: $id) { status creditsOutcome } }',
      {
        id: first.data.bookSession.id,
      },
    );
    expect(confirmBooking).toEqual({ status: 'CONFIRMED', creditsOutcome: 'HELD' });
    expect((await ok(world.lattice, firstMember.token, CREDITS)).me.credits).toEqual({
      available: 1,
      held: 1,
    });
  }, 120_000);

  it("lets nobody cancel, review or read another user's booking", async () => {
    const id = await session(5, 1);
    const owner = await inducted(1);
    const stranger = await inducted(1);
    const { bookSession } = await ok(world.lattice, owner.token, BOOK, { id });
    const cancel = await gql(world.lattice, stranger.token, CANCEL, { id: bookSession.id });
    expect(cancel.errors![0].extensions.code).toBe('NOT_FOUND');
    const review = await gql(
      world.lattice,
      stranger.token,
      'mutation($i: ReviewInput!) { reviewGym(input: $i) { id } }',
      {
        i: { bookingId: bookSession.id, rating: 1 },
      },
    );
    expect(review.errors![0].extensions.code).toBe('NOT_FOUND');
    const read = await ok(world.lattice, stranger.token, 'query($id: ID!) { booking(id: $id) { id } }', {
      id: bookSession.id,
    });
    expect(read.booking).toBeNull();
    expect((await ok(world.lattice, owner.token, CREDITS)).me.credits).toEqual({ available: 0, held: 1 });
  });

  it('invites a friend by mail, who accepts and takes a seat with their own credits', async () => {
    const id = await session(5, 1);
    const host = await inducted(1);
    const friend = await inducted(1);
    const { bookSession } = await ok(world.lattice, host.token, BOOK, { id });
    await ok(
      world.lattice,
      host.token,
      'mutation($b: ID!, $e: String!) { inviteToSession(bookingId: $b, email: $e) { id status } }',
      {
        b: bookSession.id,
        e: friend.email,
      },
    );
    const mail = await world.smtp.waitFor(
      (m) => m.envelope.to.includes(friend.email) && /invit/i.test(m.subject),
    );
    const link = mail.links.find((url) => url.includes('/invitations/'))!;
    const token = new URL(link).pathname.split('/').pop()!;
    const { acceptInvitation } = await ok(
      world.lattice,
      friend.token,
      'mutation($t: String!) { acceptInvitation(token: $t) { status creditsOutcome } }',
      { t: token },
    );
    expect(acceptInvitation).toEqual({ status: 'CONFIRMED', creditsOutcome: 'HELD' });
    const replay = await gql(
      world.lattice,
      friend.token,
      'mutation($t: String!) { acceptInvitation(token: $t) { id } }',
      { t: token },
    );
    expect(replay.errors![0].extensions.code).toBe('CONFLICT');
    await waitFor(async () => (await ok(world.lattice, friend.token, CREDITS)).me.credits.held === 1);
  });
});

describe('a session that took place', () => {
  it('spends the credits held for it, once, when it ends', async () => {
    const id = await session(5, 2);
    const member = await inducted(3);
    const { bookSession } = await ok(world.lattice, member.token, BOOK, { id });
    // The session is moved into the past, as the clock would: the janitor closes it.
    await world.lattice.subgraphs
      .bookings!.orm.em.getConnection()
      .execute(
        `update bookings.gym_session set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' where id = ?`,
        [id],
      );
    await waitFor(
      async () =>
        (
          await ok(world.lattice, member.token, 'query($id: ID!) { booking(id: $id) { creditsOutcome } }', {
            id: bookSession.id,
          })
        ).booking.creditsOutcome === 'CAPTURED',
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    await waitFor(async () => (await ok(world.lattice, member.token, CREDITS)).me.credits.held === 0, {
      timeoutMs: 20_000,
      intervalMs: 200,
    });
    expect((await ok(world.lattice, member.token, CREDITS)).me.credits).toEqual({ available: 1, held: 0 });
    const { booking } = await ok(
      world.lattice,
      member.token,
      'query($id: ID!) { booking(id: $id) { attendance } }',
      { id: bookSession.id },
    );
    expect(booking.attendance).toBe('NO_SHOW');
  }, 60_000);
});
