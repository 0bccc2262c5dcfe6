import { randomBytes, randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { gatewaySignature } from '@lattice/subgraph-kit/testing';
import { subscribe, waitFor, wsClient } from '@lattice/testkit';
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

/** Known here, so WebSocket upgrades can be signed as the gateway signs them. */
const SECRET = randomBytes(32).toString('hex');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

let s: SupportFixture;
const clients: Client[] = [];

beforeAll(async () => {
  s = await startSupport({
    SUBGRAPH_SECRET: SECRET,
    SUPPORT_SLA: 'URGENT=30m/2h,HIGH=1h/4h,NORMAL=2h/8h,LOW=1d/7d',
  });
});
afterEach(async () => {
  s.setClockOffset(0);
  await Promise.all(clients.splice(0).map((client) => client.dispose()));
});
afterAll(() => s?.stop());

/** A graphql-ws client of the subgraph as the gateway opens one (signed upgrade), holding `token`. */
function ws(token: string): Client {
  const url = s.fixture.subgraph.url;
  class SignedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: gatewaySignature(SECRET, url, '', 'GET') });
    }
  }
  const client = wsClient(url, token, { webSocketImpl: SignedWebSocket });
  clients.push(client);
  return client;
}

const ACTIVITY = `subscription($t: ID!) {
  ticketActivity(ticketId: $t) {
    ticket { id status messages { edges { node { kind body } } } }
    message { kind body }
  }
}`;
const REMOVE = 'mutation($u: ID!) { removeSupportAgent(userId: $u) }';
const ASSIGN = 'mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, assigneeId: $a) { assignee { id } } }';

const open = async (token: string, fields: Record<string, unknown> = {}) =>
  (await s.ok(token, OPEN, { input: ticketInput(fields) })).openTicket;
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const codeOf = (answer: any) => answer.errors?.[0]?.extensions?.code;

describe('ticketActivity: who hears what', () => {
  it('a stranger cannot subscribe to someone else’s ticket (NOT_FOUND, as if absent)', async () => {
    const author = await s.user();
    const stranger = await s.user();
    const ticket = await open(author.token);
    const feed = subscribe(ws(stranger.token), ACTIVITY, { t: ticket.id });
    await waitFor(() => feed.results.length > 0 || feed.ended.error || feed.ended.complete);
    expect(feed.results[0]?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(feed.data().filter(Boolean)).toEqual([]);
  });

  it('an agent removed mid-subscription hears nothing more of a ticket that is not theirs', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const other = await s.agent();
    const ticket = await open(author.token);
    const feed = subscribe(ws(agent.token), ACTIVITY, { t: ticket.id });
    await settle();
    await s.ok(other.token, REPLY, { t: ticket.id, body: 'first' });
    await feed.received(1);
    await s.ok(s.admin, REMOVE, { u: agent.id });
    await s.ok(other.token, NOTE, { t: ticket.id, body: 'after removal: secret' });
    await s.ok(other.token, REPLY, { t: ticket.id, body: 'after removal: reply' });
    // Its next change ends the subscription, the ticket "not found" for them now.
    await waitFor(() => feed.results.length > 1 || feed.ended.error || feed.ended.complete);
    await settle();
    expect(JSON.stringify(feed.results)).not.toContain('after removal');
    expect(JSON.stringify(feed.ended.error ?? feed.results.at(-1)?.errors)).toContain('NOT_FOUND');
  });

  it('an author who was an agent no longer sees internal notes through the feed once removed', async () => {
    // An agent opened a ticket of their own, and subscribed to it while still on the team.
    const formerAgent = await s.agent();
    const other = await s.agent();
    const ticket = await open(formerAgent.token);
    const feed = subscribe(ws(formerAgent.token), ACTIVITY, { t: ticket.id });
    await settle();
    await s.ok(other.token, REPLY, { t: ticket.id, body: 'looking into it' });
    await feed.received(1);
    await s.ok(s.admin, REMOVE, { u: formerAgent.id });
    await s.ok(other.token, NOTE, { t: ticket.id, body: 'internal: do not tell them' });
    await s.ok(other.token, REPLY, { t: ticket.id, body: 'fixed' });
    await feed.received(2);
    await settle();
    const last = feed.data().at(-1)!.ticketActivity;
    expect(last.message).toEqual({ kind: 'REPLY', body: 'fixed' });
    expect(JSON.stringify(feed.results.slice(1))).not.toContain('do not tell them');
    // The same as a query answers them now.
    const seen = (await s.ok(formerAgent.token, TICKET, { id: ticket.id })).ticket.messages.edges;
    expect(seen.map((edge: any) => edge.node.kind)).toEqual(['REPLY', 'REPLY']);
  });
});

describe('SLA clock edge cases', () => {
  const breaches = async (ticketId: string) =>
    (await s.outbox('support.sla_breached'))
      .filter((data) => data.ticketId === ticketId)
      .map((data) => data.target);

  it('a ticket resolved while waiting on its author (PENDING → RESOLVED) is not late, nor announced late when it closes', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const ticket = await open(author.token);
    s.setClockOffset(HOUR);
    await s.ok(agent.token, REPLY, { t: ticket.id, body: 'Which browser?', status: 'PENDING' });
    // The author never answers; the agent resolves it long after the 8h resolution target.
    s.setClockOffset(20 * HOUR);
    await s.ok(agent.token, STATUS, { t: ticket.id, s: 'RESOLVED' });
    expect((await s.ok(author.token, TICKET, { id: ticket.id })).ticket.sla).toMatchObject({
      firstResponseBreached: false,
      resolutionBreached: false,
      paused: true,
    });
    // Auto-closed by the janitor a week later: still no breach found, none announced.
    s.setClockOffset(20 * HOUR + 8 * DAY);
    await s.sweep();
    const closed = (await s.ok(author.token, TICKET, { id: ticket.id })).ticket;
    expect(closed.status).toBe('CLOSED');
    expect(closed.sla.resolutionBreached).toBe(false);
    expect(await breaches(ticket.id)).toEqual([]);
  });

  it('reopened after PENDING → RESOLVED, the whole wait is added to the resolution target', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const ticket = await open(author.token);
    const opened = (await s.ok(author.token, TICKET, { id: ticket.id })).ticket.sla;
    s.setClockOffset(HOUR);
    await s.ok(agent.token, REPLY, { t: ticket.id, body: 'Which browser?', status: 'PENDING' });
    s.setClockOffset(5 * HOUR);
    await s.ok(agent.token, STATUS, { t: ticket.id, s: 'RESOLVED' });
    s.setClockOffset(11 * HOUR);
    await s.ok(author.token, REPLY, { t: ticket.id, body: 'Still broken' });
    const { sla } = (await s.ok(author.token, TICKET, { id: ticket.id })).ticket;
    // Paused from 1h to 11h: due 10h later than at opening.
    expect(Date.parse(sla.resolutionDueAt) - Date.parse(opened.resolutionDueAt)).toBeGreaterThanOrEqual(
      10 * HOUR - 2000,
    );
    expect(sla).toMatchObject({ paused: false, resolutionBreached: false });
  });
  it('a priority change while the ticket waits keeps the wait: it is added when it reopens', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const ticket = await open(author.token);
    const UPDATE = `mutation($t: ID!, $p: TicketPriority) {
      updateTicket(ticketId: $t, priority: $p) { sla { resolutionDueAt resolutionBreached paused } }
    }`;
    s.setClockOffset(HOUR);
    await s.ok(agent.token, REPLY, { t: ticket.id, body: 'Which browser?', status: 'PENDING' });
    s.setClockOffset(3 * HOUR);
    const paused = (await s.ok(agent.token, UPDATE, { t: ticket.id, p: 'LOW' })).updateTicket.sla;
    expect(paused).toMatchObject({ paused: true, resolutionBreached: false });
    s.setClockOffset(10 * HOUR);
    await s.ok(author.token, REPLY, { t: ticket.id, body: 'Firefox' });
    const { sla } = (await s.ok(agent.token, TICKET, { id: ticket.id })).ticket;
    // LOW: 7 days from opening, plus the 9 hours it waited.
    expect(Date.parse(sla.resolutionDueAt) - Date.parse(paused.resolutionDueAt)).toBeGreaterThanOrEqual(
      9 * HOUR - 2000,
    );
    expect(Date.parse(sla.resolutionDueAt) - Date.parse(paused.resolutionDueAt)).toBeLessThanOrEqual(
      9 * HOUR + 2000,
    );
    expect(sla).toMatchObject({ paused: false, resolutionBreached: false });
  });
});

describe('reaching tickets sideways', () => {
  it('a stranger gets nothing through _entities: the Ticket is null, User.tickets FORBIDDEN', async () => {
    const author = await s.user();
    const stranger = await s.user();
    const agent = await s.agent();
    const ticket = await open(author.token);
    await s.ok(agent.token, NOTE, { t: ticket.id, body: 'internal remark' });
    const entities = await s.post(
      stranger.token,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id title messages { edges { node { body } } } } } }`,
      { r: [{ __typename: 'Ticket', id: ticket.id }] },
    );
    expect(entities.data._entities).toEqual([null]);
    const tickets = await s.post(
      stranger.token,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { tickets { edges { node { id } } } } } }`,
      { r: [{ __typename: 'User', id: author.id }] },
    );
    expect(codeOf(tickets)).toBe('FORBIDDEN');
    expect(JSON.stringify([entities, tickets])).not.toContain('internal remark');
  });
});

describe('races', () => {
  it('two agents answering at once: one first response, counted once', async () => {
    const author = await s.user();
    const [one, two] = [await s.agent(), await s.agent()];
    const ticket = await open(author.token);
    await Promise.all([
      s.ok(one.token, REPLY, { t: ticket.id, body: 'me first' }),
      s.ok(two.token, REPLY, { t: ticket.id, body: 'no, me' }),
    ]);
    const replies = (await s.outbox('support.reply_added')).filter((data) => data.ticketId === ticket.id);
    expect(replies).toHaveLength(2);
    expect(replies.filter((data) => data.firstResponseSeconds !== null)).toHaveLength(1);
  });

  it('a ticket assigned to an agent while they are being removed does not stay with a non-agent', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const leaving = await s.agent();
    const ticket = await open(author.token);
    // removeSupportAgent, held half-way: the agent's row is deleted, not yet committed.
    let assigned: Promise<any> | undefined;
    await s.em().transactional(async (tx) => {
      await tx.execute('delete from support.agent where user_id = ?', [leaving.id]);
      assigned = s.post(agent.token, ASSIGN, { t: ticket.id, a: leaving.id });
      await settle();
      // ...then its tickets go back to the queue (the concurrent assignment is not committed yet).
      await tx.execute(
        `update support.ticket set assignee_id = null where assignee_id = ? and status in ('OPEN', 'PENDING')`,
        [leaving.id],
      );
    });
    const answer = await assigned!;
    expect(codeOf(answer)).toBe('BAD_USER_INPUT');
    const [row] = await s
      .em()
      .getConnection()
      .execute('select assignee_id from support.ticket where id = ?', [ticket.id]);
    expect(row?.assignee_id).not.toBe(leaving.id);
  });

  it('round robin never gives a new ticket to an agent being removed', async () => {
    // Only the leaving agent has room: everyone else is away.
    await s.em().getConnection().execute('update support.agent set available = false');
    const leaving = await s.agent();
    const author = await s.user();
    let opened: Promise<any> | undefined;
    await s.em().transactional(async (tx) => {
      await tx.execute('delete from support.agent where user_id = ?', [leaving.id]);
      opened = s.post(author.token, OPEN, { input: ticketInput() });
      await settle();
    });
    const answer = await opened!;
    expect(answer.errors).toBeUndefined();
    expect(answer.data.openTicket.assignee).toBeNull();
    await s.em().getConnection().execute('update support.agent set available = true');
  });

  it('two janitors at once (two replicas) announce each breach once, and assign each queued ticket once within capacity', async () => {
    // The queue holds these tickets alone, and only the two new agents take any.
    await s.em().getConnection().execute('update support.agent set available = false');
    await s
      .em()
      .getConnection()
      .execute(
        `update support.ticket set status = 'CLOSED' where status in ('OPEN', 'PENDING') and assignee_id is null`,
      );
    const author = await s.user();
    const tickets = [];
    for (let i = 0; i < 6; i += 1) tickets.push(await open(author.token));
    expect(tickets.every((ticket) => ticket.assignee === null)).toBe(true);
    const helper = await s.agent(3);
    const helper2 = await s.agent(3);
    s.setClockOffset(3 * HOUR);
    await Promise.all([s.sweep(), s.sweep(), s.sweep()]);
    const ids = new Set(tickets.map((ticket) => ticket.id));
    const breached = (await s.outbox('support.sla_breached')).filter((data) => ids.has(data.ticketId));
    expect(breached.filter((data) => data.target === 'FIRST_RESPONSE')).toHaveLength(6);
    const assignments = (await s.outbox('support.ticket_assigned')).filter((data) => ids.has(data.ticketId));
    expect(assignments).toHaveLength(6);
    expect(new Set(assignments.map((data) => data.ticketId)).size).toBe(6);
    const perAgent = (id: string) => assignments.filter((data) => data.assigneeId === id).length;
    expect([perAgent(helper.id), perAgent(helper2.id)]).toEqual([3, 3]);
    await s.em().getConnection().execute('update support.agent set available = true');
  });

  it('concurrent ratings: exactly one counts', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const ticket = await open(author.token);
    await s.ok(agent.token, STATUS, { t: ticket.id, s: 'RESOLVED' });
    const RATE =
      'mutation($t: ID!, $r: Int!) { rateTicket(ticketId: $t, rating: $r) { satisfaction { rating } } }';
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map((r) => s.post(author.token, RATE, { t: ticket.id, r })),
    );
    expect(answers.filter((answer) => !answer.errors)).toHaveLength(1);
    expect(answers.filter((answer) => codeOf(answer) === 'CONFLICT')).toHaveLength(4);
  });
});

describe('bad input', () => {
  it('the same media id spelled twice is attached once', async () => {
    const author = await s.user();
    const file = randomUUID();
    const ticket = (
      await s.ok(
        author.token,
        'mutation($input: OpenTicketInput!) { openTicket(input: $input) { id attachments { id } } }',
        { input: ticketInput({ attachmentIds: [file, file.toUpperCase()] }) },
      )
    ).openTicket;
    expect(ticket.attachments).toEqual([{ id: file }]);
  });

  it("someone else's media id is asked to be shared as the caller's (media shares only its owner's files)", async () => {
    const author = await s.user();
    const victimFile = randomUUID();
    const ticket = await open(author.token, { attachmentIds: [victimFile] });
    const shared = (await s.outbox('support.attachments_shared')).filter(
      (data) => data.use === `ticket:${ticket.id}`,
    );
    expect(shared).toEqual([expect.objectContaining({ mediaIds: [victimFile], ownerId: author.id })]);
  });

  it('forged cursors, bad page sizes, bad ids and odd dates are refused cleanly', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const ticket = await open(author.token);
    const page = (after: string | null, first: number) =>
      s.post(
        agent.token,
        'query($a: String, $f: Int) { supportTickets(first: $f, after: $a) { edges { cursor } } }',
        {
          a: after,
          f: first,
        },
      );
    const forged = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
    expect(codeOf(await page(forged, 5))).toBe('BAD_USER_INPUT');
    expect(codeOf(await page('%%%', 5))).toBe('BAD_USER_INPUT');
    expect(codeOf(await page(null, -1))).toBe('BAD_USER_INPUT');
    expect(codeOf(await page(null, 1_000_000))).toBe('BAD_USER_INPUT');
    const messages = `query($id: ID!, $a: String) { ticket(id: $id) { messages(after: $a) { edges { cursor } } } }`;
    const forgedMessage = Buffer.from(JSON.stringify(['+275760-09-13T00:00:00.000Z', randomUUID()])).toString(
      'base64url',
    );
    expect(codeOf(await s.post(author.token, messages, { id: ticket.id, a: forgedMessage }))).toBe(
      'BAD_USER_INPUT',
    );
    for (const id of ['not-a-uuid', "'; drop table support.ticket; --", randomUUID()])
      expect(codeOf(await s.post(author.token, TICKET, { id }))).toBe('NOT_FOUND');
    const stats = 'query($since: DateTime) { supportStatistics(since: $since) { ratings } }';
    for (const since of ['2999-01-01T00:00:00.000Z', '-000100-01-01T00:00:00.000Z', 'yesterday'])
      expect(codeOf(await s.post(agent.token, stats, { since }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await s.post(author.token, stats, {}))).toBe('FORBIDDEN');
  });

  it('control characters, lone surrogates, bidi overrides and huge text are refused', async () => {
    const author = await s.user();
    const ticket = await open(author.token);
    for (const body of ['a\u0000b', 'a\ud800b', 'evil\u202etxt', 'x'.repeat(20_001), ' \u200b '])
      expect(codeOf(await s.post(author.token, REPLY, { t: ticket.id, body }))).toBe('BAD_USER_INPUT');
    for (const title of ['a\nb', 'x'.repeat(201)])
      expect(codeOf(await s.post(author.token, OPEN, { input: ticketInput({ title }) }))).toBe(
        'BAD_USER_INPUT',
      );
  });
});
