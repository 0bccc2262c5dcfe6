import { type MailCapture, startMailCapture } from '@lattice/smtp-capture';
import { newEmail, promoteToAdmin, registerUser } from './accounts';
import { ok } from './graphql';
import { type MediaLattice, startMediaLattice } from './media';
import type { TestLattice } from './test-lattice';

export { gql, ok } from './graphql';

export interface SupportLattice extends MediaLattice {
  /** Mail notifications sent (a real local SMTP server). */
  smtp: MailCapture;
  /** An admin's token. */
  admin: string;
}

/** Identity, media, notifications and support (and `subgraphs`) behind a gateway. */
export async function startSupportLattice(
  options: { subgraphs?: string[]; env?: Record<string, string> } = {},
): Promise<SupportLattice> {
  const smtp = await startMailCapture();
  try {
    const media = await startMediaLattice({
      subgraphs: ['support', 'notifications', ...(options.subgraphs ?? [])],
      env: {
        SMTP_URL: smtp.url,
        APP_URL: 'http://app.example.test',
        SUPPORT_JANITOR_INTERVAL_SECONDS: '1',
        ...options.env,
      },
    });
    const email = newEmail('support-admin');
    await registerUser(media.lattice, email);
    const admin = await promoteToAdmin(media.lattice, email);
    return {
      ...media,
      smtp,
      admin,
      stop: async () => {
        await media.stop();
        await smtp.close();
      },
    };
  } catch (error) {
    await smtp.close();
    throw error;
  }
}

/** A registered user the admin made a support agent. */
export async function newAgent(lattice: TestLattice, admin: string, capacity = 10) {
  const user = await registerUser(lattice);
  await ok(
    lattice,
    admin,
    'mutation($u: ID!, $c: Int) { addSupportAgent(userId: $u, capacity: $c) { capacity } }',
    {
      u: user.id,
      c: capacity,
    },
  );
  return { ...user, token: user.accessToken };
}

export const OPEN_TICKET = `mutation($input: OpenTicketInput!) {
  openTicket(input: $input) { id number status assignee { id } attachments { id } }
}`;
export const REPLY = `mutation($t: ID!, $body: String!, $files: [ID!], $status: TicketStatus) {
  replyToTicket(ticketId: $t, body: $body, attachmentIds: $files, status: $status) { id kind body }
}`;
export const NOTE = `mutation($t: ID!, $body: String!, $files: [ID!]) {
  addInternalNote(ticketId: $t, body: $body, attachmentIds: $files) { id kind body }
}`;
export const TICKET_ACTIVITY = `subscription($t: ID!) {
  ticketActivity(ticketId: $t) { ticket { id status } message { kind body author { id } } }
}`;
