import { startSubgraphFixture, type SubgraphFixture } from '@lattice/subgraph-kit/testing';
import type { SupportRuntime } from '../../src/runtime';
import { runJanitor } from '../../src/service/janitor';
import { support } from '../../src/subgraph';

export interface SupportFixture extends SubgraphFixture<SupportRuntime> {
  /** One janitor pass (its timer is left idle in tests). */
  sweep(): Promise<void>;
  /** A new agent (added by an admin): their id and token. */
  agent(capacity?: number): Promise<{ id: string; token: string }>;
  admin: string;
}

/** support on a free port over a fresh database, serving the gateway alone, its janitor idle. */
export async function startSupport(env: Record<string, string> = {}): Promise<SupportFixture> {
  const fixture = await startSubgraphFixture(support, { SUPPORT_JANITOR_INTERVAL_SECONDS: '3600', ...env });
  const admin = await fixture.token('admin');
  return {
    ...fixture,
    admin,
    sweep: () => runJanitor(fixture.runtime),
    agent: async (capacity = 10) => {
      const user = await fixture.user();
      await fixture.ok(admin, ADD_AGENT, { u: user.id, c: capacity });
      return user;
    },
  };
}

export const ADD_AGENT =
  'mutation($u: ID!, $c: Int) { addSupportAgent(userId: $u, capacity: $c) { user { id } capacity } }';
export const OPEN = `mutation($input: OpenTicketInput!) {
  openTicket(input: $input) { id number status priority assignee { id } sla { firstResponseDueAt resolutionDueAt } }
}`;
export const REPLY = `mutation($t: ID!, $body: String!, $files: [ID!], $status: TicketStatus) {
  replyToTicket(ticketId: $t, body: $body, attachmentIds: $files, status: $status) { id kind fromAgent body }
}`;
export const NOTE = `mutation($t: ID!, $body: String!, $files: [ID!]) {
  addInternalNote(ticketId: $t, body: $body, attachmentIds: $files) { id kind }
}`;
export const STATUS =
  'mutation($t: ID!, $s: TicketStatus!) { setTicketStatus(ticketId: $t, status: $s) { id status } }';
export const TICKET = `query($id: ID!) {
  ticket(id: $id) {
    id number status priority assignee { id }
    messages { edges { node { id kind body fromAgent attachments { id } } } }
    sla { firstResponseDueAt firstResponseBreached resolutionDueAt resolutionBreached paused }
  }
}`;

/** A ticket's fields, defaults for the rest. */
export const ticketInput = (fields: Record<string, unknown> = {}) => ({
  title: 'Cannot download my invoice',
  description: 'The download button does nothing.',
  category: 'billing',
  ...fields,
});
