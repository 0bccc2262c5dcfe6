import { requireViewer } from '@lattice/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { GymStaff } from '../entities';
import { alternativeSlots } from '../service/alternatives';
import { searchGyms } from '../service/gym-search';
import { visibleGym } from '../service/gyms';
import { invitationsOf } from '../service/invitations';
import { readableBooking } from './booking';
import { readableSession } from './gym-session';

export const Query: QueryResolvers<Context> = {
  gym: (_parent, { id }, { viewer, em }) => visibleGym(em, viewer, id),
  gyms: (_parent, args, { em }) => searchGyms(em, args),
  myGyms: async (_parent, _args, { viewer, em, loaders }) => {
    const memberships = await em.find(GymStaff, { userId: requireViewer(viewer).id });
    const gyms = await loaders.gymById.loadMany(memberships.map((member) => member.gymId));
    return gyms.flatMap((gym) => (gym && !(gym instanceof Error) ? [gym] : []));
  },
  gymSession: (_parent, { id }, context) => readableSession(id, context),
  alternativeSlots: (_parent, { sessionId, radiusKm, first }, { viewer, em, runtime }) =>
    alternativeSlots(em, viewer, sessionId, {
      radiusKm: radiusKm ?? 10,
      first: first ?? 5,
      now: runtime.now(),
    }),
  booking: (_parent, { id }, context) => readableBooking(id, context),
  invitations: (_parent, { bookingId }, { viewer, em }) => invitationsOf(em, viewer, bookingId),
};
