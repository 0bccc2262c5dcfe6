import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { badUserInput, conflict, notFound, validateInput, type Viewer } from '@lattice/server-kit';
import { isUuid, type PageArgs, paginate } from '@lattice/subgraph-kit';
import { Booking, type Gym, GymSession } from '../entities';
import type { BookingsRuntime } from '../runtime';
import { offerClock } from './booking-flow';
import { markCancelled } from './cancellation';
import { settleCredits } from './credits';
import { record, sessionFacts } from './events';
import { gymForStaff } from './gyms';
import { daysBetween, instantOf, localDates } from './local-time';
import { lockSession, occupancy, promoteWaitlist } from './seats';
import { clockTime, instantIn, LATEST, localDate, requiredText, weekday } from './validation';

const MAX_SESSIONS_PER_CALL = 200;

const slot = {
  gymId: z.string(),
  title: requiredText(200),
  durationMinutes: z.number().int().min(5).max(1440),
  capacity: z.number().int().min(1).max(10_000),
  priceCredits: z.number().int().min(0).max(100_000),
};
const createInput = z.object({ ...slot, localStarts: z.array(z.string()).min(1).max(100) });
const weeklyInput = z.object({
  ...slot,
  weekdays: z.array(weekday).min(1).max(7),
  localTime: clockTime.refine((value) => value !== '24:00', { message: 'must be before 24:00' }),
  fromDate: localDate,
  toDate: localDate,
});

type Slot = { title: string; durationMinutes: number; capacity: number; priceCredits: number };

async function createAt(
  em: EntityManager,
  runtime: BookingsRuntime,
  gym: Gym,
  createdBy: string,
  values: Slot,
  starts: Date[],
): Promise<GymSession[]> {
  const now = runtime.now();
  if (starts.some((start) => start <= now))
    throw badUserInput('Sessions must start in the future', 'input.localStarts');
  if (starts.some((start) => start.getTime() + values.durationMinutes * 60_000 > LATEST.getTime()))
    throw badUserInput('Sessions must end by the year 9999', 'input.localStarts');
  const sessions = starts.map((startsAt) =>
    em.create(GymSession, {
      gymId: gym.id,
      title: values.title,
      startsAt,
      endsAt: new Date(startsAt.getTime() + values.durationMinutes * 60_000),
      capacity: values.capacity,
      priceCredits: values.priceCredits,
      createdBy,
    }),
  );
  await em.flush();
  return sessions;
}

/** Sessions at local start times in the gym's zone (each converted with that day's offset). */
export async function createSessions(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  input: unknown,
): Promise<GymSession[]> {
  const values = validateInput(createInput, input);
  const gym = await gymForStaff(em, viewer, values.gymId);
  const starts = values.localStarts.map((local, i) =>
    instantOf(local, gym.timeZone, `input.localStarts.${i}`),
  );
  return createAt(em, runtime, gym, viewer!.id, values, starts);
}

/**
 * A session on each chosen weekday from `fromDate` to `toDate` at one local time: 07:00 stays
 * 07:00 in the gym's zone across a daylight-saving change (its UTC instant moves).
 */
export async function createWeeklySessions(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  input: unknown,
): Promise<GymSession[]> {
  const values = validateInput(weeklyInput, input);
  if (values.toDate < values.fromDate)
    throw badUserInput('input.toDate: must not be before fromDate', 'input.toDate');
  if (daysBetween(values.fromDate, values.toDate) > 92) {
    throw badUserInput('input.toDate: at most 92 days after fromDate', 'input.toDate');
  }
  const gym = await gymForStaff(em, viewer, values.gymId);
  const days = [...localDates(values.fromDate, values.toDate)].filter((day) =>
    values.weekdays.includes(day.weekday),
  );
  if (days.length > MAX_SESSIONS_PER_CALL)
    throw badUserInput(`At most ${MAX_SESSIONS_PER_CALL} sessions at once`, 'input');
  const starts = days.map((day) =>
    instantOf(`${day.date}T${values.localTime}`, gym.timeZone, 'input.localTime'),
  );
  return createAt(em, runtime, gym, viewer!.id, values, starts);
}

/** A gym's sessions starting in [from, to), soonest first. */
export function gymSessions(
  em: EntityManager,
  gymId: string,
  args: PageArgs & { from?: Date | null; to?: Date | null },
  now: Date,
) {
  const from = instantIn(args.from, 'from') ?? now;
  const to =
    instantIn(args.to, 'to') ?? new Date(Math.min(from.getTime() + 14 * 86_400_000, LATEST.getTime()));
  return paginate(em, GymSession, { gymId, startsAt: { $gte: from, $lt: to } }, args, {
    orderBy: ['startsAt', 'id'],
  });
}

async function staffSession(em: EntityManager, viewer: Viewer | null, id: string) {
  const session = isUuid(id) ? await em.findOne(GymSession, { id }) : null;
  if (!session) throw notFound('No session with this id');
  const gym = await gymForStaff(em, viewer, session.gymId);
  return { session, gym };
}

/**
 * Cancels `bookings` of `session` for a reason of the gym's: credits of confirmed ones are
 * released and every user is told.
 */
function cancelForGym(
  tx: EntityManager,
  gym: Gym,
  session: GymSession,
  bookings: Booking[],
  reason: 'SESSION_CANCELLED' | 'CAPACITY_REDUCED',
  { actor, note, now }: { actor: string; note: string | null; now: Date },
): void {
  for (const booking of bookings) {
    markCancelled(tx, { gym, session, booking }, { reason, note, shownReason: note ?? reason, actor, now });
  }
}

/**
 * Settles what `bookings` were decided; once billing cannot decide one, the rest wait for the
 * janitor too (each would wait as long).
 */
async function settleAll(em: EntityManager, runtime: BookingsRuntime, bookings: Booking[]) {
  for (const booking of bookings)
    if (!(await settleCredits(em, runtime.credits, booking, runtime.log))) break;
}

export async function cancelSession(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  id: string,
  note: string | null,
): Promise<GymSession> {
  const { gym } = await staffSession(em, viewer, id);
  const now = runtime.now();
  const { session, affected } = await em.transactional(async (tx) => {
    const locked = (await lockSession(tx, id))!;
    if (locked.status === 'CANCELLED') throw conflict('This session is already cancelled', 'id');
    if (locked.endsAt <= now) throw conflict('This session is over', 'id');
    // PENDING ones are confirming right now: they fail to confirm (and release) on their own.
    const live = await tx.find(Booking, {
      sessionId: id,
      status: { $in: ['WAITLISTED', 'OFFERED', 'CONFIRMED'] },
    });
    cancelForGym(tx, gym, locked, live, 'SESSION_CANCELLED', { actor: viewer!.id, note, now });
    locked.status = 'CANCELLED';
    record(
      tx,
      'bookings.session_cancelled',
      { ...sessionFacts(gym, locked), cancelledBy: viewer!.id, affectedBookings: live.length },
      { actor: viewer!.id, subject: gym.id },
    );
    return { session: locked, affected: live };
  });
  await settleAll(em, runtime, affected);
  return session;
}

/**
 * More seats go to the waiting list first; fewer cancel seats beyond the new capacity, offers
 * first, then the latest bookings (credits released, users told).
 */
export async function setSessionCapacity(
  em: EntityManager,
  runtime: BookingsRuntime,
  viewer: Viewer | null,
  id: string,
  capacity: number,
): Promise<GymSession> {
  if (!Number.isSafeInteger(capacity) || capacity < 0 || capacity > 10_000) {
    throw badUserInput('capacity: must be a whole number from 0 to 10000', 'capacity');
  }
  const { gym } = await staffSession(em, viewer, id);
  const now = runtime.now();
  const { session, affected } = await em.transactional(async (tx) => {
    const locked = (await lockSession(tx, id))!;
    if (locked.status === 'CANCELLED') throw conflict('This session is cancelled', 'id');
    if (locked.startsAt <= now) throw conflict('This session has started', 'id');
    locked.capacity = capacity;
    const { seated } = await occupancy(tx, id);
    let removed: Booking[] = [];
    if (seated > capacity) {
      const seats = await tx.find(
        Booking,
        { sessionId: id, status: { $in: ['OFFERED', 'CONFIRMED'] } },
        { orderBy: { line: 'desc' } },
      );
      const offersFirst = [
        ...seats.filter((b) => b.status === 'OFFERED'),
        ...seats.filter((b) => b.status !== 'OFFERED'),
      ];
      removed = offersFirst.slice(0, seated - capacity);
      cancelForGym(tx, gym, locked, removed, 'CAPACITY_REDUCED', { actor: viewer!.id, note: null, now });
    }
    await tx.flush();
    await promoteWaitlist(tx, locked, offerClock(runtime));
    return { session: locked, affected: removed };
  });
  await settleAll(em, runtime, affected);
  return session;
}
