import type { GymResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import type { Gym as GymEntity } from '../entities';
import { isAdmin } from '../service/access';
import { staffOf } from '../service/gyms';
import { gymInductions } from '../service/inductions';
import { today } from '../service/local-time';
import { isOpenAt } from '../service/opening-hours';
import { reference } from '../service/references';
import { gymReviews } from '../service/reviews';
import { gymSessions } from '../service/sessions';

/** Whether the caller works at the gym or is an admin (one batched lookup per answer). */
export async function staffHere(gym: GymEntity, { viewer, loaders }: Context): Promise<boolean> {
  if (!viewer) return false;
  return isAdmin(viewer) || (await loaders.roleAt.load({ userId: viewer.id, id: gym.id })) !== null;
}

async function upcomingClosures(gym: GymEntity, _args: unknown, { loaders }: Context) {
  const from = today(gym.timeZone);
  return (await loaders.closuresByGym.load(gym.id)).filter((closure) => closure.toDate >= from);
}

export const Gym: GymResolvers<Context> = {
  __resolveReference: async ({ id }, context) => {
    const gym = await context.loaders.gymById.load(id);
    if (!gym || (gym.status === 'HIDDEN' && !(await staffHere(gym, context)))) return null;
    return gym;
  },
  closures: upcomingClosures,
  isOpenAt: async (gym, { at }, context) =>
    isOpenAt(gym, await context.loaders.closuresByGym.load(gym.id), at),
  equipment: async (gym, _args, context) => {
    const items = await context.loaders.equipmentByGym.load(gym.id);
    return (await staffHere(gym, context)) ? items : items.filter((item) => item.active);
  },
  pictures: (gym) => gym.pictureIds.map(reference),
  rating: (gym) => (gym.reviewCount === 0 ? null : Math.round((gym.ratingSum / gym.reviewCount) * 100) / 100),
  reviews: (gym, args, { em }) => gymReviews(em, gym.id, args),
  sessions: (gym, args, { em, runtime }) => gymSessions(em, gym.id, args, runtime.now()),
  isFavourite: (gym, _args, { viewer, loaders }) =>
    viewer ? loaders.isFavourite.load({ userId: viewer.id, id: gym.id }) : false,
  myInduction: (gym, _args, { viewer, loaders }) =>
    viewer ? loaders.inductionAt.load({ userId: viewer.id, id: gym.id }) : null,
  myRole: (gym, _args, { viewer, loaders }) =>
    viewer ? loaders.roleAt.load({ userId: viewer.id, id: gym.id }) : null,
  staff: async (gym, _args, context) =>
    (await staffHere(gym, context)) ? staffOf(context.em, gym.id) : null,
  inductions: async (gym, { status, ...page }, context) =>
    (await staffHere(gym, context)) ? gymInductions(context.em, gym.id, status, page) : null,
};
