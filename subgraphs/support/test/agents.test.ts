import { ADD_AGENT, OPEN, type SupportFixture, STATUS, startSupport, ticketInput } from './support/fixture';

let s: SupportFixture;

beforeEach(async () => {
  s = await startSupport();
});
afterEach(() => s?.stop());

const open = async (token: string) => (await s.ok(token, OPEN, { input: ticketInput() })).openTicket;
const assigneesOf = async (count: number) => {
  const author = await s.user();
  const tickets = [];
  for (let i = 0; i < count; i += 1) tickets.push(await open(author.token));
  return tickets.map((ticket) => ticket.assignee?.id ?? null);
};

describe('round robin', () => {
  it('takes turns among available agents, within their capacity, and queues the rest', async () => {
    const first = await s.agent(2);
    const second = await s.agent(1);
    const away = await s.agent(5);
    await s.ok(away.token, 'mutation { setSupportAvailability(available: false) { available } }');
    expect(await assigneesOf(4)).toEqual([first.id, second.id, first.id, null]);
    // A seat frees up: the janitor hands the queued ticket over.
    const author = await s.user();
    const ticket = await open(author.token);
    expect(ticket.assignee).toBeNull();
    await s.ok(s.admin, 'mutation($u: ID!) { updateSupportAgent(userId: $u, capacity: 4) { capacity } }', {
      u: second.id,
    });
    await s.sweep();
    const { supportAgents } = await s.ok(
      s.admin,
      '{ supportAgents { edges { node { user { id } openTickets available capacity } } } }',
    );
    expect(supportAgents.edges.map((edge: any) => edge.node)).toEqual([
      { user: { id: first.id }, openTickets: 2, available: true, capacity: 2 },
      { user: { id: second.id }, openTickets: 3, available: true, capacity: 4 },
      { user: { id: away.id }, openTickets: 0, available: false, capacity: 5 },
    ]);
  });

  it('never gives an agent more than their capacity when tickets are opened at once', async () => {
    const agents = [await s.agent(3), await s.agent(2)];
    const authors = await Promise.all(Array.from({ length: 12 }, () => s.user()));
    const opened = await Promise.all(authors.map((author) => open(author.token)));
    const counts = new Map<string | null, number>();
    for (const ticket of opened)
      counts.set(ticket.assignee?.id ?? null, (counts.get(ticket.assignee?.id ?? null) ?? 0) + 1);
    expect(counts.get(agents[0]!.id)).toBe(3);
    expect(counts.get(agents[1]!.id)).toBe(2);
    expect(counts.get(null)).toBe(7);
  });

  it("a resolved ticket frees its agent's place", async () => {
    const agent = await s.agent(1);
    const author = await s.user();
    const first = await open(author.token);
    expect((await open(author.token)).assignee).toBeNull();
    await s.ok(agent.token, STATUS, { t: first.id, s: 'RESOLVED' });
    await s.sweep();
    const { supportTickets } = await s.ok(
      agent.token,
      '{ supportTickets(filter: { unassigned: true }) { edges { node { id } } } }',
    );
    expect(supportTickets.edges).toEqual([]);
  });
});

describe('the team', () => {
  it('is managed by admins only; removing an agent sends their tickets back to the queue', async () => {
    const agent = await s.agent();
    const other = await s.user();
    const author = await s.user();
    const ticket = await open(author.token);
    expect(ticket.assignee).toEqual({ id: agent.id });
    for (const token of [agent.token, other.token]) {
      const { errors } = await s.post(token, ADD_AGENT, { u: other.id, c: 5 });
      expect(errors[0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await s.post(s.admin, ADD_AGENT, { u: agent.id, c: 5 })).errors[0].extensions.code).toBe(
      'CONFLICT',
    );
    expect((await s.post(s.admin, ADD_AGENT, { u: other.id, c: 0 })).errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'capacity',
    });
    await s.ok(s.admin, 'mutation($u: ID!) { removeSupportAgent(userId: $u) }', { u: agent.id });
    const { errors } = await s.post(agent.token, `query($id: ID!) { ticket(id: $id) { id } }`, {
      id: ticket.id,
    });
    expect(errors[0].extensions.code).toBe('NOT_FOUND');
    const queued = await s.ok(
      s.admin,
      '{ supportTickets(filter: { unassigned: true }) { edges { node { id } } } }',
    );
    expect(queued.supportTickets.edges).toEqual([{ node: { id: ticket.id } }]);
    const events = await s.outbox('support.agent_removed');
    expect(events).toEqual([{ userId: agent.id, removedBy: expect.any(String) }]);
  });

  it('removing an agent takes back their tickets even while another change holds one of them', async () => {
    const agent = await s.agent();
    const author = await s.user();
    const ticket = await open(author.token);
    expect(ticket.assignee).toEqual({ id: agent.id });
    // A change to the ticket in flight (its row locked) when the admin removes the agent.
    const em = s.em();
    await em.begin();
    await em.execute('select id from support.ticket where id = ? for update', [ticket.id]);
    const removal = s.ok(s.admin, 'mutation($u: ID!) { removeSupportAgent(userId: $u) }', { u: agent.id });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the removal waits on that row
    await em.commit();
    await removal;
    const queued = await s.ok(
      s.admin,
      '{ supportTickets(filter: { unassigned: true }) { edges { node { id } } } }',
    );
    expect(queued.supportTickets.edges).toEqual([{ node: { id: ticket.id } }]);
  });

  it('assigns by hand to agents only', async () => {
    const agent = await s.agent();
    const other = await s.agent();
    const author = await s.user();
    const ticket = await open(author.token);
    const ASSIGN =
      'mutation($t: ID!, $a: ID) { assignTicket(ticketId: $t, assigneeId: $a) { assignee { id } } }';
    expect((await s.ok(agent.token, ASSIGN, { t: ticket.id, a: other.id })).assignTicket.assignee).toEqual({
      id: other.id,
    });
    expect(
      (await s.post(agent.token, ASSIGN, { t: ticket.id, a: author.id })).errors[0].extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'assigneeId',
    });
    expect(
      (await s.post(author.token, ASSIGN, { t: ticket.id, a: author.id })).errors[0].extensions.code,
    ).toBe('FORBIDDEN');
    expect((await s.ok(agent.token, ASSIGN, { t: ticket.id, a: null })).assignTicket.assignee).toBeNull();
  });
});

describe('canned responses', () => {
  const CREATE = 'mutation($i: CannedResponseInput!) { createCannedResponse(input: $i) { id shortcut } }';
  const input = { shortcut: 'refund-policy', title: 'Refunds', body: 'Refunds take 5 days.' };

  it('agents save and find them; shortcuts are unique; only the writer or an admin changes one', async () => {
    const agent = await s.agent();
    const other = await s.agent();
    const user = await s.user();
    expect((await s.post(user.token, CREATE, { i: input })).errors[0].extensions.code).toBe('FORBIDDEN');
    const { id } = (await s.ok(agent.token, CREATE, { i: input })).createCannedResponse;
    expect((await s.post(other.token, CREATE, { i: input })).errors[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.shortcut',
    });
    expect(
      (await s.post(agent.token, CREATE, { i: { ...input, shortcut: 'Bad Shortcut' } })).errors[0].extensions
        .field,
    ).toBe('input.shortcut');
    const found = await s.ok(other.token, '{ cannedResponses(text: "5 DAYS") { edges { node { id } } } }');
    expect(found.cannedResponses.edges).toEqual([{ node: { id } }]);
    const none = await s.ok(other.token, '{ cannedResponses(text: "%") { edges { node { id } } } }');
    expect(none.cannedResponses.edges).toEqual([]);
    const DELETE = 'mutation($id: ID!) { deleteCannedResponse(id: $id) }';
    expect((await s.post(other.token, DELETE, { id })).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await s.ok(s.admin, DELETE, { id })).deleteCannedResponse).toBe(true);
  });
});
