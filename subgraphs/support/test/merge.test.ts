import { randomUUID } from 'node:crypto';
import {
  NOTE,
  OPEN,
  REPLY,
  STATUS,
  type SupportFixture,
  TICKET,
  startSupport,
  ticketInput,
} from './support/fixture';

let s: SupportFixture;

beforeAll(async () => {
  s = await startSupport();
});
afterAll(() => s?.stop());

const MERGE = `mutation($from: ID!, $into: ID!) {
  mergeTickets(sourceId: $from, targetId: $into) { id messages { edges { node { kind body fromAgent attachments { id } } } } }
}`;

describe('merging a duplicate', () => {
  it('moves its description, conversation and files into the kept ticket, and closes it', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const file = randomUUID();
    const kept = (await s.ok(author.token, OPEN, { input: ticketInput({ title: 'Refund' }) })).openTicket;
    const duplicate = (
      await s.ok(author.token, OPEN, {
        input: ticketInput({ title: 'Refund again', description: 'Still waiting', attachmentIds: [file] }),
      })
    ).openTicket;
    await s.ok(agent.token, NOTE, { t: duplicate.id, body: 'same as the other' });
    await s.ok(agent.token, REPLY, { t: kept.id, body: 'Looking into it' });

    const { mergeTickets } = await s.ok(agent.token, MERGE, { from: duplicate.id, into: kept.id });
    expect(mergeTickets.messages.edges.map((edge: any) => edge.node)).toEqual([
      { kind: 'REPLY', body: 'Refund again\n\nStill waiting', fromAgent: false, attachments: [{ id: file }] },
      { kind: 'NOTE', body: 'same as the other', fromAgent: true, attachments: [] },
      { kind: 'REPLY', body: 'Looking into it', fromAgent: true, attachments: [] },
    ]);
    const closed = await s.ok(
      author.token,
      `query($id: ID!) { ticket(id: $id) { status mergedInto { id } } }`,
      {
        id: duplicate.id,
      },
    );
    expect(closed.ticket).toEqual({ status: 'CLOSED', mergedInto: { id: kept.id } });
    // The author still sees no note, now on the kept ticket.
    const seen = (await s.ok(author.token, TICKET, { id: kept.id })).ticket.messages.edges;
    expect(seen.map((edge: any) => edge.node.kind)).toEqual(['REPLY', 'REPLY']);
    expect((await s.outbox('support.tickets_merged')).filter((data) => data.ticketId === kept.id)).toEqual([
      expect.objectContaining({ sourceId: duplicate.id, sourceNumber: duplicate.number, mergedBy: agent.id }),
    ]);
  });

  it('refuses across authors, into itself, with closed tickets, and from non-agents', async () => {
    const [ada, bob] = [await s.user(), await s.user()];
    const agent = await s.agent();
    const adas = (await s.ok(ada.token, OPEN, { input: ticketInput() })).openTicket;
    const bobs = (await s.ok(bob.token, OPEN, { input: ticketInput() })).openTicket;
    const other = (await s.ok(ada.token, OPEN, { input: ticketInput() })).openTicket;
    const code = async (token: string, from: string, into: string) =>
      (await s.post(token, MERGE, { from, into })).errors?.[0]?.extensions;
    expect(await code(agent.token, adas.id, bobs.id)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'targetId',
    });
    expect(await code(agent.token, adas.id, adas.id)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'targetId',
    });
    expect(await code(ada.token, adas.id, other.id)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await code(agent.token, adas.id, randomUUID())).toMatchObject({ code: 'NOT_FOUND' });
    await s.ok(agent.token, STATUS, { t: other.id, s: 'CLOSED' });
    expect(await code(agent.token, adas.id, other.id)).toMatchObject({ code: 'CONFLICT', field: 'targetId' });
    // Nothing moved.
    expect((await s.ok(agent.token, TICKET, { id: bobs.id })).ticket.status).toBe('OPEN');
  });
});
