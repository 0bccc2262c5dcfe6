import { type MailCapture, startMailCapture } from '@lattice/smtp-capture';
import { newEmail, promoteToAdmin, registerUser } from './accounts';
import { type BillingLattice, startBillingLattice } from './billing';
import { ok } from './graphql';
import type { TestLattice } from './test-lattice';

export { gql, ok } from './graphql';

export interface BookingsLattice extends BillingLattice {
  /** Mail notifications sent (a real local SMTP server). */
  smtp: MailCapture;
  /** An admin's token. */
  admin: string;
}

/** Identity, billing (credits), bookings and notifications (and `subgraphs`) behind a gateway. */
export async function startBookingsLattice(
  options: { subgraphs?: string[]; env?: Record<string, string> } = {},
): Promise<BookingsLattice> {
  const smtp = await startMailCapture();
  try {
    const billing = await startBillingLattice({
      subgraphs: ['bookings', 'notifications', ...(options.subgraphs ?? [])],
      env: {
        SMTP_URL: smtp.url,
        APP_URL: 'http://app.example.test',
        DELIVERY_RETRY_BASE_MS: '100',
        DELIVERY_RETRY_MAX_MS: '400',
        ...options.env,
      },
    });
    const email = newEmail('gym-admin');
    await registerUser(billing.lattice, email);
    const admin = await promoteToAdmin(billing.lattice, email);
    return {
      ...billing,
      smtp,
      admin,
      stop: async () => {
        await billing.stop();
        await smtp.close();
      },
    };
  } catch (error) {
    await smtp.close();
    throw error;
  }
}

/** A registered member with `credits` granted by the admin. */
export async function memberWithCredits(lattice: TestLattice, admin: string, credits: number) {
  const user = await registerUser(lattice);
  if (credits > 0) {
    await ok(
      lattice,
      admin,
      'mutation($u: ID!, $n: Int!) { grantCredits(userId: $u, amount: $n, reason: "test") { available } }',
      {
        u: user.id,
        n: credits,
      },
    );
  }
  return { ...user, token: user.accessToken };
}

export const CREDITS = `{ me { credits { available held } } }`;
export const CREATE_GYM = `mutation($input: CreateGymInput!) { createGym(input: $input) { id } }`;
export const CREATE_SESSIONS = `mutation($input: CreateSessionsInput!) { createSessions(input: $input) { id startsAt } }`;
export const BOOK = `mutation($id: ID!, $wait: Boolean) {
  bookSession(sessionId: $id, joinWaitlist: $wait) { id status credits creditsOutcome waitlistPosition }
}`;
export const CANCEL = `mutation($id: ID!) { cancelBooking(id: $id) { id status creditsOutcome } }`;

/** A local date-time `days` from now at `time` (for sessions in the future). */
export function localInDays(days: number, time = '10:00'): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}

/** The local date-time in `zone` `minutes` from now (`2026-12-02T17:05`), as createSessions takes it. */
export function localInMinutes(minutes: number, zone = 'Europe/Berlin'): string {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return format.format(new Date(Date.now() + minutes * 60_000)).replace(' ', 'T');
}
