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
  memberWithCredits,
  ok,
  startBookingsLattice,
} from './support/bookings';

// Attacks on bookings' credits through the gateway, with billing: what a member can do with
// billing's own public mutations, and what happens when billing goes away mid-flow.

let world: BookingsLattice;
let gymId: string;

beforeAll(async () => {
  world = await startBookingsLattice({ env: { BOOKINGS_JANITOR_INTERVAL_SECONDS: '1' } });
  gymId = (
    await ok(world.lattice, world.admin, CREATE_GYM, {
      input: {
        name: 'Credit Attack Gym',
        address: 'Karl-Marx-Allee 1, Berlin',
        latitude: 52.5186,
        longitude: 13.4306,
        timeZone: 'Europe/Berlin',
        cancellationWindowMinutes: 60,
      },
    })
  ).createGym.id;
}, 60_000);
afterAll(() => world?.stop());

const session = async (capacity: number, priceCredits: number, days = 3) =>
  (
    await ok(world.lattice, world.admin, CREATE_SESSIONS, {
      input: {
        gymId,
        title: 'Deadlifts',
        localStarts: [localInDays(days)],
        durationMinutes: 60,
        capacity,
        priceCredits,
      },
    })
  ).createSessions[0].id as string;

const credits = async (token: string) => (await ok(world.lattice, token, CREDITS)).me.credits;
const CONFIRM = 'mutation($id: ID!) { confirmBooking(id: $id) { id status creditsOutcome } }';
const SEATS = 'query($id: ID!) { gymSession(id: $id) { seatsLeft } }';

describe('numbers JSON can carry but GraphQL cannot', () => {
  it('such as 1e999 (Infinity once parsed) are refused as bad input, never reaching bookings', async () => {
    const { lattice, admin } = world;
    const body = (query: string, variables: string) =>
      `{"query": ${JSON.stringify(query)}, "variables": ${variables}}`;
    const search = await lattice.post(
      body(
        'query($n: NearInput!) { gyms(near: $n) { edges { node { id } } } }',
        '{"n": {"latitude": 1e999, "longitude": 0, "radiusKm": 5}}',
      ),
    );
    const create = await lattice.post(
      body(
        CREATE_GYM,
        '{"input": {"name": "Inf", "address": "x", "latitude": -1e999, "longitude": 0, "timeZone": "Europe/Berlin"}}',
      ),
      { authorization: `Bearer ${admin}` },
    );
    for (const { json } of [search, create]) {
      expect(json.data ?? null).toBeNull();
      expect(json.errors[0].extensions.code).toMatch(
        /^(BAD_USER_INPUT|BAD_REQUEST|GRAPHQL_VALIDATION_FAILED)$/,
      );
    }
  });
});

describe("bookings' credits against a member who also talks to billing", () => {
  it('confirm no offered seat whose reference the member held and released in billing beforehand', async () => {
    const { lattice, admin } = world;
    const id = await session(1, 2);
    const holder = await memberWithCredits(lattice, admin, 2);
    const waiter = await memberWithCredits(lattice, admin, 2);
    const seat = (await ok(lattice, holder.token, BOOK, { id })).bookSession;
    const queued = (await ok(lattice, waiter.token, BOOK, { id, wait: true })).bookSession;
    await ok(lattice, holder.token, CANCEL, { id: seat.id });

    // The waiting member knows their booking's id, hence bookings' reference for its credits.
    const { holdCredits } = await ok(
      lattice,
      waiter.token,
      'mutation($r: String!) { holdCredits(amount: 2, reference: $r) { id } }',
      { r: `booking:${queued.id}` },
    );
    await ok(lattice, waiter.token, 'mutation($id: ID!) { releaseCreditHold(id: $id) { status } }', {
      id: holdCredits.id,
    });

    const first = await gql(lattice, waiter.token, CONFIRM, { id: queued.id });
    const confirmed =
      first.data?.confirmBooking ??
      (await ok(lattice, waiter.token, CONFIRM, { id: queued.id })).confirmBooking;
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', creditsOutcome: 'HELD' });
    expect(await credits(waiter.token)).toEqual({ available: 0, held: 2 });
  });

  it("cannot reach the hold of a confirmed seat through billing's own mutations", async () => {
    const { lattice, admin } = world;
    const id = await session(3, 2);
    const member = await memberWithCredits(lattice, admin, 4);
    const seat = (await ok(lattice, member.token, BOOK, { id })).bookSession;
    // Bookings' holds live under billing's service prefix: the member can neither name one...
    const forged = await gql(
      lattice,
      member.token,
      'mutation($r: String!) { holdCredits(amount: 2, reference: $r) { id } }',
      {
        r: `service:booking:${seat.id}`,
      },
    );
    expect(forged.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reference' });
    // ...nor meet it with the reference bookings gave: that is a hold of their own, apart.
    const own = await ok(
      lattice,
      member.token,
      'mutation($r: String!) { holdCredits(amount: 2, reference: $r) { id } }',
      {
        r: `booking:${seat.id}`,
      },
    );
    await ok(lattice, member.token, 'mutation($id: ID!) { releaseCreditHold(id: $id) { status } }', {
      id: own.holdCredits.id,
    });
    expect(await credits(member.token)).toEqual({ available: 2, held: 2 });
  });

  it('give one seat to a member with credits for one booking five sessions at once', async () => {
    const { lattice, admin } = world;
    const ids = await Promise.all([1, 2, 3, 4, 5].map((day) => session(3, 1, day + 2)));
    const member = await memberWithCredits(lattice, admin, 1);
    const answers = await Promise.all(ids.map((id) => gql(lattice, member.token, BOOK, { id })));
    expect(answers.filter((answer) => answer.data?.bookSession.status === 'CONFIRMED')).toHaveLength(1);
    expect(answers.filter((answer) => answer.errors?.[0].extensions.code === 'QUOTA_EXCEEDED')).toHaveLength(
      4,
    );
    expect(await credits(member.token)).toEqual({ available: 0, held: 1 });
    const seats = await Promise.all(
      ids.map(async (id) => (await ok(lattice, member.token, SEATS, { id })).gymSession.seatsLeft),
    );
    expect(seats.sort()).toEqual([2, 3, 3, 3, 3]);
  });

  it('survive billing going away: SERVICE_UNAVAILABLE naming no address, no seat kept, and releases made once it is back', async () => {
    const { lattice, admin } = world;
    const id = await session(1, 2);
    const kept = await session(2, 2);
    const member = await memberWithCredits(lattice, admin, 4);
    const earlier = (await ok(lattice, member.token, BOOK, { id: kept })).bookSession;
    const billing = lattice.subgraphs.billing!;
    const port = billing.port;
    await billing.close();
    try {
      const refused = await gql(lattice, member.token, BOOK, { id });
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        service: 'billing',
      });
      expect(JSON.stringify(refused)).not.toMatch(/127\.0\.0\.1|localhost|http:|:\d{4,5}\b|select |sql/i);
      expect((await ok(lattice, member.token, SEATS, { id })).gymSession.seatsLeft).toBe(1);
      const cancelled = (await ok(lattice, member.token, CANCEL, { id: earlier.id })).cancelBooking;
      expect(cancelled).toMatchObject({ status: 'CANCELLED', creditsOutcome: 'RELEASED' });
    } finally {
      lattice.subgraphs.billing = await lattice.restartSubgraph('billing', port);
    }
    // The janitor tells billing of the release it could not make.
    await waitFor(
      async () => {
        const answer = await gql(lattice, member.token, CREDITS);
        return answer.data?.me.credits.held === 0;
      },
      { timeoutMs: 20_000, intervalMs: 200, message: 'the release reaching billing' },
    );
    expect(await credits(member.token)).toEqual({ available: 4, held: 0 });
    const { bookSession } = await ok(lattice, member.token, BOOK, { id });
    expect(bookSession).toMatchObject({ status: 'CONFIRMED', creditsOutcome: 'HELD' });
  });
});
