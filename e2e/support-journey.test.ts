import { subscribe, waitFor, wsClient } from '@lattice/testkit';
import { newUser, uploadFile } from './support/media';
import {
  gql,
  newAgent,
  NOTE,
  ok,
  OPEN_TICKET,
  REPLY,
  startSupportLattice,
  type SupportLattice,
  TICKET_ACTIVITY,
} from './support/support-desk';

// The journey through the gateway: a user opens a ticket with an attachment → an agent
// is assigned → the agent adds an internal note and a reply → the user is notified and sees
// the reply but never the note → resolves → rates. Then a first response that comes late.
let desk: SupportLattice;
beforeAll(async () => {
  desk = await startSupportLattice({
    env: { SUPPORT_SLA: 'URGENT=1h/4h,HIGH=4h/1d,NORMAL=3s/1d,LOW=1d/7d' },
  });
});
afterAll(() => desk?.stop());

const TICKET = `query($id: ID!) {
  ticket(id: $id) {
    status assignee { id } attachments { id url }
    messages { edges { node { kind body attachments { id } } } }
    satisfaction { rating comment }
    sla { firstResponseBreached }
  }
}`;

test('a ticket with a file is answered, resolved and rated; the author never sees the internal note', async () => {
  const { lattice, smtp, admin } = desk;
  const agent = await newAgent(lattice, admin);
  const user = await newUser(lattice);
  const stranger = await newUser(lattice);
  const file = await uploadFile(lattice, user.token, {
    filename: 'error.txt',
    contentType: 'text/plain',
    bytes: Buffer.from('TypeError: download is not a function\n'),
  });

  const { openTicket } = await ok(lattice, user.token, OPEN_TICKET, {
    input: {
      title: 'Invoice download fails',
      description: 'Clicking download shows an error.',
      category: 'billing',
      attachmentIds: [file.id],
    },
  });
  expect(openTicket).toMatchObject({
    status: 'OPEN',
    assignee: { id: agent.id },
    attachments: [{ id: file.id }],
  });

  // The agent reads the author's file once media has heard it is shared with agents.
  const shared = await waitFor(async () => {
    const { ticket } = await ok(lattice, agent.token, TICKET, { id: openTicket.id });
    return ticket.attachments[0];
  });
  expect(await (await fetch(shared.url)).text()).toContain('TypeError');
  const outsider = await gql(lattice, stranger.token, TICKET, { id: openTicket.id });
  expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

  const authorFeed = subscribe(wsClient(lattice.gateway.url, user.token), TICKET_ACTIVITY, {
    t: openTicket.id,
  });
  const agentFeed = subscribe(wsClient(lattice.gateway.url, agent.token), TICKET_ACTIVITY, {
    t: openTicket.id,
  });
  await new Promise((resolve) => setTimeout(resolve, 300)); // both subscriptions are up
  try {
    await ok(lattice, agent.token, NOTE, { t: openTicket.id, body: 'Known bug #88, fix ships Friday' });
    await ok(lattice, agent.token, REPLY, { t: openTicket.id, body: 'Thanks! A fix is on its way.' });

    const mail = await smtp.waitFor((m) => m.envelope.to.includes(user.email) && /reply/i.test(m.subject));
    expect(mail.subject).toContain(`#${openTicket.number}`);
    expect(mail.text + (mail.html ?? '')).not.toContain('Known bug');

    const seen = (await ok(lattice, user.token, TICKET, { id: openTicket.id })).ticket;
    expect(seen.messages.edges.map((edge: any) => edge.node.body)).toEqual(['Thanks! A fix is on its way.']);
    expect(JSON.stringify(seen)).not.toContain('Known bug');

    await agentFeed.received(2);
    await authorFeed.received(1);
    expect(agentFeed.data().map((d: any) => d.ticketActivity.message.kind)).toEqual(['NOTE', 'REPLY']);
    expect(authorFeed.data().map((d: any) => d.ticketActivity.message)).toEqual([
      { kind: 'REPLY', body: 'Thanks! A fix is on its way.', author: { id: agent.id } },
    ]);

    await ok(
      lattice,
      agent.token,
      'mutation($t: ID!) { setTicketStatus(ticketId: $t, status: RESOLVED) { status } }',
      {
        t: openTicket.id,
      },
    );
    await authorFeed.received(2);
    expect(JSON.stringify(authorFeed.data())).not.toContain('Known bug');
  } finally {
    authorFeed.stop();
    agentFeed.stop();
  }

  const { rateTicket } = await ok(
    lattice,
    user.token,
    'mutation($t: ID!) { rateTicket(ticketId: $t, rating: 5, comment: "Quick and kind") { satisfaction { rating comment } } }',
    { t: openTicket.id },
  );
  expect(rateTicket.satisfaction).toEqual({ rating: 5, comment: 'Quick and kind' });
  const { me } = await ok(lattice, user.token, '{ me { tickets { edges { node { number status } } } } }');
  expect(me.tickets.edges).toEqual([{ node: { number: openTicket.number, status: 'RESOLVED' } }]);
  const { supportStatistics } = await ok(
    lattice,
    admin,
    '{ supportStatistics { ratings averageRating satisfied medianFirstResponseSeconds } }',
  );
  expect(supportStatistics).toMatchObject({ ratings: 1, averageRating: '5.00', satisfied: 1 });
  expect(supportStatistics.medianFirstResponseSeconds).toBeGreaterThanOrEqual(0);
});

test('a first response later than the SLA is a breach, and the assignee hears of it', async () => {
  const { lattice, admin } = desk;
  const user = await newUser(lattice);
  const { openTicket } = await ok(lattice, user.token, OPEN_TICKET, {
    input: { title: 'Account locked', description: 'Cannot sign in.', category: 'account' },
  });
  const assignee = openTicket.assignee.id;
  // NORMAL's first response is due in 3 s; the janitor looks every second.
  const breached = await waitFor(
    async () => (await ok(lattice, admin, TICKET, { id: openTicket.id })).ticket.sla.firstResponseBreached,
    { timeoutMs: 15_000 },
  );
  expect(breached).toBe(true);
  await waitFor(
    async () => {
      const rows = await lattice.subgraphs
        .notifications!.orm.em.getConnection()
        .execute(
          `select 1 from notifications.notification where user_id = ? and kind = 'ticket_sla_breached'`,
          [assignee],
        );
      return rows.length === 1;
    },
    { timeoutMs: 15_000 },
  );
});
