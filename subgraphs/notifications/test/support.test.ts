import { randomUUID } from 'node:crypto';
import type { EventData } from '@lattice/events';
import { Delivery, Notification } from '../src/entities';
import { pause, plain, startWithMail, subjectFrom, type WithMail } from './support/domain-events';

/**
 * support's events consumed over a real database, as `npm start` runs it (mail to the local
 * capture): what each sends, to whom, and what sends nothing (an internal note to the author,
 * the author's own status change).
 */
let n: WithMail;
beforeAll(async () => {
  n = await startWithMail({ origin: subjectFrom('ticketId') });
});
afterAll(() => n?.close());

/** A ticket of `author`, assigned to `assignee` (or no one). */
const ticketFacts = (authorId: string, assigneeId: string | null) => ({
  ticketId: randomUUID(),
  number: 1042,
  title: 'Printer <on> fire',
  category: 'hardware',
  priority: 'HIGH' as const,
  authorId,
  assigneeId,
});
const linkOf = (facts: { ticketId: string }) => `https://app.example.test/support/tickets/${facts.ticketId}`;

describe('a ticket opened', () => {
  it('sends its author a receipt by mail and in the inbox, linking to the ticket', async () => {
    const author = await n.registered();
    const facts = ticketFacts(author.userId, null);
    const event = await n.publish('support.ticket_opened', {
      ...facts,
      firstResponseDueAt: '2026-03-03T17:30:00.000Z',
      resolutionDueAt: '2026-03-05T17:30:00.000Z',
      attachments: 1,
    });
    const mail = await n.mailTo(author.email, /We got your ticket/);
    expect(mail.subject).toBe('We got your ticket #1042: Printer <on> fire');
    expect(mail.links).toContain(linkOf(facts));
    expect(mail.headers['list-unsubscribe']).toMatch(/\/unsubscribe\?token=/);
    const { by, entries } = await n.sent(event);
    expect(by).toEqual({ [author.userId]: ['email', 'inapp'] });
    expect(entries[0]).toMatchObject({
      kind: 'ticket_received',
      category: 'activity',
      title: 'We got your ticket #1042',
      link: linkOf(facts),
    });
  });
});

describe('a reply', () => {
  const reply = (facts: ReturnType<typeof ticketFacts>, senderId: string, fromAgent: boolean) =>
    n.publish('support.reply_added', {
      ...facts,
      messageId: randomUUID(),
      senderId,
      fromAgent,
      firstResponseSeconds: fromAgent ? 600 : null,
      attachments: 0,
    });

  it('from an agent: to the author alone', async () => {
    const [author, agent] = [await n.registered({ locale: 'fr' }), await n.registered()];
    const facts = ticketFacts(author.userId, agent.userId);
    const event = await reply(facts, agent.userId, true);
    const mail = await n.mailTo(author.email, /Nouvelle réponse/);
    expect(mail.subject).toBe('Nouvelle réponse à votre ticket n° 1042 : Printer <on> fire');
    expect(mail.links).toContain(linkOf(facts));
    const { by, entries } = await n.sent(event);
    expect(by).toEqual({ [author.userId]: ['email', 'inapp'] });
    expect(entries[0]).toMatchObject({
      title: 'Nouvelle réponse à votre ticket n° 1042',
      link: linkOf(facts),
    });
  });

  it('from the author: to the assignee alone, and to no one while unassigned', async () => {
    const [author, agent] = [await n.registered(), await n.registered()];
    const facts = ticketFacts(author.userId, agent.userId);
    const event = await reply(facts, author.userId, false);
    const mail = await n.mailTo(agent.email, /The author replied/);
    expect(mail.subject).toBe('The author replied on #1042: Printer <on> fire');
    expect((await n.sent(event)).by).toEqual({ [agent.userId]: ['email', 'inapp'] });
    const unassigned = await reply(ticketFacts(author.userId, null), author.userId, false);
    expect((await n.sent(unassigned)).by).toEqual({});
  });
});

describe('an internal note', () => {
  const note = (facts: ReturnType<typeof ticketFacts>, senderId: string) =>
    n.publish('support.note_added', { ...facts, messageId: randomUUID(), senderId });

  it('tells the assignee in the inbox alone, and never the author', async () => {
    const [author, agent, other] = [await n.registered(), await n.registered(), await n.registered()];
    const facts = ticketFacts(author.userId, agent.userId);
    const event = await note(facts, other.userId);
    const { by, entries } = await n.sent(event);
    expect(by).toEqual({ [agent.userId]: ['inapp'] });
    expect(entries[0]).toMatchObject({
      kind: 'ticket_note',
      title: 'Internal note on #1042',
      body: 'Printer <on> fire',
    });
    expect(await n.em().count(Notification, { userId: author.userId })).toBe(0);
    expect(await n.em().count(Delivery, { userId: author.userId })).toBe(0);
  });

  it('sends nothing when its writer is the assignee, there is none, or the assignee is the author', async () => {
    const [author, agent] = [await n.registered(), await n.registered()];
    const events = [
      await note(ticketFacts(author.userId, agent.userId), agent.userId),
      await note(ticketFacts(author.userId, null), agent.userId),
      await note(ticketFacts(author.userId, author.userId), agent.userId),
    ];
    for (const event of events) expect((await n.sent(event)).by).toEqual({});
    expect(n.mailsTo(author.email)).toHaveLength(0);
  });
});

describe('a status change', () => {
  const change = (
    facts: ReturnType<typeof ticketFacts>,
    to: EventData<'support.ticket_status_changed'>['to'],
    changedBy: string | null,
  ) =>
    n.publish('support.ticket_status_changed', {
      ...facts,
      from: 'OPEN',
      to,
      changedBy,
      resolutionSeconds: to === 'RESOLVED' ? 3600 : null,
    });

  it.each([
    ['PENDING', /waiting on you/],
    ['RESOLVED', /is resolved/],
    ['CLOSED', /is closed/],
  ] as const)('to %s by an agent: tells the author', async (to, subject) => {
    const [author, agent] = [await n.registered(), await n.registered()];
    const facts = ticketFacts(author.userId, agent.userId);
    const event = await change(facts, to, agent.userId);
    const mail = await n.mailTo(author.email, subject);
    expect(mail.links).toContain(linkOf(facts));
    expect((await n.sent(event)).by).toEqual({ [author.userId]: ['email', 'inapp'] });
  });

  it('resolved: asks the author to rate the help', async () => {
    const [author, agent] = [await n.registered(), await n.registered()];
    await change(ticketFacts(author.userId, agent.userId), 'RESOLVED', agent.userId);
    const mail = await n.mailTo(author.email, /is resolved/);
    expect(plain(mail.text)).toContain('How did we do? Rate the help you got here:');
  });

  it('closed by support itself: tells the author', async () => {
    const author = await n.registered();
    const event = await change(ticketFacts(author.userId, null), 'CLOSED', null);
    expect((await n.sent(event)).by).toEqual({ [author.userId]: ['email', 'inapp'] });
  });

  it('by the author: tells no one', async () => {
    const [author, agent] = [await n.registered(), await n.registered()];
    const facts = ticketFacts(author.userId, agent.userId);
    const events = [await change(facts, 'CLOSED', author.userId), await change(facts, 'OPEN', author.userId)];
    for (const event of events) expect((await n.sent(event)).by).toEqual({});
    await pause(200);
    expect(n.mailsTo(author.email)).toHaveLength(0);
    expect(n.mailsTo(agent.email)).toHaveLength(0);
  });
});

describe('an assignment', () => {
  const assign = (
    facts: ReturnType<typeof ticketFacts>,
    assignedBy: string | null,
    by: 'ROUND_ROBIN' | 'MANUAL' = 'MANUAL',
  ) => n.publish('support.ticket_assigned', { ...facts, previousAssigneeId: null, by, assignedBy });

  it('tells the new assignee, whether the rotation or another agent gave it', async () => {
    const [author, agent, lead] = [await n.registered(), await n.registered(), await n.registered()];
    const manual = await assign(ticketFacts(author.userId, agent.userId), lead.userId);
    const mail = await n.mailTo(agent.email, /assigned to you/);
    expect(mail.subject).toBe('Ticket #1042 assigned to you: Printer <on> fire');
    expect(plain(mail.text)).toContain('(high priority)');
    expect((await n.sent(manual)).by).toEqual({ [agent.userId]: ['email', 'inapp'] });
    const robin = await assign(ticketFacts(author.userId, agent.userId), null, 'ROUND_ROBIN');
    expect((await n.sent(robin)).by).toEqual({ [agent.userId]: ['email', 'inapp'] });
  });

  it('taken by oneself, or back to the queue: tells no one', async () => {
    const [author, agent] = [await n.registered(), await n.registered()];
    const events = [
      await assign(ticketFacts(author.userId, agent.userId), agent.userId),
      await assign(ticketFacts(author.userId, null), agent.userId),
    ];
    for (const event of events) expect((await n.sent(event)).by).toEqual({});
  });
});

describe('an SLA breached', () => {
  const breach = (facts: ReturnType<typeof ticketFacts>, target: 'FIRST_RESPONSE' | 'RESOLUTION') =>
    n.publish('support.sla_breached', { ...facts, target, dueAt: '2026-03-03T17:30:00.000Z' });

  it('tells the assignee, the deadline on their clock; no one while unassigned', async () => {
    const [author, agent] = [await n.registered(), await n.registered({ timezone: 'Europe/Paris' })];
    const event = await breach(ticketFacts(author.userId, agent.userId), 'FIRST_RESPONSE');
    const mail = await n.mailTo(agent.email, /SLA breached/);
    expect(plain(mail.subject)).toBe(
      'SLA breached: first response due Tuesday, March 3, 2026 at 6:30 PM (Europe/Paris) on #1042',
    );
    expect((await n.sent(event)).by).toEqual({ [agent.userId]: ['email', 'inapp'] });
    const unassigned = await breach(ticketFacts(author.userId, null), 'RESOLUTION');
    expect((await n.sent(unassigned)).by).toEqual({});
    expect(n.mailsTo(author.email)).toHaveLength(0);
  });
});

describe('support’s other events', () => {
  it('send nothing', async () => {
    const author = await n.registered();
    const facts = ticketFacts(author.userId, randomUUID());
    const events = [
      await n.publish('support.ticket_priority_changed', { ...facts, from: 'LOW', changedBy: randomUUID() }),
      await n.publish('support.ticket_rated', { ...facts, rating: 5 }),
    ];
    await pause(300);
    for (const event of events) {
      expect(await n.em().count(Delivery, { eventId: event.id })).toBe(0);
      expect(await n.em().count(Notification, { eventId: event.id })).toBe(0);
    }
  });
});
