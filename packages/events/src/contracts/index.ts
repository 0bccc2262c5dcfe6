/**
 * Every domain event type, its current version and its payload, one file per publishing
 * domain: a new domain adds its file and one entry on each list below. Producers and
 * consumers import these types, so a payload change is a compile error wherever it matters.
 *
 * Events marked `sensitive` carry a secret meant for one consumer (a one-time token that a
 * mail delivers); consumers that store events (analytics) must drop their `data`.
 */
import { type AccountsEvents, accountsEvents } from './accounts';
import { type AiEvents, aiEvents } from './ai';
import { type BillingEvents, billingEvents } from './billing';
import { type BookingsEvents, bookingsEvents } from './bookings';
import type { EventSpecs } from './define';
import { type IdentityEvents, identityEvents } from './identity';
import { type InvoicingEvents, invoicingEvents } from './invoicing';
import { type MediaEvents, mediaEvents } from './media';
import { type NotificationsEvents, notificationsEvents } from './notifications';
import { type SitesEvents, sitesEvents } from './sites';
import { type SocialEvents, socialEvents } from './social';
import { type SupportEvents, supportEvents } from './support';
import { type UsageEvents, usageEvents } from './usage';

export interface EventContracts
  extends
    IdentityEvents,
    AccountsEvents,
    BillingEvents,
    UsageEvents,
    NotificationsEvents,
    MediaEvents,
    AiEvents,
    BookingsEvents,
    SupportEvents,
    SocialEvents,
    InvoicingEvents,
    SitesEvents {}

const SPECS: EventSpecs<EventContracts> = {
  ...identityEvents,
  ...accountsEvents,
  ...billingEvents,
  ...usageEvents,
  ...notificationsEvents,
  ...mediaEvents,
  ...aiEvents,
  ...bookingsEvents,
  ...supportEvents,
  ...socialEvents,
  ...invoicingEvents,
  ...sitesEvents,
};

export type EventType = keyof EventContracts;
export type EventData<T extends EventType> = EventContracts[T]['data'];

export const EVENT_VERSIONS = Object.fromEntries(
  Object.entries(SPECS).map(([type, spec]) => [type, spec.version]),
) as { [T in EventType]: EventContracts[T]['version'] };

/** Types whose payload must not be stored by consumers other than their addressee. */
export const SENSITIVE_EVENTS: ReadonlySet<EventType> = new Set(
  (Object.keys(SPECS) as EventType[]).filter((type) => SPECS[type].sensitive),
);

export type { Meter, PlanLimits } from './billing';
export type { SessionFacts } from './bookings';
export type { MediaType } from './media';
export type { NotificationChannel } from './notifications';
export type { TicketFacts, TicketPriority, TicketStatus } from './support';
export type { ActivityFacts, ActivityVisibility } from './social';
export type { InvoicedClient, InvoicedService } from './invoicing';
