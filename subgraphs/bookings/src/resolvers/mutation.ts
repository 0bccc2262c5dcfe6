import type { MutationResolvers } from '../__generated__/resolvers-types';
import type { Context } from '../context';
import { checkIn, checkOut } from '../service/attendance';
import { bookSession, cancelBooking, confirmOffer } from '../service/booking-flow';
import { favourite, unfavourite } from '../service/favourites';
import {
  addClosure,
  addEquipment,
  addPicture,
  createGym,
  removeClosure,
  removePicture,
  removeStaff,
  setOpeningHours,
  setStaff,
  updateEquipment,
  updateGym,
} from '../service/gyms';
import {
  cancelInduction,
  completeInduction,
  requestInduction,
  scheduleInduction,
} from '../service/inductions';
import { acceptInvitation, declineInvitation, inviteToSession } from '../service/invitations';
import { rescheduleBooking } from '../service/reschedule';
import { deleteReview, reviewGym } from '../service/reviews';
import { cancelSession, createSessions, createWeeklySessions, setSessionCapacity } from '../service/sessions';
import { optionalNote } from '../service/validation';

export const Mutation: MutationResolvers<Context> = {
  createGym: (_p, { input }, { viewer, em }) => createGym(em, viewer, input),
  updateGym: (_p, { id, input }, { viewer, em }) => updateGym(em, viewer, id, input),
  setOpeningHours: (_p, { gymId, hours }, { viewer, em }) => setOpeningHours(em, viewer, gymId, hours),
  addGymClosure: (_p, { gymId, from, to, reason }, { viewer, em }) =>
    addClosure(em, viewer, gymId, { from, to, reason }),
  removeGymClosure: (_p, { id }, { viewer, em }) => removeClosure(em, viewer, id),
  setGymStaff: (_p, { gymId, userId, role }, { viewer, em }) => setStaff(em, viewer, gymId, userId, role),
  removeGymStaff: (_p, { gymId, userId }, { viewer, em }) => removeStaff(em, viewer, gymId, userId),
  addEquipment: (_p, { gymId, input }, { viewer, em }) => addEquipment(em, viewer, gymId, input),
  updateEquipment: (_p, { id, input }, { viewer, em }) => updateEquipment(em, viewer, id, input),
  addGymPicture: (_p, { gymId, mediaId }, { viewer, em }) => addPicture(em, viewer, gymId, mediaId),
  removeGymPicture: (_p, { gymId, mediaId }, { viewer, em }) => removePicture(em, viewer, gymId, mediaId),

  favouriteGym: (_p, { gymId }, { viewer, em }) => favourite(em, viewer, gymId),
  unfavouriteGym: (_p, { gymId }, { viewer, em }) => unfavourite(em, viewer, gymId),

  requestInduction: (_p, { gymId }, { viewer, em }) => requestInduction(em, viewer, gymId),
  scheduleInduction: (_p, { id, at }, { viewer, em, runtime }) =>
    scheduleInduction(em, runtime, viewer, id, at),
  completeInduction: (_p, { id }, { viewer, em, runtime }) => completeInduction(em, runtime, viewer, id),
  cancelInduction: (_p, { id }, { viewer, em }) => cancelInduction(em, viewer, id),

  createSessions: (_p, { input }, { viewer, em, runtime }) => createSessions(em, runtime, viewer, input),
  createWeeklySessions: (_p, { input }, { viewer, em, runtime }) =>
    createWeeklySessions(em, runtime, viewer, input),
  cancelSession: (_p, { id, reason }, { viewer, em, runtime }) =>
    cancelSession(em, runtime, viewer, id, optionalNote(reason, 'reason')),
  setSessionCapacity: (_p, { id, capacity }, { viewer, em, runtime }) =>
    setSessionCapacity(em, runtime, viewer, id, capacity),

  bookSession: (_p, { sessionId, joinWaitlist }, { viewer, em, runtime }) =>
    bookSession(em, runtime, viewer, sessionId, { joinWaitlist: joinWaitlist ?? false }),
  confirmBooking: (_p, { id }, { viewer, em, runtime }) => confirmOffer(em, runtime, viewer, id),
  cancelBooking: (_p, { id, reason }, { viewer, em, runtime }) =>
    cancelBooking(em, runtime, viewer, id, optionalNote(reason, 'reason')),
  rescheduleBooking: (_p, { id, toSessionId }, { viewer, em, runtime }) =>
    rescheduleBooking(em, runtime, viewer, id, toSessionId),
  checkIn: (_p, { bookingId }, { viewer, em, runtime }) => checkIn(em, runtime, viewer, bookingId),
  checkOut: (_p, { bookingId }, { viewer, em, runtime }) => checkOut(em, runtime, viewer, bookingId),

  inviteToSession: (_p, { bookingId, email }, { viewer, em, runtime }) =>
    inviteToSession(em, runtime, viewer, bookingId, email),
  acceptInvitation: (_p, { token }, { viewer, em, runtime }) => acceptInvitation(em, runtime, viewer, token),
  declineInvitation: (_p, { token }, { viewer, em, runtime }) =>
    declineInvitation(em, runtime, viewer, token),

  reviewGym: (_p, { input }, { viewer, em, runtime }) => reviewGym(em, runtime, viewer, input),
  deleteReview: (_p, { id }, { viewer, em }) => deleteReview(em, viewer, id),
};
