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

async function ticketWithAgent() {
  const author = await s.user();
  const agent = await s.agent();
  const ticket = (await s.ok(author.token, OPEN, { input: ticketInput() })).openTicket;
  return { author, agent, ticket };
}

const bodies = async (token: string, id: string) =>
  (await s.ok(token, TICKET, { id })).ticket.messages.edges.map(
    (edge: any) => `${edge.node.kind}:${edge.node.body}`,
  );

describe('replies and internal notes', () => {
  it('the author sees replies, never notes; agents see both', async () => {
    const { author, agent, ticket } = await ticketWithAgent();
    await s.ok(agent.token, NOTE, { t: ticket.id, body: 'Customer is on the old plan' });
    await s.ok(agent.token, REPLY, { t: ticket.id, body: 'Fixed, please retry' });
    expect(await bodies(author.token, ticket.id)).toEqual(['REPLY:Fixed, please retry']);
    expect(await bodies(agent.token, ticket.id)).toEqual([
      'NOTE:Customer is on the old plan',
      'REPLY:Fixed, please retry',
    ]);
    // Through _entities, as another subgraph's field would reach it.
    const { data } = await s.post(
      author.token,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { messages { edges { node { body } } } } } }`,
      { r: [{ __typename: 'Ticket', id: ticket.id }] },
    );
    expect(JSON.stringify(data)).not.toContain('old plan');
  });

  it("a note's files are shared with agents only; a reply's with the author too", async () => {
    const { agent, ticket, author } = await ticketWithAgent();
    const [noteFile, replyFile] = [randomUUID(), randomUUID()];
    await s.ok(agent.token, NOTE, { t: ticket.id, body: 'screenshot', files: [noteFile] });
    await s.ok(agent.token, REPLY, { t: ticket.id, body: 'see attached', files: [replyFile] });
    const shared = (await s.outbox('support.attachments_shared')).filter(
      (data) => data.use === `ticket:${ticket.id}`,
    );
    expect(shared).toEqual([
      { mediaIds: [noteFile], ownerId: agent.id, use: `ticket:${ticket.id}`, audiences: ['support-agents'] },
      {
        mediaIds: [replyFile],
        ownerId: agent.id,
        use: `ticket:${ticket.id}`,
        audiences: ['support-agents', `user:${author.id}`],
      },
    ]);
    const seen = (await s.ok(author.token, TICKET, { id: ticket.id })).ticket.messages.edges;
    expect(seen.map((edge: any) => edge.node.attachments)).toEqual([[{ id: replyFile }]]);
  });

  it('notes are announced apart from replies, and no event carries their text', async () => {
    const { agent, ticket } = await ticketWithAgent();
    await s.ok(agent.token, NOTE, { t: ticket.id, body: 'secret remark' });
    const notes = (await s.outbox('support.note_added')).filter((data) => data.ticketId === ticket.id);
    expect(notes).toHaveLength(1);
    const replies = (await s.outbox('support.reply_added')).filter((data) => data.ticketId === ticket.id);
    expect(replies).toEqual([]);
    const everything = await s.em().getConnection().execute('select data from support.outbox_event');
    expect(JSON.stringify(everything)).not.toContain('secret remark');
  });

  it('the author cannot add a note; a stranger cannot reply; CLOSED takes nothing', async () => {
    const { author, agent, ticket } = await ticketWithAgent();
    const stranger = await s.user();
    expect((await s.post(author.token, NOTE, { t: ticket.id, body: 'hi' })).errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await s.post(stranger.token, REPLY, { t: ticket.id, body: 'hi' })).errors[0].extensions.code,
    ).toBe('NOT_FOUND');
    expect(
      (await s.post(stranger.token, STATUS, { t: ticket.id, s: 'CLOSED' })).errors[0].extensions.code,
    ).toBe('NOT_FOUND');
    expect(
      (await s.post(author.token, REPLY, { t: ticket.id, body: 'hi', status: 'CLOSED' })).errors[0]
        .extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'status' });
    await s.ok(agent.token, STATUS, { t: ticket.id, s: 'CLOSED' });
    const closed = await s.post(author.token, REPLY, { t: ticket.id, body: 'one more thing' });
    expect(closed.errors[0].extensions.code).toBe('CONFLICT');
    expect(await bodies(agent.token, ticket.id)).toEqual([]);
  });

  it("an author's reply reopens a waiting ticket; the author may resolve but not close", async () => {
    const { author, agent, ticket } = await ticketWithAgent();
    await s.ok(agent.token, REPLY, { t: ticket.id, body: 'Which browser?', status: 'PENDING' });
    expect((await s.ok(author.token, TICKET, { id: ticket.id })).ticket).toMatchObject({
      status: 'PENDING',
      sla: { paused: true },
    });
    await s.ok(author.token, REPLY, { t: ticket.id, body: 'Firefox' });
    expect((await s.ok(author.token, TICKET, { id: ticket.id })).ticket).toMatchObject({
      status: 'OPEN',
      sla: { paused: false },
    });
    expect(
      (await s.post(author.token, STATUS, { t: ticket.id, s: 'CLOSED' })).errors[0].extensions.code,
    ).toBe('FORBIDDEN');
    expect((await s.ok(author.token, STATUS, { t: ticket.id, s: 'RESOLVED' })).setTicketStatus.status).toBe(
      'RESOLVED',
    );
  });
});

describe('ratings', () => {
  const RATE =
    'mutation($t: ID!, $r: Int!, $c: String) { rateTicket(ticketId: $t, rating: $r, comment: $c) { satisfaction { rating comment } } }';

  it('the author rates a resolved ticket once, even when two ratings race', async () => {
    const { author, agent, ticket } = await ticketWithAgent();
    expect((await s.post(author.token, RATE, { t: ticket.id, r: 5 })).errors[0].extensions.code).toBe(
      'CONFLICT',
    );
    await s.ok(agent.token, STATUS, { t: ticket.id, s: 'RESOLVED' });
    expect((await s.post(agent.token, RATE, { t: ticket.id, r: 5 })).errors[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await s.post(author.token, RATE, { t: ticket.id, r: 6 })).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'rating',
    });
    const results = await Promise.all(
      [4, 2, 5].map((r) => s.post(author.token, RATE, { t: ticket.id, r, c: 'ok' })),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => result.errors?.[0].extensions.code === 'CONFLICT')).toHaveLength(2);
    expect(
      (await s.outbox('support.ticket_rated')).filter((data) => data.ticketId === ticket.id),
    ).toHaveLength(1);
  });
});
