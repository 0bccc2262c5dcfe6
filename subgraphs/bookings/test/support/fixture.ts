import { startSubgraphFixture, type SubgraphFixture } from '@lattice/subgraph-kit/testing';
import type { BookingsRuntime } from '../../src/runtime';
import { runJanitor } from '../../src/service/janitor';
import { bookings } from '../../src/subgraph';

export interface BookingsFixture extends SubgraphFixture<BookingsRuntime> {
  /** One janitor pass (its timer is left idle in tests). */
  sweep(): Promise<void>;
}

/**
 * bookings on a free port over a fresh database, serving the gateway alone, with tokens of a
 * test issuer and its janitor idle. Without BILLING_URL, paid bookings answer
 * SERVICE_UNAVAILABLE: tests of credits run through the gateway (e2e), with billing.
 */
export async function startBookings(env: Record<string, string> = {}): Promise<BookingsFixture> {
  const fixture = await startSubgraphFixture(bookings, { BOOKINGS_JANITOR_INTERVAL_SECONDS: '3600', ...env });
  return { ...fixture, sweep: () => runJanitor(fixture.runtime) };
}

export const CREATE_GYM = `mutation($input: CreateGymInput!) { createGym(input: $input) { id name timeZone } }`;
export const CREATE_SESSIONS = `mutation($input: CreateSessionsInput!) {
  createSessions(input: $input) { id startsAt localStartsAt capacity seatsLeft }
}`;
export const BOOK = `mutation($id: ID!, $wait: Boolean) {
  bookSession(sessionId: $id, joinWaitlist: $wait) { id status waitlistPosition offerExpiresAt credits creditsOutcome }
}`;
export const CANCEL = `mutation($id: ID!) { cancelBooking(id: $id) { id status creditsOutcome } }`;

/** A local date-time `days` from now (at `time`), for sessions in the future. */
export function localInDays(days: number, time = '10:00'): string {
  const date = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return `${date}T${time}`;
}
