import { forbidden } from '@lattice/server-kit';
import { canReadPrivate, isUuid } from '@lattice/subgraph-kit';
import type { UserResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { userBookings } from '../service/bookings-query';
import { favouriteGyms } from '../service/favourites';
import { userInductions } from '../service/inductions';

const ownerOnly = (what: string) => forbidden(`Only the user and staff see a user's ${what}`);

export const User: UserResolvers<Context> = {
  // Identity's ids are UUIDs: anything else names no one (and never reaches a uuid column).
  __resolveReference: ({ id }) => (isUuid(id) ? { id } : null),
  bookings: (user, { upcoming, ...page }, { viewer, em, runtime }) => {
    if (!canReadPrivate(viewer, user.id)) throw ownerOnly('bookings');
    return userBookings(em, user.id, upcoming ?? true, page, runtime.now());
  },
  favouriteGyms: (user, args, { viewer, em }) => {
    if (!canReadPrivate(viewer, user.id)) throw ownerOnly('favourite gyms');
    return favouriteGyms(em, user.id, args);
  },
  inductions: (user, args, { viewer, em }) => {
    if (!canReadPrivate(viewer, user.id)) throw ownerOnly('inductions');
    return userInductions(em, user.id, args);
  },
};
