import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Reference as ReferenceModel } from '../service/references';
import type { Gym as GymModel, GymClosure as GymClosureModel, Equipment as EquipmentModel, GymStaff as GymStaffModel, Induction as InductionModel, GymSession as GymSessionModel, Booking as BookingModel, Invitation as InvitationModel, Review as ReviewModel } from '../entities';
import type { GymSearchEdge as GymSearchEdgeModel } from '../service/gym-search';
import type { AlternativeSlot as AlternativeSlotModel } from '../service/alternatives';
import type { Context } from '../context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 date-time in UTC, e.g. `2026-11-22T10:00:00.000Z`. */
  DateTime: { input: Date; output: Date; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A free session offered instead of a full one: at the same gym, or at one nearby. */
export type AlternativeSlot = {
  __typename?: 'AlternativeSlot';
  /** Kilometres from the full session's gym (0 at the same gym). */
  distanceKm: Scalars['Float']['output'];
  session: GymSession;
  /** Minutes between its start and the full session's (negative: earlier). */
  startsAtDifferenceMinutes: Scalars['Int']['output'];
};

export type Attendance =
  | 'CHECKED_IN'
  | 'CHECKED_OUT'
  | 'NO_SHOW';

/** A user's seat (or place in line) in a session. Its user, the gym's staff and admins only. */
export type Booking = {
  __typename?: 'Booking';
  attendance?: Maybe<Attendance>;
  cancellationReason?: Maybe<Scalars['String']['output']>;
  cancelledAt?: Maybe<Scalars['DateTime']['output']>;
  checkedInAt?: Maybe<Scalars['DateTime']['output']>;
  checkedOutAt?: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  /** Credits held for it while confirmed; what became of them after. */
  credits: Scalars['Int']['output'];
  creditsOutcome: CreditsOutcome;
  /** Until when cancelling gives the credits back. */
  freeCancellationUntil: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  offerExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  review?: Maybe<Review>;
  session: GymSession;
  status: BookingStatus;
  user: User;
  /** Place in the waiting list (1 is next), while waitlisted. */
  waitlistPosition?: Maybe<Scalars['Int']['output']>;
};

export type BookingConnection = {
  __typename?: 'BookingConnection';
  edges: Array<BookingEdge>;
  pageInfo: PageInfo;
};

export type BookingEdge = {
  __typename?: 'BookingEdge';
  cursor: Scalars['String']['output'];
  node: Booking;
};

export type BookingStatus =
  | 'CANCELLED'
  /** A seat is taken and its credits held. */
  | 'CONFIRMED'
  /** An offered seat that was not confirmed in time. */
  | 'EXPIRED'
  /** A seat came free and is kept until `offerExpiresAt`: `confirmBooking` takes it. */
  | 'OFFERED'
  /** A seat is taken and its credits are being held (a moment). */
  | 'PENDING'
  /** In the waiting list; `waitlistPosition` says where. */
  | 'WAITLISTED';

export type CreateGymInput = {
  address: Scalars['String']['input'];
  cancellationWindowMinutes?: InputMaybe<Scalars['Int']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  name: Scalars['String']['input'];
  openingHours?: InputMaybe<Array<OpeningHoursInput>>;
  requiresInduction?: InputMaybe<Scalars['Boolean']['input']>;
  timeZone: Scalars['String']['input'];
};

export type CreateSessionsInput = {
  capacity: Scalars['Int']['input'];
  durationMinutes: Scalars['Int']['input'];
  gymId: Scalars['ID']['input'];
  /** Local start date-times in the gym's zone, `2027-03-28T09:00` (at most 100). */
  localStarts: Array<Scalars['String']['input']>;
  priceCredits: Scalars['Int']['input'];
  title: Scalars['String']['input'];
};

export type CreditsOutcome =
  /** Spent: the session happened, or the cancellation came late. */
  | 'CAPTURED'
  | 'HELD'
  /** Nothing to hold (a free session, or not confirmed yet). */
  | 'NONE'
  | 'RELEASED';

/** A piece of equipment of a gym. */
export type Equipment = {
  __typename?: 'Equipment';
  active: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  quantity: Scalars['Int']['output'];
  /** A lowercase kind searched by `gyms(equipment:)`, e.g. `squat-rack`, `rowing-machine`. */
  type: Scalars['String']['output'];
};

export type EquipmentInput = {
  active?: InputMaybe<Scalars['Boolean']['input']>;
  name: Scalars['String']['input'];
  quantity?: InputMaybe<Scalars['Int']['input']>;
  type: Scalars['String']['input'];
};

/**
 * A gym: where it is, when it is open (in its own time zone), what it has, and its sessions.
 * Anyone may read an open gym; hidden gyms are for their staff.
 */
export type Gym = {
  __typename?: 'Gym';
  address: Scalars['String']['output'];
  /** Minutes before a session's start until which a cancellation gives the credits back. */
  cancellationWindowMinutes: Scalars['Int']['output'];
  /** Days the gym is closed (holidays, works), from today on. */
  closures: Array<GymClosure>;
  description?: Maybe<Scalars['String']['output']>;
  /** Its equipment (active items only, unless the caller is its staff). */
  equipment: Array<Equipment>;
  id: Scalars['ID']['output'];
  /** Induction requests and appointments, oldest first. Its staff and admins only. */
  inductions?: Maybe<InductionConnection>;
  /** Whether the caller marked it as a favourite (false when signed out). */
  isFavourite: Scalars['Boolean']['output'];
  /** Whether the gym is open at `at` (its hours and closures, read in its time zone). */
  isOpenAt: Scalars['Boolean']['output'];
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
  /** The caller's induction here, if any. */
  myInduction?: Maybe<Induction>;
  /** The caller's role here, null when none. */
  myRole?: Maybe<GymRole>;
  name: Scalars['String']['output'];
  /** Weekly opening hours, in the gym's time zone. */
  openingHours: Array<OpeningHours>;
  /**
   * Pictures, in order. Media publishes a picture a staff member added from their own images,
   * so anyone gets its `url`; one that is not theirs, or was deleted, has no `url` for others.
   */
  pictures: Array<Media>;
  /** The average rating of its reviews, null before the first. */
  rating?: Maybe<Scalars['Float']['output']>;
  /** Whether a completed induction is needed before booking. */
  requiresInduction: Scalars['Boolean']['output'];
  reviewCount: Scalars['Int']['output'];
  /** Reviews, latest first. */
  reviews: ReviewConnection;
  /** Sessions starting between `from` (default now) and `to` (default 14 days later), soonest first. */
  sessions: GymSessionConnection;
  /** Its staff. Its staff and admins only. */
  staff?: Maybe<Array<GymStaffMember>>;
  status: GymStatus;
  /** IANA time zone the opening hours and sessions are set in, e.g. `Europe/Berlin`. */
  timeZone: Scalars['String']['output'];
};


/**
 * A gym: where it is, when it is open (in its own time zone), what it has, and its sessions.
 * Anyone may read an open gym; hidden gyms are for their staff.
 */
export type GymInductionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<InductionStatus>;
};


/**
 * A gym: where it is, when it is open (in its own time zone), what it has, and its sessions.
 * Anyone may read an open gym; hidden gyms are for their staff.
 */
export type GymIsOpenAtArgs = {
  at: Scalars['DateTime']['input'];
};


/**
 * A gym: where it is, when it is open (in its own time zone), what it has, and its sessions.
 * Anyone may read an open gym; hidden gyms are for their staff.
 */
export type GymReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A gym: where it is, when it is open (in its own time zone), what it has, and its sessions.
 * Anyone may read an open gym; hidden gyms are for their staff.
 */
export type GymSessionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** Days a gym is closed, both included, as local dates (`2026-12-24`). */
export type GymClosure = {
  __typename?: 'GymClosure';
  from: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  reason?: Maybe<Scalars['String']['output']>;
  to: Scalars['String']['output'];
};

export type GymConnection = {
  __typename?: 'GymConnection';
  edges: Array<GymEdge>;
  pageInfo: PageInfo;
};

export type GymEdge = {
  __typename?: 'GymEdge';
  cursor: Scalars['String']['output'];
  node: Gym;
};

export type GymRole =
  /** Manages the gym: its details, staff, sessions. */
  | 'MANAGER'
  /** Runs it day to day: sessions, inductions, check-ins. */
  | 'STAFF';

export type GymSearchConnection = {
  __typename?: 'GymSearchConnection';
  edges: Array<GymSearchEdge>;
  pageInfo: PageInfo;
};

/** A gym found by `gyms`, with its distance from the point searched around. */
export type GymSearchEdge = {
  __typename?: 'GymSearchEdge';
  cursor: Scalars['String']['output'];
  /** Kilometres from the searched point (great-circle), null without `near`. */
  distanceKm?: Maybe<Scalars['Float']['output']>;
  node: Gym;
};

/** A bookable time slot at a gym, with a number of seats and a price in credits. */
export type GymSession = {
  __typename?: 'GymSession';
  /** Its bookings. The gym's staff and admins only. */
  bookings?: Maybe<BookingConnection>;
  capacity: Scalars['Int']['output'];
  durationMinutes: Scalars['Int']['output'];
  endsAt: Scalars['DateTime']['output'];
  gym: Gym;
  id: Scalars['ID']['output'];
  /** The start in the gym's time zone, with its offset: `2027-03-28T09:00:00+02:00`. */
  localStartsAt: Scalars['String']['output'];
  /** The caller's live booking of it (waiting, offered or confirmed), if any. */
  myBooking?: Maybe<Booking>;
  priceCredits: Scalars['Int']['output'];
  /** Seats not taken (confirmed, being confirmed or offered to the waiting list). */
  seatsLeft: Scalars['Int']['output'];
  startsAt: Scalars['DateTime']['output'];
  status: GymSessionStatus;
  title: Scalars['String']['output'];
  /** People waiting for a seat. */
  waitlistLength: Scalars['Int']['output'];
};


/** A bookable time slot at a gym, with a number of seats and a price in credits. */
export type GymSessionBookingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type GymSessionConnection = {
  __typename?: 'GymSessionConnection';
  edges: Array<GymSessionEdge>;
  pageInfo: PageInfo;
};

export type GymSessionEdge = {
  __typename?: 'GymSessionEdge';
  cursor: Scalars['String']['output'];
  node: GymSession;
};

export type GymSessionStatus =
  | 'CANCELLED'
  | 'SCHEDULED';

/** A member of a gym's staff. */
export type GymStaffMember = {
  __typename?: 'GymStaffMember';
  role: GymRole;
  since: Scalars['DateTime']['output'];
  user: User;
};

export type GymStatus =
  /** Visible to its staff only. */
  | 'HIDDEN'
  /** Listed and bookable. */
  | 'OPEN'
  /** Listed, but no new bookings. */
  | 'TEMPORARILY_CLOSED';

/** A user's introduction to a gym, which some gyms require before booking. */
export type Induction = {
  __typename?: 'Induction';
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  gym: Gym;
  id: Scalars['ID']['output'];
  requestedAt: Scalars['DateTime']['output'];
  scheduledAt?: Maybe<Scalars['DateTime']['output']>;
  status: InductionStatus;
  user: User;
};

export type InductionConnection = {
  __typename?: 'InductionConnection';
  edges: Array<InductionEdge>;
  pageInfo: PageInfo;
};

export type InductionEdge = {
  __typename?: 'InductionEdge';
  cursor: Scalars['String']['output'];
  node: Induction;
};

export type InductionStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'REQUESTED'
  | 'SCHEDULED';

/** An invitation mailed by a booker to a friend, who may take a seat in the same session. */
export type Invitation = {
  __typename?: 'Invitation';
  createdAt: Scalars['DateTime']['output'];
  email: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  session: GymSession;
  status: InvitationStatus;
};

export type InvitationStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'PENDING'
  | 'REVOKED';

export type Media = {
  __typename?: 'Media';
  id: Scalars['ID']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Takes a seat in the session of an invitation, as `bookSession` does. */
  acceptInvitation: Booking;
  /** Adds equipment. Its staff and admins. */
  addEquipment: Equipment;
  /** Closes a gym on local dates `from` to `to` (both included). Its staff and admins. */
  addGymClosure: Gym;
  /** Adds one of the caller's images to a gym's pictures. Its staff and admins. */
  addGymPicture: Gym;
  /**
   * Takes a seat, holding the session's price in credits (QUOTA_EXCEEDED when too few). A full
   * session is CONFLICT, unless `joinWaitlist`: then a place in line.
   */
  bookSession: Booking;
  /**
   * Cancels a booking or leaves the waiting list: before `freeCancellationUntil` the credits
   * are released, after it they are kept. The gym's staff may cancel any (credits released).
   */
  cancelBooking: Booking;
  /** Cancels an induction. Its user or the gym's staff. */
  cancelInduction: Induction;
  /**
   * Cancels a session: every booking is cancelled, its credits released, its user told. The
   * gym's staff.
   */
  cancelSession: GymSession;
  /** Records arrival. The gym's staff. */
  checkIn: Booking;
  /** Records departure. The gym's staff. */
  checkOut: Booking;
  /** Records an induction as done: the user may book. The gym's staff. */
  completeInduction: Induction;
  /** Takes an offered seat (holding its credits) before the offer expires. */
  confirmBooking: Booking;
  /** Creates a gym. Admins only. */
  createGym: Gym;
  /** Creates sessions at local start times. The gym's staff. */
  createSessions: Array<GymSession>;
  /** Creates a session on each chosen weekday between two dates, at one local time. The gym's staff. */
  createWeeklySessions: Array<GymSession>;
  declineInvitation: Invitation;
  /** Deletes a review. Its author and admins. */
  deleteReview: Scalars['Boolean']['output'];
  /** Marks a gym as a favourite (again: no change). */
  favouriteGym: Gym;
  /** Mails a friend an invitation to a confirmed booking's session (at most 5 per booking). */
  inviteToSession: Invitation;
  removeGymClosure: Gym;
  removeGymPicture: Gym;
  removeGymStaff: Gym;
  /** Asks a gym for an induction (again: the live one). */
  requestInduction: Induction;
  /**
   * Moves a confirmed booking to another session of the same gym, while cancelling would still
   * release its credits (CONFLICT after): the new seat is taken and its credits held first, then
   * the old booking is cancelled and its credits released. If the new seat cannot be had, the old
   * booking stands.
   */
  rescheduleBooking: Booking;
  /** Reviews an attended session's gym, once per booking. */
  reviewGym: Review;
  /** Sets when an induction happens. The gym's staff. */
  scheduleInduction: Induction;
  /** Gives a user a role at a gym (or changes it). Its managers and admins. */
  setGymStaff: Gym;
  /** Replaces a gym's weekly opening hours. Its managers and admins. */
  setOpeningHours: Gym;
  /**
   * Changes a session's seats: more seats go to the waiting list first; fewer cancel the latest
   * bookings beyond them (credits released, users told). The gym's staff.
   */
  setSessionCapacity: GymSession;
  unfavouriteGym: Gym;
  updateEquipment: Equipment;
  /** Changes a gym's details. Its managers and admins. */
  updateGym: Gym;
};


export type MutationAcceptInvitationArgs = {
  token: Scalars['String']['input'];
};


export type MutationAddEquipmentArgs = {
  gymId: Scalars['ID']['input'];
  input: EquipmentInput;
};


export type MutationAddGymClosureArgs = {
  from: Scalars['String']['input'];
  gymId: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
  to: Scalars['String']['input'];
};


export type MutationAddGymPictureArgs = {
  gymId: Scalars['ID']['input'];
  mediaId: Scalars['ID']['input'];
};


export type MutationBookSessionArgs = {
  joinWaitlist?: InputMaybe<Scalars['Boolean']['input']>;
  sessionId: Scalars['ID']['input'];
};


export type MutationCancelBookingArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCancelInductionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCancelSessionArgs = {
  id: Scalars['ID']['input'];
  reason?: InputMaybe<Scalars['String']['input']>;
};


export type MutationCheckInArgs = {
  bookingId: Scalars['ID']['input'];
};


export type MutationCheckOutArgs = {
  bookingId: Scalars['ID']['input'];
};


export type MutationCompleteInductionArgs = {
  id: Scalars['ID']['input'];
};


export type MutationConfirmBookingArgs = {
  id: Scalars['ID']['input'];
};


export type MutationCreateGymArgs = {
  input: CreateGymInput;
};


export type MutationCreateSessionsArgs = {
  input: CreateSessionsInput;
};


export type MutationCreateWeeklySessionsArgs = {
  input: WeeklySessionsInput;
};


export type MutationDeclineInvitationArgs = {
  token: Scalars['String']['input'];
};


export type MutationDeleteReviewArgs = {
  id: Scalars['ID']['input'];
};


export type MutationFavouriteGymArgs = {
  gymId: Scalars['ID']['input'];
};


export type MutationInviteToSessionArgs = {
  bookingId: Scalars['ID']['input'];
  email: Scalars['String']['input'];
};


export type MutationRemoveGymClosureArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRemoveGymPictureArgs = {
  gymId: Scalars['ID']['input'];
  mediaId: Scalars['ID']['input'];
};


export type MutationRemoveGymStaffArgs = {
  gymId: Scalars['ID']['input'];
  userId: Scalars['ID']['input'];
};


export type MutationRequestInductionArgs = {
  gymId: Scalars['ID']['input'];
};


export type MutationRescheduleBookingArgs = {
  id: Scalars['ID']['input'];
  toSessionId: Scalars['ID']['input'];
};


export type MutationReviewGymArgs = {
  input: ReviewInput;
};


export type MutationScheduleInductionArgs = {
  at: Scalars['DateTime']['input'];
  id: Scalars['ID']['input'];
};


export type MutationSetGymStaffArgs = {
  gymId: Scalars['ID']['input'];
  role: GymRole;
  userId: Scalars['ID']['input'];
};


export type MutationSetOpeningHoursArgs = {
  gymId: Scalars['ID']['input'];
  hours: Array<OpeningHoursInput>;
};


export type MutationSetSessionCapacityArgs = {
  capacity: Scalars['Int']['input'];
  id: Scalars['ID']['input'];
};


export type MutationUnfavouriteGymArgs = {
  gymId: Scalars['ID']['input'];
};


export type MutationUpdateEquipmentArgs = {
  id: Scalars['ID']['input'];
  input: EquipmentInput;
};


export type MutationUpdateGymArgs = {
  id: Scalars['ID']['input'];
  input: UpdateGymInput;
};

export type NearInput = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  /** At most 500. */
  radiusKm: Scalars['Float']['input'];
};

/** One opening interval of a weekday, local time (`06:00` to `22:00`; `24:00` closes at midnight). */
export type OpeningHours = {
  __typename?: 'OpeningHours';
  closes: Scalars['String']['output'];
  opens: Scalars['String']['output'];
  /** ISO weekday: 1 Monday … 7 Sunday. */
  weekday: Scalars['Int']['output'];
};

export type OpeningHoursInput = {
  closes: Scalars['String']['input'];
  opens: Scalars['String']['input'];
  weekday: Scalars['Int']['input'];
};

/** Pagination state of a list. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Whether another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * Free sessions nearest in time to a session (full or not): at its gym, then at gyms within
   * `radiusKm`, within three days either side. Public.
   */
  alternativeSlots: Array<AlternativeSlot>;
  /** A booking of the caller's (or of a gym they staff), or null. */
  booking?: Maybe<Booking>;
  /** A gym, or null (hidden gyms for their staff only). Public. */
  gym?: Maybe<Gym>;
  /** A session, or null. Public (unless its gym is hidden). */
  gymSession?: Maybe<GymSession>;
  /**
   * Open and temporarily closed gyms: near a point (nearest first, within `radiusKm`), matching
   * `text` (name and address), open at `openAt`, having every `equipment` type; without `near`,
   * by name. Public.
   */
  gyms: GymSearchConnection;
  /** The caller's invitations sent for a booking. */
  invitations: Array<Invitation>;
  /** The gyms the caller works at. */
  myGyms: Array<Gym>;
};


export type QueryAlternativeSlotsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  radiusKm?: InputMaybe<Scalars['Float']['input']>;
  sessionId: Scalars['ID']['input'];
};


export type QueryBookingArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGymArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGymSessionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryGymsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  equipment?: InputMaybe<Array<Scalars['String']['input']>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  near?: InputMaybe<NearInput>;
  openAt?: InputMaybe<Scalars['DateTime']['input']>;
  text?: InputMaybe<Scalars['String']['input']>;
};


export type QueryInvitationsArgs = {
  bookingId: Scalars['ID']['input'];
};

/** A review of a gym by someone who attended one of its sessions. */
export type Review = {
  __typename?: 'Review';
  author: User;
  createdAt: Scalars['DateTime']['output'];
  gym: Gym;
  id: Scalars['ID']['output'];
  picture?: Maybe<Media>;
  rating: Scalars['Int']['output'];
  text?: Maybe<Scalars['String']['output']>;
};

export type ReviewConnection = {
  __typename?: 'ReviewConnection';
  edges: Array<ReviewEdge>;
  pageInfo: PageInfo;
};

export type ReviewEdge = {
  __typename?: 'ReviewEdge';
  cursor: Scalars['String']['output'];
  node: Review;
};

export type ReviewInput = {
  bookingId: Scalars['ID']['input'];
  pictureId?: InputMaybe<Scalars['ID']['input']>;
  rating: Scalars['Int']['input'];
  text?: InputMaybe<Scalars['String']['input']>;
};

/** Fields left out stay as they are. */
export type UpdateGymInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  cancellationWindowMinutes?: InputMaybe<Scalars['Int']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  requiresInduction?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<GymStatus>;
  timeZone?: InputMaybe<Scalars['String']['input']>;
};

export type User = {
  __typename?: 'User';
  /**
   * The user's bookings (waiting-list places and offers included), by start: the coming ones
   * soonest first with `upcoming: true`, the past ones latest first with `upcoming: false`.
   * The user and staff only.
   */
  bookings?: Maybe<BookingConnection>;
  /** Gyms the user marked as favourites, latest first. The user and staff only. */
  favouriteGyms?: Maybe<GymConnection>;
  id: Scalars['ID']['output'];
  /** The user's inductions at every gym, latest first. The user and staff only. */
  inductions?: Maybe<InductionConnection>;
};


export type UserBookingsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  upcoming?: InputMaybe<Scalars['Boolean']['input']>;
};


export type UserFavouriteGymsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type UserInductionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type WeeklySessionsInput = {
  capacity: Scalars['Int']['input'];
  durationMinutes: Scalars['Int']['input'];
  /** First local date, `2027-03-01`. */
  fromDate: Scalars['String']['input'];
  gymId: Scalars['ID']['input'];
  /** Local time, `07:30`. */
  localTime: Scalars['String']['input'];
  priceCredits: Scalars['Int']['input'];
  title: Scalars['String']['input'];
  /** Last local date, at most 92 days after the first. */
  toDate: Scalars['String']['input'];
  /** ISO weekdays, 1 Monday … 7 Sunday. */
  weekdays: Array<Scalars['Int']['input']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Booking: Booking;
  Gym: Gym;
  GymSession: GymSession;
  User: User;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Booking:
    ( { __typename: 'Booking' }
    & GraphQLRecursivePick<FederationTypes['Booking'], {"id":true}> );
  Gym:
    ( { __typename: 'Gym' }
    & GraphQLRecursivePick<FederationTypes['Gym'], {"id":true}> );
  GymSession:
    ( { __typename: 'GymSession' }
    & GraphQLRecursivePick<FederationTypes['GymSession'], {"id":true}> );
  User:
    ( { __typename: 'User' }
    & GraphQLRecursivePick<FederationTypes['User'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AlternativeSlot: ResolverTypeWrapper<AlternativeSlotModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Attendance: Attendance;
  Booking: ResolverTypeWrapper<BookingModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  BookingConnection: ResolverTypeWrapper<Omit<BookingConnection, 'edges'> & { edges: Array<ResolversTypes['BookingEdge']> }>;
  BookingEdge: ResolverTypeWrapper<Omit<BookingEdge, 'node'> & { node: ResolversTypes['Booking'] }>;
  BookingStatus: BookingStatus;
  CreateGymInput: CreateGymInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  CreateSessionsInput: CreateSessionsInput;
  CreditsOutcome: CreditsOutcome;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Equipment: ResolverTypeWrapper<EquipmentModel>;
  EquipmentInput: EquipmentInput;
  Gym: ResolverTypeWrapper<GymModel>;
  GymClosure: ResolverTypeWrapper<GymClosureModel>;
  GymConnection: ResolverTypeWrapper<Omit<GymConnection, 'edges'> & { edges: Array<ResolversTypes['GymEdge']> }>;
  GymEdge: ResolverTypeWrapper<Omit<GymEdge, 'node'> & { node: ResolversTypes['Gym'] }>;
  GymRole: GymRole;
  GymSearchConnection: ResolverTypeWrapper<Omit<GymSearchConnection, 'edges'> & { edges: Array<ResolversTypes['GymSearchEdge']> }>;
  GymSearchEdge: ResolverTypeWrapper<GymSearchEdgeModel>;
  GymSession: ResolverTypeWrapper<GymSessionModel>;
  GymSessionConnection: ResolverTypeWrapper<Omit<GymSessionConnection, 'edges'> & { edges: Array<ResolversTypes['GymSessionEdge']> }>;
  GymSessionEdge: ResolverTypeWrapper<Omit<GymSessionEdge, 'node'> & { node: ResolversTypes['GymSession'] }>;
  GymSessionStatus: GymSessionStatus;
  GymStaffMember: ResolverTypeWrapper<GymStaffModel>;
  GymStatus: GymStatus;
  Induction: ResolverTypeWrapper<InductionModel>;
  InductionConnection: ResolverTypeWrapper<Omit<InductionConnection, 'edges'> & { edges: Array<ResolversTypes['InductionEdge']> }>;
  InductionEdge: ResolverTypeWrapper<Omit<InductionEdge, 'node'> & { node: ResolversTypes['Induction'] }>;
  InductionStatus: InductionStatus;
  Invitation: ResolverTypeWrapper<InvitationModel>;
  InvitationStatus: InvitationStatus;
  Media: ResolverTypeWrapper<ReferenceModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NearInput: NearInput;
  OpeningHours: ResolverTypeWrapper<OpeningHours>;
  OpeningHoursInput: OpeningHoursInput;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Review: ResolverTypeWrapper<ReviewModel>;
  ReviewConnection: ResolverTypeWrapper<Omit<ReviewConnection, 'edges'> & { edges: Array<ResolversTypes['ReviewEdge']> }>;
  ReviewEdge: ResolverTypeWrapper<Omit<ReviewEdge, 'node'> & { node: ResolversTypes['Review'] }>;
  ReviewInput: ReviewInput;
  UpdateGymInput: UpdateGymInput;
  User: ResolverTypeWrapper<ReferenceModel>;
  WeeklySessionsInput: WeeklySessionsInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AlternativeSlot: AlternativeSlotModel;
  Float: Scalars['Float']['output'];
  Int: Scalars['Int']['output'];
  Booking: BookingModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  BookingConnection: Omit<BookingConnection, 'edges'> & { edges: Array<ResolversParentTypes['BookingEdge']> };
  BookingEdge: Omit<BookingEdge, 'node'> & { node: ResolversParentTypes['Booking'] };
  CreateGymInput: CreateGymInput;
  Boolean: Scalars['Boolean']['output'];
  CreateSessionsInput: CreateSessionsInput;
  DateTime: Scalars['DateTime']['output'];
  Equipment: EquipmentModel;
  EquipmentInput: EquipmentInput;
  Gym: GymModel;
  GymClosure: GymClosureModel;
  GymConnection: Omit<GymConnection, 'edges'> & { edges: Array<ResolversParentTypes['GymEdge']> };
  GymEdge: Omit<GymEdge, 'node'> & { node: ResolversParentTypes['Gym'] };
  GymSearchConnection: Omit<GymSearchConnection, 'edges'> & { edges: Array<ResolversParentTypes['GymSearchEdge']> };
  GymSearchEdge: GymSearchEdgeModel;
  GymSession: GymSessionModel;
  GymSessionConnection: Omit<GymSessionConnection, 'edges'> & { edges: Array<ResolversParentTypes['GymSessionEdge']> };
  GymSessionEdge: Omit<GymSessionEdge, 'node'> & { node: ResolversParentTypes['GymSession'] };
  GymStaffMember: GymStaffModel;
  Induction: InductionModel;
  InductionConnection: Omit<InductionConnection, 'edges'> & { edges: Array<ResolversParentTypes['InductionEdge']> };
  InductionEdge: Omit<InductionEdge, 'node'> & { node: ResolversParentTypes['Induction'] };
  Invitation: InvitationModel;
  Media: ReferenceModel;
  Mutation: Record<PropertyKey, never>;
  NearInput: NearInput;
  OpeningHours: OpeningHours;
  OpeningHoursInput: OpeningHoursInput;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  Review: ReviewModel;
  ReviewConnection: Omit<ReviewConnection, 'edges'> & { edges: Array<ResolversParentTypes['ReviewEdge']> };
  ReviewEdge: Omit<ReviewEdge, 'node'> & { node: ResolversParentTypes['Review'] };
  ReviewInput: ReviewInput;
  UpdateGymInput: UpdateGymInput;
  User: ReferenceModel;
  WeeklySessionsInput: WeeklySessionsInput;
}>;

export type AlternativeSlotResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AlternativeSlot'] = ResolversParentTypes['AlternativeSlot']> = ResolversObject<{
  distanceKm?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  session?: Resolver<ResolversTypes['GymSession'], ParentType, ContextType>;
  startsAtDifferenceMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type BookingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Booking'] = ResolversParentTypes['Booking'], FederationReferenceType extends FederationReferenceTypes['Booking'] = FederationReferenceTypes['Booking']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Booking']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attendance?: Resolver<Maybe<ResolversTypes['Attendance']>, ParentType, ContextType>;
  cancellationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cancelledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  checkedInAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  checkedOutAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  credits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  creditsOutcome?: Resolver<ResolversTypes['CreditsOutcome'], ParentType, ContextType>;
  freeCancellationUntil?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  offerExpiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  review?: Resolver<Maybe<ResolversTypes['Review']>, ParentType, ContextType>;
  session?: Resolver<ResolversTypes['GymSession'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BookingStatus'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  waitlistPosition?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type BookingConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BookingConnection'] = ResolversParentTypes['BookingConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['BookingEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type BookingEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BookingEdge'] = ResolversParentTypes['BookingEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Booking'], ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EquipmentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Equipment'] = ResolversParentTypes['Equipment']> = ResolversObject<{
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type GymResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Gym'] = ResolversParentTypes['Gym'], FederationReferenceType extends FederationReferenceTypes['Gym'] = FederationReferenceTypes['Gym']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Gym']> | FederationReferenceType, FederationReferenceType, ContextType>;
  address?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cancellationWindowMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  closures?: Resolver<Array<ResolversTypes['GymClosure']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  equipment?: Resolver<Array<ResolversTypes['Equipment']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inductions?: Resolver<Maybe<ResolversTypes['InductionConnection']>, ParentType, ContextType, RequireFields<GymInductionsArgs, 'first'>>;
  isFavourite?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  isOpenAt?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<GymIsOpenAtArgs, 'at'>>;
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  myInduction?: Resolver<Maybe<ResolversTypes['Induction']>, ParentType, ContextType>;
  myRole?: Resolver<Maybe<ResolversTypes['GymRole']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openingHours?: Resolver<Array<ResolversTypes['OpeningHours']>, ParentType, ContextType>;
  pictures?: Resolver<Array<ResolversTypes['Media']>, ParentType, ContextType>;
  rating?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  requiresInduction?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reviewCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reviews?: Resolver<ResolversTypes['ReviewConnection'], ParentType, ContextType, RequireFields<GymReviewsArgs, 'first'>>;
  sessions?: Resolver<ResolversTypes['GymSessionConnection'], ParentType, ContextType, RequireFields<GymSessionsArgs, 'first'>>;
  staff?: Resolver<Maybe<Array<ResolversTypes['GymStaffMember']>>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['GymStatus'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type GymClosureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GymClosure'] = ResolversParentTypes['GymClosure']> = ResolversObject<{
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type GymConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GymConnection'] = ResolversParentTypes['GymConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['GymEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type GymEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GymEdge'] = ResolversParentTypes['GymEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Gym'], ParentType, ContextType>;
}>;

export type GymSearchConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GymSearchConnection'] = ResolversParentTypes['GymSearchConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['GymSearchEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type GymSearchEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GymSearchEdge'] = ResolversParentTypes['GymSearchEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  distanceKm?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Gym'], ParentType, ContextType>;
}>;

export type GymSessionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GymSession'] = ResolversParentTypes['GymSession'], FederationReferenceType extends FederationReferenceTypes['GymSession'] = FederationReferenceTypes['GymSession']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['GymSession']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bookings?: Resolver<Maybe<ResolversTypes['BookingConnection']>, ParentType, ContextType, RequireFields<GymSessionBookingsArgs, 'first'>>;
  capacity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  durationMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  gym?: Resolver<ResolversTypes['Gym'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  localStartsAt?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  myBooking?: Resolver<Maybe<ResolversTypes['Booking']>, ParentType, ContextType>;
  priceCredits?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  seatsLeft?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startsAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['GymSessionStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  waitlistLength?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type GymSessionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GymSessionConnection'] = ResolversParentTypes['GymSessionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['GymSessionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type GymSessionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GymSessionEdge'] = ResolversParentTypes['GymSessionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['GymSession'], ParentType, ContextType>;
}>;

export type GymStaffMemberResolvers<ContextType = Context, ParentType extends ResolversParentTypes['GymStaffMember'] = ResolversParentTypes['GymStaffMember']> = ResolversObject<{
  role?: Resolver<ResolversTypes['GymRole'], ParentType, ContextType>;
  since?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type InductionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Induction'] = ResolversParentTypes['Induction']> = ResolversObject<{
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  gym?: Resolver<ResolversTypes['Gym'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  requestedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  scheduledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InductionStatus'], ParentType, ContextType>;
  user?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
}>;

export type InductionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InductionConnection'] = ResolversParentTypes['InductionConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['InductionEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type InductionEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InductionEdge'] = ResolversParentTypes['InductionEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Induction'], ParentType, ContextType>;
}>;

export type InvitationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Invitation'] = ResolversParentTypes['Invitation']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  session?: Resolver<ResolversTypes['GymSession'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvitationStatus'], ParentType, ContextType>;
}>;

export type MediaResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Media'] = ResolversParentTypes['Media']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acceptInvitation?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationAcceptInvitationArgs, 'token'>>;
  addEquipment?: Resolver<ResolversTypes['Equipment'], ParentType, ContextType, RequireFields<MutationAddEquipmentArgs, 'gymId' | 'input'>>;
  addGymClosure?: Resolver<ResolversTypes['Gym'], ParentType, ContextType, RequireFields<MutationAddGymClosureArgs, 'from' | 'gymId' | 'to'>>;
  addGymPicture?: Resolver<ResolversTypes['Gym'], ParentType, ContextType, RequireFields<MutationAddGymPictureArgs, 'gymId' | 'mediaId'>>;
  bookSession?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationBookSessionArgs, 'joinWaitlist' | 'sessionId'>>;
  cancelBooking?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationCancelBookingArgs, 'id'>>;
  cancelInduction?: Resolver<ResolversTypes['Induction'], ParentType, ContextType, RequireFields<MutationCancelInductionArgs, 'id'>>;
  cancelSession?: Resolver<ResolversTypes['GymSession'], ParentType, ContextType, RequireFields<MutationCancelSessionArgs, 'id'>>;
  checkIn?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationCheckInArgs, 'bookingId'>>;
  checkOut?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationCheckOutArgs, 'bookingId'>>;
  completeInduction?: Resolver<ResolversTypes['Induction'], ParentType, ContextType, RequireFields<MutationCompleteInductionArgs, 'id'>>;
  confirmBooking?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationConfirmBookingArgs, 'id'>>;
  createGym?: Resolver<ResolversTypes['Gym'], ParentType, ContextType, RequireFields<MutationCreateGymArgs, 'input'>>;
  createSessions?: Resolver<Array<ResolversTypes['GymSession']>, ParentType, ContextType, RequireFields<MutationCreateSessionsArgs, 'input'>>;
  createWeeklySessions?: Resolver<Array<ResolversTypes['GymSession']>, ParentType, ContextType, RequireFields<MutationCreateWeeklySessionsArgs, 'input'>>;
  declineInvitation?: Resolver<ResolversTypes['Invitation'], ParentType, ContextType, RequireFields<MutationDeclineInvitationArgs, 'token'>>;
  deleteReview?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationDeleteReviewArgs, 'id'>>;
  favouriteGym?: Resolver<ResolversTypes['Gym'], ParentType, ContextType, RequireFields<MutationFavouriteGymArgs, 'gymId'>>;
  inviteToSession?: Resolver<ResolversTypes['Invitation'], ParentType, ContextType, RequireFields<MutationInviteToSessionArgs, 'bookingId' | 'email'>>;
  removeGymClosure?: Resolver<ResolversTypes['Gym'], ParentType, ContextType, RequireFields<MutationRemoveGymClosureArgs, 'id'>>;
  removeGymPicture?: Resolver<ResolversTypes['Gym'], ParentType, ContextType, RequireFields<MutationRemoveGymPictureArgs, 'gymId' | 'mediaId'>>;
  removeGymStaff?: Resolver<ResolversTypes['Gym'], ParentType, ContextType, RequireFields<MutationRemoveGymStaffArgs, 'gymId' | 'userId'>>;
  requestInduction?: Resolver<ResolversTypes['Induction'], ParentType, ContextType, RequireFields<MutationRequestInductionArgs, 'gymId'>>;
  rescheduleBooking?: Resolver<ResolversTypes['Booking'], ParentType, ContextType, RequireFields<MutationRescheduleBookingArgs, 'id' | 'toSessionId'>>;
  reviewGym?: Resolver<ResolversTypes['Review'], ParentType, ContextType, RequireFields<MutationReviewGymArgs, 'input'>>;
  scheduleInduction?: Resolver<ResolversTypes['Induction'], ParentType, ContextType, RequireFields<MutationScheduleInductionArgs, 'at' | 'id'>>;
  setGymStaff?: Resolver<ResolversTypes['Gym'], ParentType, ContextType, RequireFields<MutationSetGymStaffArgs, 'gymId' | 'role' | 'userId'>>;
  setOpeningHours?: Resolver<ResolversTypes['Gym'], ParentType, ContextType, RequireFields<MutationSetOpeningHoursArgs, 'gymId' | 'hours'>>;
  setSessionCapacity?: Resolver<ResolversTypes['GymSession'], ParentType, ContextType, RequireFields<MutationSetSessionCapacityArgs, 'capacity' | 'id'>>;
  unfavouriteGym?: Resolver<ResolversTypes['Gym'], ParentType, ContextType, RequireFields<MutationUnfavouriteGymArgs, 'gymId'>>;
  updateEquipment?: Resolver<ResolversTypes['Equipment'], ParentType, ContextType, RequireFields<MutationUpdateEquipmentArgs, 'id' | 'input'>>;
  updateGym?: Resolver<ResolversTypes['Gym'], ParentType, ContextType, RequireFields<MutationUpdateGymArgs, 'id' | 'input'>>;
}>;

export type OpeningHoursResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OpeningHours'] = ResolversParentTypes['OpeningHours']> = ResolversObject<{
  closes?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  opens?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weekday?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  alternativeSlots?: Resolver<Array<ResolversTypes['AlternativeSlot']>, ParentType, ContextType, RequireFields<QueryAlternativeSlotsArgs, 'first' | 'radiusKm' | 'sessionId'>>;
  booking?: Resolver<Maybe<ResolversTypes['Booking']>, ParentType, ContextType, RequireFields<QueryBookingArgs, 'id'>>;
  gym?: Resolver<Maybe<ResolversTypes['Gym']>, ParentType, ContextType, RequireFields<QueryGymArgs, 'id'>>;
  gymSession?: Resolver<Maybe<ResolversTypes['GymSession']>, ParentType, ContextType, RequireFields<QueryGymSessionArgs, 'id'>>;
  gyms?: Resolver<ResolversTypes['GymSearchConnection'], ParentType, ContextType, RequireFields<QueryGymsArgs, 'first'>>;
  invitations?: Resolver<Array<ResolversTypes['Invitation']>, ParentType, ContextType, RequireFields<QueryInvitationsArgs, 'bookingId'>>;
  myGyms?: Resolver<Array<ResolversTypes['Gym']>, ParentType, ContextType>;
}>;

export type ReviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Review'] = ResolversParentTypes['Review']> = ResolversObject<{
  author?: Resolver<ResolversTypes['User'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  gym?: Resolver<ResolversTypes['Gym'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  picture?: Resolver<Maybe<ResolversTypes['Media']>, ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  text?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type ReviewConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReviewConnection'] = ResolversParentTypes['ReviewConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['ReviewEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type ReviewEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReviewEdge'] = ResolversParentTypes['ReviewEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Review'], ParentType, ContextType>;
}>;

export type UserResolvers<ContextType = Context, ParentType extends ResolversParentTypes['User'] = ResolversParentTypes['User'], FederationReferenceType extends FederationReferenceTypes['User'] = FederationReferenceTypes['User']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['User']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bookings?: Resolver<Maybe<ResolversTypes['BookingConnection']>, ParentType, ContextType, RequireFields<UserBookingsArgs, 'first' | 'upcoming'>>;
  favouriteGyms?: Resolver<Maybe<ResolversTypes['GymConnection']>, ParentType, ContextType, RequireFields<UserFavouriteGymsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inductions?: Resolver<Maybe<ResolversTypes['InductionConnection']>, ParentType, ContextType, RequireFields<UserInductionsArgs, 'first'>>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AlternativeSlot?: AlternativeSlotResolvers<ContextType>;
  Booking?: BookingResolvers<ContextType>;
  BookingConnection?: BookingConnectionResolvers<ContextType>;
  BookingEdge?: BookingEdgeResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Equipment?: EquipmentResolvers<ContextType>;
  Gym?: GymResolvers<ContextType>;
  GymClosure?: GymClosureResolvers<ContextType>;
  GymConnection?: GymConnectionResolvers<ContextType>;
  GymEdge?: GymEdgeResolvers<ContextType>;
  GymSearchConnection?: GymSearchConnectionResolvers<ContextType>;
  GymSearchEdge?: GymSearchEdgeResolvers<ContextType>;
  GymSession?: GymSessionResolvers<ContextType>;
  GymSessionConnection?: GymSessionConnectionResolvers<ContextType>;
  GymSessionEdge?: GymSessionEdgeResolvers<ContextType>;
  GymStaffMember?: GymStaffMemberResolvers<ContextType>;
  Induction?: InductionResolvers<ContextType>;
  InductionConnection?: InductionConnectionResolvers<ContextType>;
  InductionEdge?: InductionEdgeResolvers<ContextType>;
  Invitation?: InvitationResolvers<ContextType>;
  Media?: MediaResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OpeningHours?: OpeningHoursResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Review?: ReviewResolvers<ContextType>;
  ReviewConnection?: ReviewConnectionResolvers<ContextType>;
  ReviewEdge?: ReviewEdgeResolvers<ContextType>;
  User?: UserResolvers<ContextType>;
}>;

