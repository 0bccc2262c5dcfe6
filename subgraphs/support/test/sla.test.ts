import {
  OPEN,
  REPLY,
  STATUS,
  type SupportFixture,
  TICKET,
  startSupport,
  ticketInput,
} from './support/fixture';

let s: SupportFixture;
const HOUR = 3600_000;

beforeAll(async () => {
  s = await startSupport({ SUPPORT_SLA: 'URGENT=30m/2h,HIGH=1h/4h,NORMAL=2h/8h,LOW=1d/7d' });
});
afterEach(() => s.setClockOffset(0));
afterAll(() => s?.stop());

const breaches = async (ticketId: string) =>
  (await s.outbox('support.sla_breached'))
    .filter((data) => data.ticketId === ticketId)
    .map((data) => data.target);
const sla = async (token: string, id: string) => (await s.ok(token, TICKET, { id })).ticket.sla;

describe('SLA targets', () => {
  it('a late first response is found by the janitor and announced once', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const { id } = (await s.ok(author.token, OPEN, { input: ticketInput() })).openTicket;
    s.setClockOffset(HOUR);
    await s.sweep();
    expect(await breaches(id)).toEqual([]);
    expect((await sla(agent.token, id)).firstResponseBreached).toBe(false);
    s.setClockOffset(2 * HOUR + 60_000);
    await s.sweep();
    await s.sweep();
    expect(await breaches(id)).toEqual(['FIRST_RESPONSE']);
    expect(await sla(agent.token, id)).toMatchObject({
      firstResponseBreached: true,
      resolutionBreached: false,
    });
    // Answering late does not announce it again, and it stays breached.
    await s.ok(agent.token, REPLY, { t: id, body: 'Sorry for the wait' });
    expect(await breaches(id)).toEqual(['FIRST_RESPONSE']);
    expect((await sla(author.token, id)).firstResponseBreached).toBe(true);
  });

  it('a first response that is late when it comes is a breach even before the janitor runs', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const { id } = (await s.ok(author.token, OPEN, { input: ticketInput() })).openTicket;
    s.setClockOffset(3 * HOUR);
    await s.ok(agent.token, REPLY, { t: id, body: 'Here' });
    expect(await breaches(id)).toEqual(['FIRST_RESPONSE']);
  });

  it('an answer in time is no breach, whatever comes later', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const { id } = (await s.ok(author.token, OPEN, { input: ticketInput() })).openTicket;
    await s.ok(agent.token, REPLY, { t: id, body: 'On it' });
    s.setClockOffset(5 * HOUR);
    await s.sweep();
    expect((await sla(agent.token, id)).firstResponseBreached).toBe(false);
    expect(await breaches(id)).toEqual([]);
  });

  it('time waiting on the author stops the resolution clock', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const { id, sla: opened } = (await s.ok(author.token, OPEN, { input: ticketInput() })).openTicket;
    await s.ok(agent.token, REPLY, { t: id, body: 'Which browser?', status: 'PENDING' });
    s.setClockOffset(10 * HOUR);
    await s.sweep();
    expect(await breaches(id)).toEqual([]);
    expect(await sla(agent.token, id)).toMatchObject({ paused: true, resolutionBreached: false });
    await s.ok(author.token, REPLY, { t: id, body: 'Firefox' });
    const resumed = await sla(agent.token, id);
    const moved = Date.parse(resumed.resolutionDueAt) - Date.parse(opened.resolutionDueAt);
    expect(moved).toBeGreaterThanOrEqual(10 * HOUR - 5000);
    expect(moved).toBeLessThanOrEqual(10 * HOUR + 5000);
    expect(resumed).toMatchObject({ paused: false, resolutionBreached: false });
    s.setClockOffset(19 * HOUR);
    await s.sweep();
    expect(await breaches(id)).toEqual(['RESOLUTION']);
  });

  it('a priority change moves the due times to the new targets', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const { id, sla: opened } = (await s.ok(author.token, OPEN, { input: ticketInput() })).openTicket;
    const { updateTicket } = await s.ok(
      agent.token,
      'mutation($t: ID!) { updateTicket(ticketId: $t, priority: URGENT) { priority sla { firstResponseDueAt resolutionDueAt } } }',
      { t: id },
    );
    expect(Date.parse(opened.firstResponseDueAt) - Date.parse(updateTicket.sla.firstResponseDueAt)).toBe(
      90 * 60_000,
    );
    expect(Date.parse(opened.resolutionDueAt) - Date.parse(updateTicket.sla.resolutionDueAt)).toBe(6 * HOUR);
    const { errors } = await s.post(
      author.token,
      'mutation($t: ID!) { updateTicket(ticketId: $t, priority: URGENT) { id } }',
      {
        t: id,
      },
    );
    expect(errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('resolved tickets close after SUPPORT_AUTO_CLOSE_DAYS, by support', async () => {
    const author = await s.user();
    const agent = await s.agent();
    const { id } = (await s.ok(author.token, OPEN, { input: ticketInput() })).openTicket;
    await s.ok(agent.token, STATUS, { t: id, s: 'RESOLVED' });
    s.setClockOffset(6 * 24 * HOUR);
    await s.sweep();
    expect((await s.ok(author.token, TICKET, { id })).ticket.status).toBe('RESOLVED');
    s.setClockOffset(7 * 24 * HOUR + 60_000);
    await s.sweep();
    expect((await s.ok(author.token, TICKET, { id })).ticket.status).toBe('CLOSED');
    const changes = (await s.outbox('support.ticket_status_changed')).filter((data) => data.ticketId === id);
    expect(changes.at(-1)).toMatchObject({ from: 'RESOLVED', to: 'CLOSED', changedBy: null });
  });
});

describe('settings', () => {
  it('refuse an SLA policy that is not one', async () => {
    await expect(startSupport({ SUPPORT_SLA: 'URGENT=1h' })).rejects.toThrow(/SUPPORT_SLA/);
  });
});
