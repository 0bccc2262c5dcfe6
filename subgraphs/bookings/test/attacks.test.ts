import { createEvent } from '@lattice/events';
import { conflict, serviceUnavailable } from '@lattice/server-kit';
import { DateTime } from 'luxon';
import type { Credits } from '../src/service/credits';
import {
  BOOK,
  CANCEL,
  CREATE_GYM,
  CREATE_SESSIONS,
  localInDays,
  startBookings,
  type BookingsFixture,
} from './support/fixture';

// An outsider's and a careless client's attacks on bookings, each answered as documented.

type HoldStatus = 'held' | 'released' | 'captured';

/**
 * Billing's credit holds as its README describes them (once per user and reference, settling
 * idempotent, the opposite settlement CONFLICT), with the faults a network adds: an answer
 * lost after the hold was made, a request arriving after the caller gave up, one held at the
 * door until the test lets it in.
 */
function fakeBilling() {
  const holds = new Map<string, { amount: number; status: HoldStatus }>();
  const key = (userId: string, reference: string) => `${userId}/${reference}`;
  const faults: Array<(apply: () => unknown) => Promise<unknown>> = [];
  /** `down`: every call fails at once; `slowMs`: and only after this long (a black-holed billing). */
  const state = { down: false, slowMs: 0 };
  const unavailable = async () => {
    await new Promise((resolve) => setTimeout(resolve, state.slowMs));
    return serviceUnavailable('billing');
  };
  const hold = (userId: string, amount: number, reference: string) => {
    const existing = holds.get(key(userId, reference));
    if (existing && existing.amount !== amount)
      throw conflict('reference: already holds credits', 'reference');
    const made = existing ?? { amount, status: 'held' as HoldStatus };
    holds.set(key(userId, reference), made);
    return { id: key(userId, reference), reference, ...made };
  };
  const settle = (userId: string, reference: string, to: HoldStatus) => {
    const found = holds.get(key(userId, reference));
    if (!found || found.status === to) return found ?? null;
    if (found.status !== 'held') throw conflict(`This hold is already ${found.status}`, 'reference');
    found.status = to;
    return found;
  };
  const credits: Credits = {
    hold: async (userId, amount, reference) => {
      if (state.down) throw await unavailable();
      const fault = faults.shift();
      return (
        fault ? fault(() => hold(userId, amount, reference)) : hold(userId, amount, reference)
      ) as never;
    },
    release: async (userId, reference) => {
      if (state.down) throw await unavailable();
      settle(userId, reference, 'released');
    },
    capture: async (userId, reference) => {
      if (state.down) throw await unavailable();
      settle(userId, reference, 'captured');
    },
  };
  const of = (userId: string) => [...holds].filter(([k]) => k.startsWith(`${userId}/`)).map(([, v]) => v);
  return {
    credits,
    state,
    /** The status of the hold of a booking, null when billing never heard of it. */
    statusOf: (userId: string, bookingId: string) =>
      holds.get(key(userId, `booking:${bookingId}`))?.status ?? null,
    heldBy: (userId: string) => of(userId).reduce((sum, h) => sum + (h.status === 'held' ? h.amount : 0), 0),
    capturedBy: (userId: string) =>
      of(userId).reduce((sum, h) => sum + (h.status === 'captured' ? h.amount : 0), 0),
    /** What a user can do with billing's public mutations: hold and release under any reference. */
    asUser: {
      hold: (userId: string, amount: number, reference: string) => hold(userId, amount, reference),
      release: (userId: string, reference: string) => settle(userId, reference, 'released'),
    },
    /** The next hold is made, but its answer is lost: the caller sees SERVICE_UNAVAILABLE. */
    loseNextAnswer: () =>
      faults.push(async (apply) => {
        apply();
        throw serviceUnavailable('billing');
      }),
    /** The next hold times out on its way; it reaches billing only when `land` is called (if ever). */
    delayNextHold: () => {
      const late: { apply?: () => unknown } = {};
      faults.push(async (apply) => {
        late.apply = apply;
        throw serviceUnavailable('billing');
      });
      return { land: () => late.apply?.() };
    },
    /**
     * The next hold waits at billing's door: `arrived` once it is there, `open()` lets it in (or,
     * with `timeOut`, the caller gives up instead).
     */
    gateNextHold: ({ timeOut = false } = {}) => {
      let open!: () => void;
      let arrive!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      faults.push(async (apply) => {
        arrive();
        await gate;
        if (timeOut) throw serviceUnavailable('billing');
        return apply();
      });
      return { arrived, open };
    },
  };
}

let app: BookingsFixture;
let fake: ReturnType<typeof fakeBilling>;
let admin: string;
let managerA: { id: string; token: string };
let staffB: { id: string; token: string };
let staffHidden: { id: string; token: string };
let gymA: string;
let gymB: string;
let hiddenGym: string;

const code = (answer: any): string | undefined => answer.errors?.[0]?.extensions?.code;
const CONFIRM = 'mutation($id: ID!) { confirmBooking(id: $id) { id status creditsOutcome } }';
const READ_BOOKING = 'query($id: ID!) { booking(id: $id) { id status attendance creditsOutcome } }';
const SESSION_BOOKINGS = `query($id: ID!) { gymSession(id: $id) { capacity seatsLeft
  bookings { edges { node { id status user { id } } } } } }`;
const INVITE = 'mutation($b: ID!, $e: String!) { inviteToSession(bookingId: $b, email: $e) { id status } }';
const REVIEW = 'mutation($i: ReviewInput!) { reviewGym(input: $i) { id rating gym { rating reviewCount } } }';

const gym = async (name: string, extra: Record<string, unknown> = {}) =>
  (
    await app.ok(admin, CREATE_GYM, {
      input: {
        name,
        address: `${name} Street 1`,
        latitude: 52.5,
        longitude: 13.4,
        timeZone: 'Europe/Berlin',
        cancellationWindowMinutes: 60,
        ...extra,
      },
    })
  ).createGym.id as string;

const setStaff = (gymId: string, userId: string, role = 'MANAGER') =>
  app.ok(
    admin,
    'mutation($g: ID!, $u: ID!, $r: GymRole!) { setGymStaff(gymId: $g, userId: $u, role: $r) { id } }',
    {
      g: gymId,
      u: userId,
      r: role,
    },
  );

const sessions = async (
  gymId: string,
  localStarts: string[],
  { capacity = 5, price = 0, duration = 60 }: { capacity?: number; price?: number; duration?: number } = {},
) =>
  (
    await app.ok(admin, CREATE_SESSIONS, {
      input: {
        gymId,
        title: 'Attack',
        localStarts,
        durationMinutes: duration,
        capacity,
        priceCredits: price,
      },
    })
  ).createSessions.map((session: { id: string }) => session.id) as string[];

const session = async (options: { capacity?: number; price?: number; days?: number; gymId?: string } = {}) =>
  (await sessions(options.gymId ?? gymA, [localInDays(options.days ?? 3)], options))[0]!;

/** Berlin's local time `minutes` from now, as createSessions takes it. */
const berlinIn = (minutes: number) =>
  DateTime.now().setZone('Europe/Berlin').plus({ minutes }).toFormat("yyyy-MM-dd'T'HH:mm");

/** `work` with the bookings clock moved `ms` ahead. */
async function later<T>(ms: number, work: () => Promise<T>): Promise<T> {
  app.setClockOffset(ms);
  try {
    return await work();
  } finally {
    app.setClockOffset(0);
  }
}

const cursor = (values: unknown) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** A seat offered to `waiter` in a full paid session, after its holder cancelled. */
async function offeredSeat(price = 2) {
  const id = await session({ capacity: 1, price });
  const [holder, waiter] = await Promise.all([app.user(), app.user()]);
  const seat = (await app.ok(holder.token, BOOK, { id })).bookSession;
  const queued = (await app.ok(waiter.token, BOOK, { id, wait: true })).bookSession;
  await app.ok(holder.token, CANCEL, { id: seat.id });
  expect((await app.ok(waiter.token, READ_BOOKING, { id: queued.id })).booking.status).toBe('OFFERED');
  return { id, waiter, offer: queued.id as string, price };
}

beforeAll(async () => {
  app = await startBookings();
  fake = fakeBilling();
  app.runtime.credits = fake.credits;
  admin = await app.token('admin');
  [managerA, staffB, staffHidden] = await Promise.all([app.user(), app.user(), app.user()]);
  gymA = await gym('Attack Gym');
  gymB = await gym('Other Gym');
  hiddenGym = await gym('Secret Gym', { latitude: 52.5001 });
  await app.ok(admin, 'mutation($id: ID!) { updateGym(id: $id, input: { status: HIDDEN }) { id } }', {
    id: hiddenGym,
  });
  await setStaff(gymA, managerA.id);
  await setStaff(gymB, staffB.id, 'STAFF');
  await setStaff(hiddenGym, staffHidden.id, 'STAFF');
});
afterAll(() => app?.stop());

describe('credits held in billing', () => {
  it('confirm an offer retried after billing lost the answer to its hold only with credits held', async () => {
    const { waiter, offer, price } = await offeredSeat();
    fake.loseNextAnswer();
    expect(code(await app.post(waiter.token, CONFIRM, { id: offer }))).toBe('SERVICE_UNAVAILABLE');
    const retried = await app.ok(waiter.token, CONFIRM, { id: offer });
    expect(retried.confirmBooking).toMatchObject({ status: 'CONFIRMED', creditsOutcome: 'HELD' });
    expect(fake.statusOf(waiter.id, retried.confirmBooking.id)).toBe('held');
    expect(fake.heldBy(waiter.id)).toBe(price);
  });

  it('of an offer confirmed after a hold that never arrived are still released by a cancellation', async () => {
    const { waiter, offer } = await offeredSeat();
    fake.delayNextHold();
    expect(code(await app.post(waiter.token, CONFIRM, { id: offer }))).toBe('SERVICE_UNAVAILABLE');
    const { confirmBooking } = await app.ok(waiter.token, CONFIRM, { id: offer });
    const { cancelBooking } = await app.ok(waiter.token, CANCEL, { id: confirmBooking.id });
    expect(cancelBooking.creditsOutcome).toBe('RELEASED');
    expect(fake.heldBy(waiter.id)).toBe(0);
  });

  it('of an offer whose hold reached billing after bookings gave up are released by the janitor', async () => {
    const { waiter, offer } = await offeredSeat();
    const late = fake.delayNextHold();
    expect(code(await app.post(waiter.token, CONFIRM, { id: offer }))).toBe('SERVICE_UNAVAILABLE');
    late.land();
    expect(fake.statusOf(waiter.id, offer)).toBe('held');
    await app.sweep();
    expect(fake.statusOf(waiter.id, offer)).toBe('released');
  });

  it('for an offer billing could not hold while its session was cancelled leave no offer behind', async () => {
    const { id, waiter, offer } = await offeredSeat();
    const gate = fake.gateNextHold({ timeOut: true });
    const confirming = app.post(waiter.token, CONFIRM, { id: offer });
    await gate.arrived;
    await app.ok(managerA.token, 'mutation($id: ID!) { cancelSession(id: $id) { status } }', { id });
    gate.open();
    expect(code(await confirming)).toBe('SERVICE_UNAVAILABLE');
    const { gymSession } = await app.ok(
      waiter.token,
      'query($id: ID!) { gymSession(id: $id) { myBooking { id status } } }',
      {
        id,
      },
    );
    expect(gymSession.myBooking).toBeNull();
  });

  it('are not kept, nor a seat confirmed, when the session is cancelled while they are being held', async () => {
    const id = await session({ capacity: 2, price: 3 });
    const user = await app.user();
    const gate = fake.gateNextHold();
    const booking = app.post(user.token, BOOK, { id });
    await gate.arrived;
    await app.ok(managerA.token, 'mutation($id: ID!) { cancelSession(id: $id) { status } }', { id });
    gate.open();
    expect(code(await booking)).toBe('CONFLICT');
    await later(5 * 86_400_000, () => app.sweep());
    expect(fake.heldBy(user.id)).toBe(0);
    expect(fake.capturedBy(user.id)).toBe(0);
  });

  it('confirm no seat beyond a capacity cut while they are being held', async () => {
    const id = await session({ capacity: 1, price: 3 });
    const user = await app.user();
    const gate = fake.gateNextHold();
    const booking = app.post(user.token, BOOK, { id });
    await gate.arrived;
    await app.ok(managerA.token, 'mutation($id: ID!) { setSessionCapacity(id: $id, capacity: 0) { id } }', {
      id,
    });
    gate.open();
    expect(code(await booking)).toBe('CONFLICT');
    const { gymSession } = await app.ok(managerA.token, SESSION_BOOKINGS, { id });
    expect(gymSession.bookings.edges.filter((edge: any) => edge.node.status === 'CONFIRMED')).toEqual([]);
    await app.sweep();
    expect(fake.heldBy(user.id)).toBe(0);
  });

  it('of an account deleted while they are being held are released, and its seat freed', async () => {
    const id = await session({ capacity: 1, price: 3 });
    const user = await app.user();
    const gate = fake.gateNextHold();
    const booking = app.post(user.token, BOOK, { id });
    await gate.arrived;
    await app.fixture.bus.publish(
      createEvent('identity.user_deleted', { actor: null, subject: user.id, data: { userId: user.id } }),
    );
    gate.open();
    expect(code(await booking)).toBe('CONFLICT');
    await app.sweep();
    expect(fake.heldBy(user.id)).toBe(0);
    expect((await app.ok(null, SESSION_BOOKINGS, { id })).gymSession.seatsLeft).toBe(1);
  });

  it('of a move that could not be completed are given back, not kept as for a late cancellation', async () => {
    // The new seat starts within its cancellation window; the old booking is cancelled meanwhile.
    const [from, soon] = await sessions(gymA, [localInDays(4), berlinIn(30)], { price: 2 });
    const user = await app.user();
    const old = (await app.ok(user.token, BOOK, { id: from })).bookSession.id;
    const gate = fake.gateNextHold();
    const move = app.post(
      user.token,
      'mutation($id: ID!, $to: ID!) { rescheduleBooking(id: $id, toSessionId: $to) { id } }',
      { id: old, to: soon },
    );
    await gate.arrived;
    await app.ok(user.token, CANCEL, { id: old });
    gate.open();
    expect(code(await move)).toBe('CONFLICT');
    expect(fake.capturedBy(user.id)).toBe(0);
    expect(fake.heldBy(user.id)).toBe(0);
  });

  it('that billing refuses to settle for good do not hold up the settlement of others', async () => {
    // A user who released their holds behind bookings' back (billing's public mutations): the
    // captures at the end of their 100 sessions are refused (CONFLICT) every time.
    const hog = await app.user();
    const starts = Array.from({ length: 100 }, (_, i) =>
      localInDays(1, `${String(8 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`),
    );
    const ids = await sessions(gymA, starts, { capacity: 1, price: 1, duration: 5 });
    for (const id of ids) {
      const { bookSession } = await app.ok(hog.token, BOOK, { id });
      fake.asUser.release(hog.id, `booking:${bookSession.id}`);
    }
    const user = await app.user();
    const legit = await session({ capacity: 1, price: 2, days: 6 });
    const { bookSession } = await app.ok(user.token, BOOK, { id: legit });
    await later(2 * 86_400_000, async () => {
      await app.sweep();
      fake.state.down = true;
      try {
        await app.ok(user.token, CANCEL, { id: bookSession.id });
      } finally {
        fake.state.down = false;
      }
      await app.sweep();
      await app.sweep();
    });
    expect(fake.statusOf(user.id, bookSession.id)).toBe('released');
  }, 60_000);

  it('that billing cannot take now are tried again later, without stalling the janitor or staff on each one', async () => {
    const id = await session({ capacity: 10, price: 1 });
    const users = await Promise.all(Array.from({ length: 5 }, () => app.user()));
    for (const user of users) await app.ok(user.token, BOOK, { id });
    fake.state.down = true;
    fake.state.slowMs = 400;
    try {
      const started = Date.now();
      await app.ok(managerA.token, 'mutation($id: ID!) { cancelSession(id: $id) { status } }', { id });
      await app.sweep();
      expect(Date.now() - started).toBeLessThan(1800);
    } finally {
      fake.state.down = false;
      fake.state.slowMs = 0;
    }
    await app.sweep();
    for (const user of users) expect(fake.heldBy(user.id)).toBe(0);
  });
});

describe("another user's ids", () => {
  it('answer NOT_FOUND, FORBIDDEN or null in every query and mutation', async () => {
    const id = await session({ capacity: 3 });
    const [owner, stranger] = await Promise.all([app.user(), app.user()]);
    const seat = (await app.ok(owner.token, BOOK, { id })).bookSession.id;
    const { requestInduction } = await app.ok(
      owner.token,
      'mutation($g: ID!) { requestInduction(gymId: $g) { id } }',
      {
        g: gymA,
      },
    );
    const attempts: Array<[string, Record<string, unknown>, string]> = [
      [CONFIRM, { id: seat }, 'NOT_FOUND'],
      [CANCEL, { id: seat }, 'NOT_FOUND'],
      [INVITE, { b: seat, e: 'friend@example.com' }, 'NOT_FOUND'],
      ['query($b: ID!) { invitations(bookingId: $b) { id } }', { b: seat }, 'NOT_FOUND'],
      [REVIEW, { i: { bookingId: seat, rating: 1 } }, 'NOT_FOUND'],
      ['mutation($id: ID!) { checkIn(bookingId: $id) { id } }', { id: seat }, 'FORBIDDEN'],
      ['mutation($id: ID!) { cancelInduction(id: $id) { id } }', { id: requestInduction.id }, 'NOT_FOUND'],
      ['mutation($id: ID!) { completeInduction(id: $id) { id } }', { id: requestInduction.id }, 'NOT_FOUND'],
      [
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { bookings { edges { node { id } } } } } }',
        { r: [{ __typename: 'User', id: owner.id }] },
        'FORBIDDEN',
      ],
      [
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { inductions { edges { node { id } } } } } }',
        { r: [{ __typename: 'User', id: owner.id }] },
        'FORBIDDEN',
      ],
    ];
    for (const [query, variables, expected] of attempts) {
      expect([query, code(await app.post(stranger.token, query, variables))]).toEqual([query, expected]);
    }
    expect((await app.ok(stranger.token, READ_BOOKING, { id: seat })).booking).toBeNull();
    const entities = await app.ok(
      stranger.token,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Booking { id } } }',
      { r: [{ __typename: 'Booking', id: seat }] },
    );
    expect(entities._entities).toEqual([null]);
    expect((await app.ok(owner.token, READ_BOOKING, { id: seat })).booking.status).toBe('CONFIRMED');
  });
});

describe('staff of one gym', () => {
  it('can do nothing at another gym, nor read its staff-only fields', async () => {
    const id = await session({ capacity: 3 });
    const member = await app.user();
    const seat = (await app.ok(member.token, BOOK, { id })).bookSession.id;
    const closure = await app.ok(
      managerA.token,
      'mutation($g: ID!) { addGymClosure(gymId: $g, from: "2031-01-01", to: "2031-01-02") { closures { id } } }',
      { g: gymA },
    );
    const equipment = await app.ok(
      managerA.token,
      'mutation($g: ID!) { addEquipment(gymId: $g, input: { name: "Rack", type: "squat-rack" }) { id } }',
      { g: gymA },
    );
    const { requestInduction } = await app.ok(
      member.token,
      'mutation($g: ID!) { requestInduction(gymId: $g) { id } }',
      { g: gymA },
    );
    const media = '00000000-0000-4000-8000-00000000000a';
    const attempts: Array<[string, Record<string, unknown>]> = [
      [
        CREATE_SESSIONS,
        {
          input: {
            gymId: gymA,
            title: 'x',
            localStarts: [localInDays(4)],
            durationMinutes: 30,
            capacity: 1,
            priceCredits: 0,
          },
        },
      ],
      ['mutation($id: ID!) { cancelSession(id: $id) { id } }', { id }],
      ['mutation($id: ID!) { setSessionCapacity(id: $id, capacity: 50) { id } }', { id }],
      ['mutation($id: ID!) { checkIn(bookingId: $id) { id } }', { id: seat }],
      ['mutation($id: ID!) { checkOut(bookingId: $id) { id } }', { id: seat }],
      [CANCEL, { id: seat }],
      [
        'mutation($g: ID!) { addGymClosure(gymId: $g, from: "2031-02-01", to: "2031-02-02") { id } }',
        { g: gymA },
      ],
      [
        'mutation($id: ID!) { removeGymClosure(id: $id) { id } }',
        { id: closure.addGymClosure.closures[0].id },
      ],
      [
        'mutation($g: ID!) { addEquipment(gymId: $g, input: { name: "Bike", type: "bike" }) { id } }',
        { g: gymA },
      ],
      [
        'mutation($id: ID!) { updateEquipment(id: $id, input: { name: "Gone", type: "gone", active: false }) { id } }',
        { id: equipment.addEquipment.id },
      ],
      ['mutation($g: ID!, $m: ID!) { addGymPicture(gymId: $g, mediaId: $m) { id } }', { g: gymA, m: media }],
      [
        'mutation($g: ID!, $m: ID!) { removeGymPicture(gymId: $g, mediaId: $m) { id } }',
        { g: gymA, m: media },
      ],
      [
        'mutation($g: ID!, $u: ID!) { setGymStaff(gymId: $g, userId: $u, role: MANAGER) { id } }',
        { g: gymA, u: staffB.id },
      ],
      [
        'mutation($g: ID!, $u: ID!) { removeGymStaff(gymId: $g, userId: $u) { id } }',
        { g: gymA, u: managerA.id },
      ],
      ['mutation($g: ID!) { updateGym(id: $g, input: { status: HIDDEN }) { id } }', { g: gymA }],
      ['mutation($g: ID!) { setOpeningHours(gymId: $g, hours: []) { id } }', { g: gymA }],
      [
        'mutation($id: ID!) { scheduleInduction(id: $id, at: "2031-01-01T10:00:00Z") { id } }',
        { id: requestInduction.id },
      ],
      ['mutation($id: ID!) { completeInduction(id: $id) { id } }', { id: requestInduction.id }],
    ];
    for (const [query, variables] of attempts) {
      expect([query, code(await app.post(staffB.token, query, variables))]).toEqual([
        query,
        expect.stringMatching(/^(FORBIDDEN|NOT_FOUND)$/),
      ]);
    }
    const reads = await app.ok(
      staffB.token,
      `query($g: ID!, $s: ID!, $b: ID!) {
        gym(id: $g) { staff { role } inductions { edges { node { id } } } }
        gymSession(id: $s) { bookings { edges { node { id } } } }
        booking(id: $b) { id }
      }`,
      { g: gymA, s: id, b: seat },
    );
    expect(reads).toEqual({
      gym: { staff: null, inductions: null },
      gymSession: { bookings: null },
      booking: null,
    });
    expect((await app.ok(member.token, READ_BOOKING, { id: seat })).booking.status).toBe('CONFIRMED');
  });

  it('keep a manager: the last one cannot step down to STAFF', async () => {
    const own = await gym('One Manager Gym');
    const manager = await app.user();
    await setStaff(own, manager.id);
    const demote = await app.post(
      manager.token,
      'mutation($g: ID!, $u: ID!) { setGymStaff(gymId: $g, userId: $u, role: STAFF) { id } }',
      { g: own, u: manager.id },
    );
    expect(demote.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'userId' });
    const { gym: read } = await app.ok(manager.token, 'query($g: ID!) { gym(id: $g) { myRole } }', {
      g: own,
    });
    expect(read.myRole).toBe('MANAGER');
  });
});

describe('a hidden gym', () => {
  it('leaks to nobody but its staff: not by id, session, search, alternatives, _entities or mutations', async () => {
    const [secret] = await sessions(hiddenGym, [localInDays(3, '10:00')]);
    const [full] = await sessions(gymB, [localInDays(3, '10:00')], { capacity: 1 });
    await app.ok((await app.user()).token, BOOK, { id: full });
    const member = await app.user();
    const read = await app.ok(
      member.token,
      `query($g: ID!, $s: ID!, $full: ID!, $r: [_Any!]!) {
        gym(id: $g) { id }
        gymSession(id: $s) { id }
        gyms(text: "Secret") { edges { node { id } } }
        alternativeSlots(sessionId: $full, radiusKm: 50, first: 20) { session { id } }
        _entities(representations: $r) { ... on Gym { id } ... on GymSession { id } }
      }`,
      {
        g: hiddenGym,
        s: secret,
        full,
        r: [
          { __typename: 'Gym', id: hiddenGym },
          { __typename: 'GymSession', id: secret },
        ],
      },
    );
    expect(read).toMatchObject({ gym: null, gymSession: null, gyms: { edges: [] }, _entities: [null, null] });
    expect(read.alternativeSlots.map((slot: any) => slot.session.id)).not.toContain(secret);
    for (const [query, variables] of [
      ['mutation($g: ID!) { favouriteGym(gymId: $g) { id } }', { g: hiddenGym }],
      ['mutation($g: ID!) { requestInduction(gymId: $g) { id } }', { g: hiddenGym }],
      [BOOK, { id: secret }],
    ] as const) {
      expect(code(await app.post(member.token, query, variables))).toBe('NOT_FOUND');
    }
    const staff = await app.ok(staffHidden.token, 'query($g: ID!) { gym(id: $g) { id } }', { g: hiddenGym });
    expect(staff.gym.id).toBe(hiddenGym);
  });

  it('drops out of the favourites of whoever marked it before it was hidden', async () => {
    const fading = await gym('Fading Gym');
    const member = await app.user();
    await app.ok(member.token, 'mutation($g: ID!) { favouriteGym(gymId: $g) { id } }', { g: fading });
    await app.ok(admin, 'mutation($id: ID!) { updateGym(id: $id, input: { status: HIDDEN }) { id } }', {
      id: fading,
    });
    const { _entities } = await app.ok(
      member.token,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { favouriteGyms { edges { node { id } } } } } }',
      { r: [{ __typename: 'User', id: member.id }] },
    );
    expect(_entities[0].favouriteGyms.edges).toEqual([]);
  });
});

describe('bad input', () => {
  it('of instants no database can store is BAD_USER_INPUT, not an internal error', async () => {
    const member = await app.user();
    const { requestInduction } = await app.ok(
      member.token,
      'mutation($g: ID!) { requestInduction(gymId: $g) { id } }',
      {
        g: gymA,
      },
    );
    const far = '+275760-09-13T00:00:00.000Z';
    const attempts: Array<[string | null, string, Record<string, unknown>]> = [
      [null, 'query($at: DateTime!) { gyms(openAt: $at) { edges { node { id } } } }', { at: far }],
      [
        null,
        'query($g: ID!, $at: DateTime!) { gym(id: $g) { sessions(from: $at) { edges { node { id } } } } }',
        { g: gymA, at: '-271821-04-20T00:00:00.000Z' },
      ],
      [
        null,
        'query($g: ID!, $at: DateTime!) { gym(id: $g) { sessions(to: $at) { edges { node { id } } } } }',
        { g: gymA, at: far },
      ],
      [
        managerA.token,
        'mutation($id: ID!, $at: DateTime!) { scheduleInduction(id: $id, at: $at) { id } }',
        { id: requestInduction.id, at: far },
      ],
      [
        managerA.token,
        'mutation($g: ID!) { addGymClosure(gymId: $g, from: "0000-01-01", to: "0000-01-02") { id } }',
        { g: gymA },
      ],
      [
        managerA.token,
        CREATE_SESSIONS,
        {
          input: {
            gymId: gymA,
            title: 'Last',
            localStarts: ['9999-12-31T23:00'],
            durationMinutes: 1440,
            capacity: 1,
            priceCredits: 0,
          },
        },
      ],
    ];
    for (const [token, query, variables] of attempts) {
      expect([query, code(await app.post(token, query, variables))]).toEqual([query, 'BAD_USER_INPUT']);
    }
    const last = await app.ok(
      null,
      'query($g: ID!) { gym(id: $g) { sessions(from: "9999-12-31T00:00:00Z") { edges { node { id } } } } }',
      {
        g: gymA,
      },
    );
    expect(last.gym.sessions.edges).toEqual([]);
  });

  it('of forged cursors is BAD_USER_INPUT on `after`', async () => {
    const member = await app.user();
    const uuid = '00000000-0000-4000-8000-000000000000';
    const forged = [
      'not base64 at all %%%',
      cursor(["2030-01-01'); drop table bookings.booking; --", uuid]),
      cursor(['0', uuid]),
      cursor([{ $gt: '' }, uuid]),
      cursor([1, 2]),
      cursor(['2030-01-01T00:00:00.000Z', "' or 1=1 --"]),
    ];
    for (const after of forged) {
      for (const [token, query, variables] of [
        [
          null,
          'query($g: ID!, $a: String) { gym(id: $g) { sessions(after: $a) { edges { node { id } } } } }',
          { g: gymA },
        ],
        [
          null,
          'query($g: ID!, $a: String) { gym(id: $g) { reviews(after: $a) { edges { node { id } } } } }',
          { g: gymA },
        ],
        [
          member.token,
          'query($r: [_Any!]!, $a: String) { _entities(representations: $r) { ... on User { bookings(after: $a) { edges { node { id } } } } } }',
          { r: [{ __typename: 'User', id: member.id }] },
        ],
      ] as const) {
        const answer = await app.post(token, query, { ...variables, a: after });
        expect([after, query, answer.errors?.[0].extensions]).toEqual([
          after,
          query,
          expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
        ]);
      }
    }
    const near = await app.post(
      null,
      'query($a: String) { gyms(near: { latitude: 52.5, longitude: 13.4, radiusKm: 5 }, after: $a) { edges { node { id } } } }',
      {
        a: cursor(['0) or true --', uuid]),
      },
    );
    expect(near.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const byName = await app.ok(null, 'query($a: String) { gyms(after: $a) { edges { node { id } } } }', {
      a: cursor(["' or 1=1 --", uuid]),
    });
    expect(Array.isArray(byName.gyms.edges)).toBe(true);
  });

  it('of a time zone the database does not know is refused, so no gym can break search by opening time', async () => {
    const zoned = await gym('Zone Gym');
    const answer = await app.post(
      admin,
      'mutation($id: ID!) { updateGym(id: $id, input: { timeZone: "US/Pacific-New" }) { id } }',
      {
        id: zoned,
      },
    );
    expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timeZone' });
    const created = await app.post(admin, CREATE_GYM, {
      input: { name: 'New Zone', address: 'x', latitude: 1, longitude: 1, timeZone: 'US/Pacific-New' },
    });
    expect(created.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.timeZone' });
    const search = await app.post(
      null,
      'query($at: DateTime!) { gyms(openAt: $at) { edges { node { id } } } }',
      {
        at: new Date().toISOString(),
      },
    );
    expect(search.errors).toBeUndefined();
    for (const timeZone of ['Etc/GMT+5', 'Europe/Kyiv']) {
      await app.ok(
        admin,
        'mutation($id: ID!, $z: String!) { updateGym(id: $id, input: { timeZone: $z }) { id } }',
        {
          id: zoned,
          z: timeZone,
        },
      );
    }
  });

  it('of a zone of the POSIX sign convention (Etc/GMT+5 is UTC−5) reads alike in sessions, isOpenAt and search', async () => {
    const id = await gym('Five West', {
      latitude: -40,
      longitude: -100,
      timeZone: 'Etc/GMT+5',
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '10:00' })),
    });
    const [sessionId] = await sessions(id, ['2031-06-02T09:30']);
    const read = await app.ok(null, 'query($s: ID!) { gymSession(id: $s) { startsAt localStartsAt } }', {
      s: sessionId,
    });
    expect(read.gymSession).toEqual({
      startsAt: '2031-06-02T14:30:00.000Z',
      localStartsAt: '2031-06-02T09:30:00-05:00',
    });
    const at = async (instant: string) => {
      const found = await app.ok(
        null,
        'query($g: ID!, $at: DateTime!) { gym(id: $g) { isOpenAt(at: $at) } gyms(text: "Five West", openAt: $at) { edges { node { id } } } }',
        { g: id, at: instant },
      );
      return [found.gym.isOpenAt, found.gyms.edges.length];
    };
    expect(await at('2031-06-02T14:30:00Z')).toEqual([true, 1]);
    expect(await at('2031-06-02T09:30:00Z')).toEqual([false, 0]);
  });

  it('of ids that are not ids is no internal error, even for moderators', async () => {
    const moderator = await app.token('moderator');
    const answer = await app.post(
      moderator,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User {
        bookings { edges { node { id } } } favouriteGyms { edges { node { id } } } inductions { edges { node { id } } } } } }`,
      { r: [{ __typename: 'User', id: "x' or 1=1" }] },
    );
    expect(answer.errors?.map((error: any) => error.extensions.code) ?? []).not.toContain(
      'INTERNAL_SERVER_ERROR',
    );
  });

  it('of sessions, hours and amounts out of range is BAD_USER_INPUT naming the field', async () => {
    const slot = {
      gymId: gymA,
      title: 'x',
      localStarts: [localInDays(5)],
      durationMinutes: 30,
      capacity: 1,
      priceCredits: 0,
    };
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ localStarts: Array.from({ length: 10_000 }, () => localInDays(5)) }, 'input.localStarts'],
      [{ capacity: 0 }, 'input.capacity'],
      [{ priceCredits: -1 }, 'input.priceCredits'],
      [{ durationMinutes: 0 }, 'input.durationMinutes'],
      [{ durationMinutes: 100_000 }, 'input.durationMinutes'],
      [{ localStarts: [`${localInDays(5).slice(0, 10)}T24:00`] }, 'input.localStarts.0'],
      [{ localStarts: ['2030-02-30T10:00'] }, 'input.localStarts.0'],
      [{ localStarts: ["2030-01-01T10:00'; --"] }, 'input.localStarts.0'],
      [{ title: 'a\u0000b' }, 'input.title'],
      [{ title: 'x'.repeat(100_000) }, 'input.title'],
    ];
    for (const [change, field] of bad) {
      const answer = await app.post(admin, CREATE_SESSIONS, { input: { ...slot, ...change } });
      expect([field, answer.errors?.[0].extensions]).toEqual([
        field,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      ]);
    }
    for (const weekday of [0, 8]) {
      const answer = await app.post(
        admin,
        'mutation($g: ID!, $d: Int!) { setOpeningHours(gymId: $g, hours: [{ weekday: $d, opens: "06:00", closes: "24:00" }]) { id } }',
        {
          g: gymA,
          d: weekday,
        },
      );
      expect(answer.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours.0.weekday' });
    }
    const reversed = await app.post(
      managerA.token,
      'mutation($g: ID!) { addGymClosure(gymId: $g, from: "2031-05-02", to: "2031-05-01") { id } }',
      {
        g: gymA,
      },
    );
    expect(reversed.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    for (const radiusKm of [0, -1, 500.5]) {
      const answer = await app.post(
        null,
        'query($r: Float!) { gyms(near: { latitude: 1, longitude: 1, radiusKm: $r }) { edges { node { id } } } }',
        {
          r: radiusKm,
        },
      );
      expect(answer.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'near.radiusKm' });
    }
  });
});

describe('races', () => {
  it('of one user booking twice at once leave one booking', async () => {
    const id = await session({ capacity: 5 });
    const user = await app.user();
    const answers = await Promise.all(Array.from({ length: 6 }, () => app.post(user.token, BOOK, { id })));
    expect(answers.filter((answer) => answer.data?.bookSession.status === 'CONFIRMED')).toHaveLength(1);
    expect((await app.ok(null, SESSION_BOOKINGS, { id })).gymSession.seatsLeft).toBe(4);
  });

  it('of a replayed confirmation, and of a confirmation against a cancellation, take one seat at most', async () => {
    const { id, waiter, offer } = await offeredSeat(0);
    const answers = await Promise.all([
      app.post(waiter.token, CONFIRM, { id: offer }),
      app.post(waiter.token, CONFIRM, { id: offer }),
      app.post(waiter.token, CANCEL, { id: offer }),
    ]);
    const confirmed = answers.filter((answer) => answer.data?.confirmBooking?.status === 'CONFIRMED');
    expect(confirmed.length).toBeLessThanOrEqual(1);
    const { booking } = await app.ok(waiter.token, READ_BOOKING, { id: offer });
    expect(['CONFIRMED', 'CANCELLED']).toContain(booking.status);
    expect((await app.ok(null, SESSION_BOOKINGS, { id })).gymSession.seatsLeft).toBe(
      booking.status === 'CONFIRMED' ? 0 : 1,
    );
  });

  it('of two people accepting one invitation give one of them a seat', async () => {
    const id = await session({ capacity: 5 });
    const host = await app.user();
    const seat = (await app.ok(host.token, BOOK, { id })).bookSession.id;
    await app.ok(host.token, INVITE, { b: seat, e: 'both@example.com' });
    const { token } = (await app.outbox('bookings.invitation_sent')).at(-1)!;
    const [one, two] = await Promise.all([app.user(), app.user()]);
    const answers = await Promise.all(
      [one, two].map((user) =>
        app.post(user.token, 'mutation($t: String!) { acceptInvitation(token: $t) { id status } }', {
          t: token,
        }),
      ),
    );
    expect(answers.filter((answer) => answer.data?.acceptInvitation.status === 'CONFIRMED')).toHaveLength(1);
    expect(answers.filter((answer) => code(answer) === 'CONFLICT')).toHaveLength(1);
  });

  it('of reviews and deletions count each rating once', async () => {
    const reviewed = await gym('Rated Gym');
    const [id] = await sessions(reviewed, [berlinIn(30)]);
    const user = await app.user();
    const seat = (await app.ok(user.token, BOOK, { id })).bookSession.id;
    await app.ok(admin, 'mutation($id: ID!) { checkIn(bookingId: $id) { id } }', { id: seat });
    await later(2 * 3600_000, async () => {
      const posted = await Promise.all(
        Array.from({ length: 5 }, () => app.post(user.token, REVIEW, { i: { bookingId: seat, rating: 4 } })),
      );
      const winner = posted.find((answer) => answer.data);
      expect(posted.filter((answer) => answer.data)).toHaveLength(1);
      expect(winner.data.reviewGym.gym).toEqual({ rating: 4, reviewCount: 1 });
      await Promise.all(
        Array.from({ length: 5 }, () =>
          app.post(user.token, 'mutation($id: ID!) { deleteReview(id: $id) }', {
            id: winner.data.reviewGym.id,
          }),
        ),
      );
    });
    const { gym: after } = await app.ok(null, 'query($g: ID!) { gym(id: $g) { rating reviewCount } }', {
      g: reviewed,
    });
    expect(after).toEqual({ rating: null, reviewCount: 0 });
  });
});

describe('the janitor', () => {
  it('ending a session while its last offer is cancelled leaves one outcome', async () => {
    const { id, waiter, offer } = await offeredSeat(0);
    const [cancelled] = await later(5 * 86_400_000, () =>
      Promise.all([app.post(waiter.token, CANCEL, { id: offer }), app.sweep()]),
    );
    const { booking } = await app.ok(waiter.token, READ_BOOKING, { id: offer });
    expect(booking.status).toBe(cancelled.data ? 'CANCELLED' : 'EXPIRED');
    expect((await app.ok(null, SESSION_BOOKINGS, { id })).gymSession.seatsLeft).toBe(1);
  });
});

describe('invitations', () => {
  it('mail an address once per session, at most five, however often the booking is cancelled and made again', async () => {
    const id = await session({ capacity: 5 });
    const host = await app.user();
    let seat = (await app.ok(host.token, BOOK, { id })).bookSession.id;
    for (let i = 0; i < 5; i += 1) await app.ok(host.token, INVITE, { b: seat, e: `friend${i}@example.com` });
    await app.ok(host.token, CANCEL, { id: seat });
    seat = (await app.ok(host.token, BOOK, { id })).bookSession.id;
    const again = await app.post(host.token, INVITE, { b: seat, e: 'friend0@example.com' });
    expect(code(again)).toBe('CONFLICT');
    const more = await app.post(host.token, INVITE, { b: seat, e: 'someone-else@example.com' });
    expect(code(more)).toBe('BAD_USER_INPUT');
  });

  it('are not mailed again to an address that declined', async () => {
    const id = await session({ capacity: 5 });
    const host = await app.user();
    const seat = (await app.ok(host.token, BOOK, { id })).bookSession.id;
    await app.ok(host.token, INVITE, { b: seat, e: 'no-thanks@example.com' });
    const { token } = (await app.outbox('bookings.invitation_sent')).at(-1)!;
    await app.ok(null, 'mutation($t: String!) { declineInvitation(token: $t) { status } }', { t: token });
    expect(code(await app.post(host.token, INVITE, { b: seat, e: 'NO-THANKS@example.com' }))).toBe(
      'CONFLICT',
    );
    const accept = await app.post(
      (await app.user()).token,
      'mutation($t: String!) { acceptInvitation(token: $t) { id } }',
      {
        t: token,
      },
    );
    expect(code(accept)).toBe('CONFLICT');
  });

  it('are at most 20 a day from one user, across sessions', async () => {
    const host = await app.user();
    const ids = await sessions(
      gymA,
      [5, 6, 7, 8, 9].map((day) => localInDays(day, '18:00')),
    );
    let sent = 0;
    let refused: any;
    for (const id of ids) {
      const seat = (await app.ok(host.token, BOOK, { id })).bookSession.id;
      for (let i = 0; i < 5 && !refused; i += 1) {
        const answer = await app.post(host.token, INVITE, { b: seat, e: `victim+${sent}@example.com` });
        if (answer.errors) refused = answer.errors[0];
        else sent += 1;
      }
    }
    expect(sent).toBe(20);
    expect(refused.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
  });

  it('are refused for bookings that are not confirmed, for oneself, and for tokens of the wrong shape', async () => {
    const id = await session({ capacity: 1 });
    const [host, waiter] = await Promise.all([app.user(), app.user()]);
    const seat = (await app.ok(host.token, BOOK, { id })).bookSession.id;
    const queued = (await app.ok(waiter.token, BOOK, { id, wait: true })).bookSession.id;
    expect(code(await app.post(waiter.token, INVITE, { b: queued, e: 'a@example.com' }))).toBe('CONFLICT');
    await app.ok(host.token, INVITE, { b: seat, e: 'self@example.com' });
    const { token } = (await app.outbox('bookings.invitation_sent')).at(-1)!;
    const own = await app.post(host.token, 'mutation($t: String!) { acceptInvitation(token: $t) { id } }', {
      t: token,
    });
    expect(code(own)).toBe('CONFLICT');
    for (const forged of ["' or 1=1 --", 'x'.repeat(100_000), token.slice(0, 42), `${token.slice(0, 42)}!`]) {
      const answer = await app.post(
        waiter.token,
        'mutation($t: String!) { acceptInvitation(token: $t) { id } }',
        { t: forged },
      );
      expect(code(answer)).toBe('NOT_FOUND');
    }
  });
});

describe('reviews', () => {
  it('are for attended bookings only: not for one cancelled after its check-in, which its user cannot cancel', async () => {
    const [id] = await sessions(gymA, [berlinIn(30)], { price: 2 });
    const user = await app.user();
    const seat = (await app.ok(user.token, BOOK, { id })).bookSession.id;
    await app.ok(managerA.token, 'mutation($id: ID!) { checkIn(bookingId: $id) { id } }', { id: seat });
    const own = await app.post(user.token, CANCEL, { id: seat });
    expect(code(own)).toBe('CONFLICT');
    expect(fake.heldBy(user.id)).toBe(2);
    await app.ok(managerA.token, CANCEL, { id: seat });
    const review = await later(2 * 3600_000, () =>
      app.post(user.token, REVIEW, { i: { bookingId: seat, rating: 5 } }),
    );
    expect(code(review)).toBe('FORBIDDEN');
    const fractional = await app.post(user.token, REVIEW, { i: { bookingId: seat, rating: 4.5 } });
    expect(fractional.errors).toBeDefined();
  });
});

describe("a gym's staff", () => {
  it('do not review the gym they work at', async () => {
    const [id] = await sessions(gymB, [berlinIn(30)]);
    const seat = (await app.ok(staffB.token, BOOK, { id })).bookSession.id;
    await app.ok(staffB.token, 'mutation($id: ID!) { checkIn(bookingId: $id) { id } }', { id: seat });
    const review = await later(2 * 3600_000, () =>
      app.post(staffB.token, REVIEW, { i: { bookingId: seat, rating: 5 } }),
    );
    expect(code(review)).toBe('FORBIDDEN');
  });
});

describe('a deleted user', () => {
  it('gives their seat to the next in line and their reviews leave the rating', async () => {
    const rated = await gym('Erased Gym');
    const [past, coming] = await sessions(rated, [berlinIn(30), localInDays(4)], { capacity: 1 });
    const [leaver, next] = await Promise.all([app.user(), app.user()]);
    const attended = (await app.ok(leaver.token, BOOK, { id: past })).bookSession.id;
    await app.ok(admin, 'mutation($id: ID!) { checkIn(bookingId: $id) { id } }', { id: attended });
    await later(2 * 3600_000, () => app.ok(leaver.token, REVIEW, { i: { bookingId: attended, rating: 1 } }));
    await app.ok(leaver.token, BOOK, { id: coming });
    const queued = (await app.ok(next.token, BOOK, { id: coming, wait: true })).bookSession.id;
    await app.fixture.bus.publish(
      createEvent('identity.user_deleted', { actor: null, subject: leaver.id, data: { userId: leaver.id } }),
    );
    expect((await app.ok(next.token, READ_BOOKING, { id: queued })).booking.status).toBe('OFFERED');
    const { gym: after } = await app.ok(
      null,
      'query($g: ID!) { gym(id: $g) { rating reviewCount reviews { edges { node { id } } } } }',
      {
        g: rated,
      },
    );
    expect(after).toEqual({ rating: null, reviewCount: 0, reviews: { edges: [] } });
  });
});

describe('alternative slots', () => {
  it('are sessions one can book: none at a gym taking no bookings', async () => {
    const paused = await gym('Paused Gym', { latitude: 10, longitude: 10 });
    const [full, free] = await sessions(paused, [localInDays(3, '10:00'), localInDays(3, '11:00')], {
      capacity: 1,
    });
    await app.ok((await app.user()).token, BOOK, { id: full });
    await app.ok(
      admin,
      'mutation($id: ID!) { updateGym(id: $id, input: { status: TEMPORARILY_CLOSED }) { id } }',
      {
        id: paused,
      },
    );
    const { alternativeSlots } = await app.ok(
      null,
      'query($id: ID!) { alternativeSlots(sessionId: $id) { session { id } } }',
      {
        id: full,
      },
    );
    expect(alternativeSlots).toEqual([]);
    const book = await app.post((await app.user()).token, BOOK, { id: free });
    expect(code(book)).toBe('CONFLICT');
  });
});
