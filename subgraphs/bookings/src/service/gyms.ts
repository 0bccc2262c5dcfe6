import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { badUserInput, conflict, forbidden, notFound, validateInput, type Viewer } from '@lattice/server-kit';
import { isUuid, requireViewer } from '@lattice/subgraph-kit';
import { Equipment, Gym, GymClosure, type GymRole, GymStaff, type OpeningInterval } from '../entities';
import { isAdmin, isGymStaff, requireGymStaff } from './access';
import { record } from './events';
import { today } from './local-time';
import { normaliseHours } from './opening-hours';
import {
  clockTime,
  latitude,
  localDate,
  longitude,
  optionalText,
  requiredText,
  timeZone,
  weekday,
} from './validation';

const hoursInput = z.array(z.object({ weekday, opens: clockTime, closes: clockTime }));
const cancellationWindow = z.number().int().min(0).max(10_080, 'must be at most 10080 (a week)');

const createGymInput = z.object({
  name: requiredText(200),
  address: requiredText(500),
  latitude,
  longitude,
  timeZone,
  description: optionalText(5000, { multiline: true }),
  requiresInduction: z.boolean().nullish(),
  cancellationWindowMinutes: cancellationWindow.nullish(),
  openingHours: hoursInput.nullish(),
});

const updateGymInput = z.object({
  name: requiredText(200).nullish(),
  address: requiredText(500).nullish(),
  latitude: latitude.nullish(),
  longitude: longitude.nullish(),
  timeZone: timeZone.nullish(),
  description: optionalText(5000, { multiline: true }),
  requiresInduction: z.boolean().nullish(),
  cancellationWindowMinutes: cancellationWindow.nullish(),
  status: z.enum(['OPEN', 'TEMPORARILY_CLOSED', 'HIDDEN']).nullish(),
});

const equipmentInput = z.object({
  name: requiredText(100),
  type: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug such as squat-rack')
    .max(50),
  quantity: z.number().int().min(0).max(10_000).nullish(),
  active: z.boolean().nullish(),
});

const noGym = () => notFound('No gym with this id');

/** A gym the caller may see: hidden ones only to their staff and admins. */
export async function visibleGym(em: EntityManager, viewer: Viewer | null, id: string): Promise<Gym | null> {
  if (!isUuid(id)) return null;
  const gym = await em.findOne(Gym, { id });
  if (!gym) return null;
  if (gym.status === 'HIDDEN' && !(await isGymStaff(em, viewer, gym.id))) return null;
  return gym;
}

/** The gym, for its staff (`managerOnly`: managers) and admins; NOT_FOUND / FORBIDDEN otherwise. */
export async function gymForStaff(
  em: EntityManager,
  viewer: Viewer | null,
  id: string,
  options: { managerOnly?: boolean } = {},
): Promise<Gym> {
  requireViewer(viewer);
  if (!isUuid(id)) throw noGym();
  const gym = await em.findOne(Gym, { id });
  if (!gym) throw noGym();
  await requireGymStaff(em, viewer, gym.id, options);
  return gym;
}

/**
 * A zone PostgreSQL reads too: search reads every gym's hours in its zone, and one zone it does
 * not know (ICU knows a few more, such as US/Pacific-New) would fail every such search.
 */
async function requireKnownZone(em: EntityManager, zone: string): Promise<void> {
  const [row] = await em.execute<Array<{ known: boolean }>>(
    'select exists (select 1 from pg_timezone_names where lower(name) = lower(?)) as known',
    [zone],
  );
  if (!row?.known) {
    throw badUserInput('input.timeZone: must be an IANA time zone such as Europe/Berlin', 'input.timeZone');
  }
}

/** A new gym; its creator (an admin) is not made staff: `setGymStaff` names its managers. */
export async function createGym(em: EntityManager, viewer: Viewer | null, input: unknown): Promise<Gym> {
  const caller = requireViewer(viewer);
  if (!isAdmin(caller)) throw forbidden('Only admins create gyms');
  const values = validateInput(createGymInput, input);
  await requireKnownZone(em, values.timeZone);
  const gym = em.create(Gym, {
    name: values.name,
    address: values.address,
    latitude: values.latitude,
    longitude: values.longitude,
    timeZone: values.timeZone,
    description: values.description,
    requiresInduction: values.requiresInduction ?? false,
    cancellationWindowMinutes: values.cancellationWindowMinutes ?? 720,
    openingHours: normaliseHours(values.openingHours ?? []),
    createdBy: caller.id,
  });
  await em.flush();
  return gym;
}

export async function updateGym(
  em: EntityManager,
  viewer: Viewer | null,
  id: string,
  input: unknown,
): Promise<Gym> {
  const gym = await gymForStaff(em, viewer, id, { managerOnly: true });
  const values = validateInput(updateGymInput, input);
  if (values.timeZone) await requireKnownZone(em, values.timeZone);
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && (value !== null || key === 'description'))
      Object.assign(gym, { [key]: value });
  }
  await em.flush();
  return gym;
}

export async function setOpeningHours(
  em: EntityManager,
  viewer: Viewer | null,
  gymId: string,
  hours: OpeningInterval[],
): Promise<Gym> {
  const gym = await gymForStaff(em, viewer, gymId, { managerOnly: true });
  gym.openingHours = normaliseHours(validateInput(hoursInput, hours, 'hours'));
  await em.flush();
  return gym;
}

/** Closures from today on (in the gym's zone), soonest first. */
export const upcomingClosures = (em: EntityManager, gym: Gym): Promise<GymClosure[]> =>
  em.find(
    GymClosure,
    { gymId: gym.id, toDate: { $gte: today(gym.timeZone) } },
    { orderBy: { fromDate: 'asc' } },
  );

export async function addClosure(
  em: EntityManager,
  viewer: Viewer | null,
  gymId: string,
  input: { from: string; to: string; reason?: string | null },
): Promise<Gym> {
  const gym = await gymForStaff(em, viewer, gymId);
  const values = validateInput(
    z.object({ from: localDate, to: localDate, reason: optionalText(200) }),
    input,
    '',
  );
  if (values.from > values.to) throw badUserInput('to: must not be before from', 'to');
  if ((await em.count(GymClosure, { gymId })) >= 500)
    throw badUserInput('A gym keeps at most 500 closures', 'from');
  em.create(GymClosure, { gymId, fromDate: values.from, toDate: values.to, reason: values.reason });
  await em.flush();
  return gym;
}

export async function removeClosure(em: EntityManager, viewer: Viewer | null, id: string): Promise<Gym> {
  const closure = isUuid(id) ? await em.findOne(GymClosure, { id }) : null;
  if (!closure) throw notFound('No closure with this id');
  const gym = await gymForStaff(em, viewer, closure.gymId);
  em.remove(closure);
  await em.flush();
  return gym;
}

export async function setStaff(
  em: EntityManager,
  viewer: Viewer | null,
  gymId: string,
  userId: string,
  role: GymRole,
): Promise<Gym> {
  const gym = await gymForStaff(em, viewer, gymId, { managerOnly: true });
  if (!isUuid(userId)) throw badUserInput('userId: not a user id', 'userId');
  return em.transactional(async (tx) => {
    await tx.execute('select 1 from bookings.gym where id = ? for update', [gymId]);
    if (role !== 'MANAGER') await keepAManager(tx, viewer, await tx.findOne(GymStaff, { gymId, userId }));
    await tx.upsert(
      GymStaff,
      { gymId, userId, role, since: new Date() },
      { onConflictFields: ['gymId', 'userId'], onConflictMergeFields: ['role'] },
    );
    return gym;
  });
}

/** CONFLICT when `member` is the gym's last manager (admins may leave it without one). Under the gym's lock. */
async function keepAManager(tx: EntityManager, viewer: Viewer | null, member: GymStaff | null) {
  if (member?.role !== 'MANAGER' || isAdmin(viewer)) return;
  if ((await tx.count(GymStaff, { gymId: member.gymId, role: 'MANAGER' })) === 1)
    throw conflict('The last manager cannot step down or be removed; name another first', 'userId');
}

/** Removes a member; the last manager stays (a gym needs one), unless an admin removes them. */
export async function removeStaff(
  em: EntityManager,
  viewer: Viewer | null,
  gymId: string,
  userId: string,
): Promise<Gym> {
  const gym = await gymForStaff(em, viewer, gymId, { managerOnly: true });
  return em.transactional(async (tx) => {
    await tx.execute('select 1 from bookings.gym where id = ? for update', [gymId]);
    const member = isUuid(userId) ? await tx.findOne(GymStaff, { gymId, userId }) : null;
    if (!member) throw notFound("This user is not on the gym's staff");
    await keepAManager(tx, viewer, member);
    tx.remove(member);
    return gym;
  });
}

export const staffOf = (em: EntityManager, gymId: string): Promise<GymStaff[]> =>
  em.find(GymStaff, { gymId }, { orderBy: { since: 'asc', userId: 'asc' } });

export async function addEquipment(
  em: EntityManager,
  viewer: Viewer | null,
  gymId: string,
  input: unknown,
): Promise<Equipment> {
  await gymForStaff(em, viewer, gymId);
  const values = validateInput(equipmentInput, input);
  if ((await em.count(Equipment, { gymId })) >= 500)
    throw badUserInput('A gym lists at most 500 pieces of equipment', 'input');
  const item = em.create(Equipment, {
    gymId,
    name: values.name,
    type: values.type,
    quantity: values.quantity ?? 1,
    active: values.active ?? true,
  });
  await em.flush();
  return item;
}

export async function updateEquipment(
  em: EntityManager,
  viewer: Viewer | null,
  id: string,
  input: unknown,
): Promise<Equipment> {
  const item = isUuid(id) ? await em.findOne(Equipment, { id }) : null;
  if (!item) throw notFound('No equipment with this id');
  await gymForStaff(em, viewer, item.gymId);
  const values = validateInput(equipmentInput, input);
  Object.assign(item, {
    name: values.name,
    type: values.type,
    quantity: values.quantity ?? item.quantity,
    active: values.active ?? item.active,
  });
  await em.flush();
  return item;
}

/** Adds a picture (a Media id; media shows it to anyone once told, see README). At most 20. */
export async function addPicture(
  em: EntityManager,
  viewer: Viewer | null,
  gymId: string,
  mediaId: string,
): Promise<Gym> {
  const gym = await gymForStaff(em, viewer, gymId);
  if (!isUuid(mediaId)) throw badUserInput('mediaId: not a media id', 'mediaId');
  if (gym.pictureIds.includes(mediaId)) return gym;
  if (gym.pictureIds.length >= 20) throw badUserInput('A gym shows at most 20 pictures', 'mediaId');
  gym.pictureIds = [...gym.pictureIds, mediaId];
  const by = viewer!.id;
  record(
    em,
    'bookings.picture_published',
    { mediaId, ownerId: by, use: `gym:${gym.id}` },
    { actor: by, subject: by },
  );
  await em.flush();
  return gym;
}

export async function removePicture(
  em: EntityManager,
  viewer: Viewer | null,
  gymId: string,
  mediaId: string,
): Promise<Gym> {
  const gym = await gymForStaff(em, viewer, gymId);
  if (!gym.pictureIds.includes(mediaId)) return gym;
  gym.pictureIds = gym.pictureIds.filter((id) => id !== mediaId);
  record(
    em,
    'bookings.picture_unpublished',
    { mediaId, use: `gym:${gym.id}` },
    { actor: viewer!.id, subject: gym.id },
  );
  await em.flush();
  return gym;
}
