import { randomUUID } from 'node:crypto';
import { OPEN, type SupportFixture, TICKET, startSupport, ticketInput } from './support/fixture';

let s: SupportFixture;

beforeAll(async () => {
  s = await startSupport();
});
afterAll(() => s?.stop());

const open = async (token: string, fields: Record<string, unknown> = {}) =>
  (await s.ok(token, OPEN, { input: ticketInput(fields) })).openTicket;

describe('opening a ticket', () => {
  it('numbers it, sets its SLA from the NORMAL targets, and announces it without its text', async () => {
    const author = await s.user();
    const before = Date.now();
    const ticket = await open(author.token, { title: '  Refund   ', description: 'Line one\r\nLine two' });
    expect(ticket).toMatchObject({ status: 'OPEN', priority: 'NORMAL' });
    expect(ticket.number).toBeGreaterThan(0);
    const firstDue = Date.parse(ticket.sla.firstResponseDueAt) - before;
    expect(firstDue).toBeGreaterThanOrEqual(8 * 3600_000 - 1000);
    expect(firstDue).toBeLessThan(8 * 3600_000 + 5000);
    const [event] = (await s.outbox('support.ticket_opened')).filter((data) => data.ticketId === ticket.id);
    expect(event).toMatchObject({ authorId: author.id, title: 'Refund', priority: 'NORMAL', attachments: 0 });
    expect(JSON.stringify(event)).not.toContain('Line one');
  });

  it('refuses bad input with the field named, and writes nothing', async () => {
    const author = await s.user();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '   ' }, 'input.title'],
      [{ title: 'x'.repeat(201) }, 'input.title'],
      [{ description: '\u0000' }, 'input.description'],
      [{ category: 'gossip' }, 'input.category'],
      [{ attachmentIds: ['not-an-id'] }, 'input.attachmentIds'],
      [{ attachmentIds: Array.from({ length: 11 }, () => randomUUID()) }, 'input.attachmentIds'],
    ];
    for (const [fields, field] of cases) {
      const { errors } = await s.post(author.token, OPEN, { input: ticketInput(fields) });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const mine = await s.ok(
      author.token,
      `query($u: ID!) { _entities(representations: [{ __typename: "User", id: $u }]) { ... on User { tickets { edges { node { id } } } } } }`,
      { u: author.id },
    );
    expect(mine._entities[0].tickets.edges).toEqual([]);
  });

  it('lists the categories a ticket may have', async () => {
    const { supportCategories } = await s.ok(null, '{ supportCategories }');
    expect(supportCategories).toEqual(['general', 'account', 'billing', 'technical', 'bug', 'feature']);
  });
});

describe('who reads a ticket', () => {
  it('its author and agents; anyone else is told it does not exist, through _entities too', async () => {
    const author = await s.user();
    const stranger = await s.user();
    const moderator = await s.user('moderator');
    const agent = await s.agent();
    const ticket = await open(author.token);
    expect((await s.ok(author.token, TICKET, { id: ticket.id })).ticket.id).toBe(ticket.id);
    expect((await s.ok(agent.token, TICKET, { id: ticket.id })).ticket.id).toBe(ticket.id);
    expect((await s.ok(s.admin, TICKET, { id: ticket.id })).ticket.id).toBe(ticket.id);
    for (const outsider of [stranger, moderator]) {
      const { errors } = await s.post(outsider.token, TICKET, { id: ticket.id });
      expect(errors[0].extensions.code).toBe('NOT_FOUND');
      const { data } = await s.post(
        outsider.token,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id title } } }`,
        { r: [{ __typename: 'Ticket', id: ticket.id }] },
      );
      expect(data._entities).toEqual([null]);
    }
    const { errors } = await s.post(author.token, TICKET, { id: 'nope' });
    expect(errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it("lists a user's tickets for them and agents only, page by page", async () => {
    const author = await s.user();
    const agent = await s.agent();
    const stranger = await s.user();
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await open(author.token, { title: `ticket ${i}` })).id);
    const query = `query($u: ID!, $after: String) { _entities(representations: [{ __typename: "User", id: $u }]) {
      ... on User { tickets(first: 3, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } } }`;
    const first = (await s.ok(author.token, query, { u: author.id }))._entities[0].tickets;
    const second = (await s.ok(agent.token, query, { u: author.id, after: first.pageInfo.endCursor }))
      ._entities[0].tickets;
    expect([...first.edges, ...second.edges].map((edge: any) => edge.node.id)).toEqual([...ids].reverse());
    expect(second.pageInfo.hasNextPage).toBe(false);
    const { errors } = await s.post(stranger.token, query, { u: author.id });
    expect(errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('resolves 5 and 50 ticket references with the same SQL', async () => {
    const author = await s.user();
    const ids: string[] = [];
    for (let i = 0; i < 50; i += 1) ids.push((await open(author.token)).id);
    const sqlFor = async (keys: string[]) => {
      s.fixture.subgraph.sql.reset();
      const data = await s.ok(
        author.token,
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Ticket { id status sla { paused } } } }`,
        { r: keys.map((id) => ({ __typename: 'Ticket', id })) },
      );
      expect(data._entities.map((ticket: { id: string }) => ticket.id)).toEqual(keys);
      return s.fixture.subgraph.sql.count;
    };
    const five = await sqlFor(ids.slice(0, 5));
    expect(await sqlFor(ids)).toBe(five);
  });
});

describe('the queue', () => {
  it('is for agents, filters by status, priority, assignee, text and number', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const refund = await open(author.token, {
      title: 'Refund please',
      description: 'charged twice',
      category: 'billing',
    });
    const login = await open(author.token, {
      title: 'Login loop',
      description: 'keeps asking',
      category: 'account',
    });
    const queue = async (filter: Record<string, unknown>) =>
      (
        await s.ok(
          agent.token,
          'query($f: TicketFilter) { supportTickets(filter: $f, first: 100) { edges { node { id } } } }',
          { f: filter },
        )
      ).supportTickets.edges.map((edge: any) => edge.node.id);
    expect(await queue({ text: 'refu char' })).toEqual([refund.id]);
    expect(await queue({ text: `#${login.number}` })).toEqual([login.id]);
    expect(await queue({ category: 'account', text: 'loop' })).toEqual([login.id]);
    expect(await queue({ status: ['CLOSED'], text: 'refund' })).toEqual([]);
    const { errors } = await s.post(author.token, '{ supportTickets { edges { node { id } } } }');
    expect(errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await s.post(
      agent.token,
      'query($f: TicketFilter) { supportTickets(filter: $f) { edges { node { id } } } }',
      {
        f: { text: '***' },
      },
    );
    expect(bad.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.text' });
  });
});

describe('word search over a long queue', () => {
  it('finds a rare word however old, and pages a common one in order', async () => {
    const agent = await s.agent();
    const author = await s.user();
    await s
      .em()
      .getConnection()
      .execute(
        `insert into support.ticket (id, author_id, title, description, category, priority, status,
           first_response_due_at, resolution_due_at, paused_seconds, created_at, updated_at)
         select gen_random_uuid(), ?, case when i = 1 then 'zebra crossing' else 'payment question ' || i end,
           'text', 'billing', 'NORMAL', 'OPEN', now(), now(), 0,
           now() - make_interval(mins => 5000 - i), now() - make_interval(mins => 5000 - i)
         from generate_series(1, 1200) as i`,
        [author.id],
      );
    const search = async (text: string, after: string | null = null) =>
      (
        await s.ok(
          agent.token,
          'query($f: TicketFilter, $after: String) { supportTickets(filter: $f, first: 20, after: $after) { edges { node { title } } pageInfo { hasNextPage endCursor } } }',
          { f: { text }, after },
        )
      ).supportTickets;
    expect((await search('zebr')).edges).toEqual([{ node: { title: 'zebra crossing' } }]);
    const first = await search('paym');
    const second = await search('paym', first.pageInfo.endCursor);
    const numbers = [...first.edges, ...second.edges].map((edge: any) =>
      Number(edge.node.title.split(' ').pop()),
    );
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => 1200 - i));
    expect(second.pageInfo.hasNextPage).toBe(true);
  });
});
