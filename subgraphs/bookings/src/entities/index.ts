import { BookingSchema } from './booking';
import { EquipmentSchema } from './equipment';
import { FavouriteSchema } from './favourite';
import { GymSchema } from './gym';
import { GymClosureSchema } from './gym-closure';
import { GymSessionSchema } from './gym-session';
import { GymStaffSchema } from './gym-staff';
import { InductionSchema } from './induction';
import { InvitationSchema } from './invitation';
import { ReviewSchema } from './review';

export { Booking, type Attendance, type BookingStatus, type CreditAction, LIVE, SEATED } from './booking';
export { Equipment } from './equipment';
export { Favourite } from './favourite';
export { Gym, type GymStatus, type OpeningInterval } from './gym';
export { GymClosure } from './gym-closure';
export { GymSession, type GymSessionStatus } from './gym-session';
export { GymStaff, type GymRole } from './gym-staff';
export { Induction, type InductionStatus } from './induction';
export { Invitation, type InvitationStatus } from './invitation';
export { Review } from './review';

export const entities = [
  GymSchema,
  GymClosureSchema,
  EquipmentSchema,
  GymStaffSchema,
  FavouriteSchema,
  InductionSchema,
  GymSessionSchema,
  BookingSchema,
  InvitationSchema,
  ReviewSchema,
];
