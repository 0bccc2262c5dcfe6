import { createEvent, type EventData, type EventType } from '@lattice/events';
import { type MessageKind, messagesFor } from '../src/messages';
import {
  ticketAssigned,
  ticketNote,
  ticketReceived,
  ticketReply,
  ticketSlaBreached,
  ticketStatusChanged,
} from '../src/messages/support';
import { consumers } from '../src/service/consumers';
import { render } from '../src/service/render';

/** Each support kind: whom its event is for, and its wording in every language the project writes (en, fr). */
const AUTHOR = 'author-1';
const AGENT = 'agent-1';
const OTHER = 'agent-2';
const facts = {
  ticketId: 'ticket/1',
  number: 1042,
  title: 'Printer <on> fire',
  category: 'billing',
  priority: 'HIGH' as const,
  authorId: AUTHOR,
  assigneeId: AGENT as string | null,
};
const LINK = 'https://app.example.test/support/tickets/ticket%2F1';

const event = <T extends EventType>(message: MessageKind<T>, data: EventData<T>) =>
  createEvent(message.event, { actor: null, subject: 'ticket-1', data });

/** Whom a kind's event is for (null: no one). */
const recipient = <T extends EventType>(message: MessageKind<T>, data: EventData<T>) =>
  message.userId!(event(message, data));

/** A kind's message for `data`, as the planner renders it for a recipient in `locale`. */
function rendered<T extends EventType>(
  message: MessageKind<T>,
  data: EventData<T>,
  locale: string,
  timeZone?: string,
) {
  const values = {
    name: 'Ada',
    ...message.values(event(message, data), { appUrl: 'https://app.example.test/', locale, timeZone }),
  };
  const result = render(message as MessageKind, locale, values);
  const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ');
  return {
    ...result,
    text: plain(result.text),
    title: result.inbox?.title ?? '',
    body: plain(result.inbox?.body),
    link: message.link?.(values) ?? null,
  };
}

describe('support.ticket_opened', () => {
  const data = {
    ...facts,
    assigneeId: null,
    firstResponseDueAt: '2026-03-03T17:30:00.000Z',
    resolutionDueAt: '2026-03-05T17:30:00.000Z',
    attachments: 0,
  };

  it('a receipt to the author, with the number to quote and the ticket’s link, in en and fr', () => {
    expect(recipient(ticketReceived, data)).toBe(AUTHOR);
    const english = rendered(ticketReceived, data, 'en');
    expect(english.subject).toBe('We got your ticket #1042: Printer <on> fire');
    expect(english.text).toContain(`Follow it here: ${LINK}`);
    expect(english.html).toContain('<strong>Printer &lt;on&gt; fire</strong>');
    expect(english).toMatchObject({
      title: 'We got your ticket #1042',
      body: 'Printer <on> fire',
      link: LINK,
    });
    expect(rendered(ticketReceived, data, 'fr-CA').subject).toBe(
      'Nous avons reçu votre ticket n° 1042 : Printer <on> fire',
    );
  });
});

describe('support.reply_added', () => {
  const reply = (fromAgent: boolean, senderId: string, assigneeId: string | null = AGENT) => ({
    ...facts,
    assigneeId,
    messageId: 'm-1',
    senderId,
    fromAgent,
    firstResponseSeconds: null,
    attachments: 0,
  });

  it('an agent’s reply goes to the author', () => {
    expect(recipient(ticketReply, reply(true, AGENT))).toBe(AUTHOR);
    expect(recipient(ticketReply, reply(true, OTHER, null))).toBe(AUTHOR);
    const english = rendered(ticketReply, reply(true, AGENT), 'en');
    expect(english.subject).toBe('New reply on your ticket #1042: Printer <on> fire');
    expect(english.text).toContain(`Support replied on your ticket #1042: Printer <on> fire.`);
    expect(english.text).toContain(LINK);
    expect(english).toMatchObject({ title: 'New reply on your ticket #1042', link: LINK });
    expect(rendered(ticketReply, reply(true, AGENT), 'fr').subject).toBe(
      'Nouvelle réponse à votre ticket n° 1042 : Printer <on> fire',
    );
  });

  it('the author’s reply goes to the assignee, if any', () => {
    expect(recipient(ticketReply, reply(false, AUTHOR))).toBe(AGENT);
    expect(recipient(ticketReply, reply(false, AUTHOR, null))).toBeNull();
    const english = rendered(ticketReply, reply(false, AUTHOR), 'en');
    expect(english.subject).toBe('The author replied on #1042: Printer <on> fire');
    expect(english.text).toContain(
      'The author of ticket #1042 (Printer <on> fire), assigned to you, replied.',
    );
    expect(english.title).toBe('The author replied on #1042');
    expect(rendered(ticketReply, reply(false, AUTHOR), 'fr').title).toBe('L’auteur a répondu sur le n° 1042');
  });

  it('never goes to the one who wrote it', () => {
    // An agent answering a ticket they opened; an assignee who is the ticket's author.
    expect(recipient(ticketReply, reply(true, AUTHOR))).toBeNull();
    expect(recipient(ticketReply, reply(false, AUTHOR, AUTHOR))).toBeNull();
  });
});

describe('support.note_added', () => {
  const note = (senderId: string, assigneeId: string | null = AGENT) => ({
    ...facts,
    assigneeId,
    messageId: 'm-2',
    senderId,
  });

  it('goes to the assignee alone, in the inbox, unless they wrote it', () => {
    expect(recipient(ticketNote, note(OTHER))).toBe(AGENT);
    expect(recipient(ticketNote, note(AGENT))).toBeNull();
    expect(recipient(ticketNote, note(OTHER, null))).toBeNull();
    expect(ticketNote.channels).toEqual(['inapp']);
    expect(rendered(ticketNote, note(OTHER), 'en')).toMatchObject({
      title: 'Internal note on #1042',
      body: 'Printer <on> fire',
      link: LINK,
    });
    expect(rendered(ticketNote, note(OTHER), 'fr').title).toBe('Note interne sur le n° 1042');
  });

  it('never goes to the author, not even one who is also the assignee', () => {
    for (const data of [note(OTHER, AUTHOR), note(AGENT, AUTHOR), note(AUTHOR, AUTHOR), note(AUTHOR)]) {
      expect(recipient(ticketNote, data)).not.toBe(AUTHOR);
    }
  });
});

describe('support.ticket_status_changed', () => {
  const changed = (
    to: EventData<'support.ticket_status_changed'>['to'],
    changedBy: string | null = AGENT,
  ): EventData<'support.ticket_status_changed'> => ({
    ...facts,
    from: 'OPEN',
    to,
    changedBy,
    resolutionSeconds: to === 'RESOLVED' ? 3600 : null,
  });

  it('tells the author what an agent, or support itself, did; the author’s own change tells no one', () => {
    expect(recipient(ticketStatusChanged, changed('PENDING'))).toBe(AUTHOR);
    expect(recipient(ticketStatusChanged, changed('CLOSED', null))).toBe(AUTHOR);
    for (const to of ['OPEN', 'PENDING', 'RESOLVED', 'CLOSED'] as const) {
      expect(recipient(ticketStatusChanged, changed(to, AUTHOR))).toBeNull();
    }
  });

  it.each([
    [
      'PENDING',
      'Ticket #1042 is waiting on you: Printer <on> fire',
      'Support needs an answer from you to go on with your ticket #1042',
      'Waiting on you: #1042',
      'Le ticket n° 1042 attend votre réponse : Printer <on> fire',
    ],
    [
      'RESOLVED',
      'Ticket #1042 is resolved: Printer <on> fire',
      'How did we do? Rate the help you got here:',
      'Resolved: #1042',
      'Ticket n° 1042 résolu : Printer <on> fire',
    ],
    [
      'CLOSED',
      'Ticket #1042 is closed: Printer <on> fire',
      'Your ticket #1042 is closed',
      'Closed: #1042',
      'Ticket n° 1042 fermé : Printer <on> fire',
    ],
    [
      'OPEN',
      'Ticket #1042 is reopened: Printer <on> fire',
      'Your ticket #1042 is open again',
      'Reopened: #1042',
      'Ticket n° 1042 rouvert : Printer <on> fire',
    ],
  ] as const)('%s, in en and fr', (to, subject, says, title, french) => {
    const english = rendered(ticketStatusChanged, changed(to), 'en');
    expect(english.subject).toBe(subject);
    expect(english.text).toContain(says);
    expect(english.text).toContain(LINK);
    expect(english).toMatchObject({ title, link: LINK });
    expect(rendered(ticketStatusChanged, changed(to), 'fr').subject).toBe(french);
  });

  it('asks for a rating when resolved, and only then', () => {
    expect(rendered(ticketStatusChanged, changed('RESOLVED'), 'en').html).toContain(
      `<a href="${LINK}">Rate the help you got</a>`,
    );
    expect(rendered(ticketStatusChanged, changed('RESOLVED'), 'en').body).toContain('Rate the help you got');
    expect(rendered(ticketStatusChanged, changed('CLOSED'), 'en').text).not.toContain('Rate');
  });
});

describe('support.ticket_assigned', () => {
  const assigned = (
    assigneeId: string | null,
    assignedBy: string | null,
    by: 'ROUND_ROBIN' | 'MANUAL' = 'MANUAL',
  ) => ({ ...facts, assigneeId, previousAssigneeId: null, by, assignedBy });

  it('goes to the new assignee, unless they took it themselves or it went back to the queue', () => {
    expect(recipient(ticketAssigned, assigned(AGENT, OTHER))).toBe(AGENT);
    expect(recipient(ticketAssigned, assigned(AGENT, null, 'ROUND_ROBIN'))).toBe(AGENT);
    expect(recipient(ticketAssigned, assigned(AGENT, AGENT))).toBeNull();
    expect(recipient(ticketAssigned, assigned(null, OTHER))).toBeNull();
  });

  it('names the ticket and its priority, in en and fr', () => {
    const english = rendered(ticketAssigned, assigned(AGENT, OTHER), 'en');
    expect(english.subject).toBe('Ticket #1042 assigned to you: Printer <on> fire');
    expect(english.text).toContain('(high priority)');
    expect(english).toMatchObject({ title: 'Assigned to you: #1042', link: LINK });
    const french = rendered(ticketAssigned, assigned(AGENT, OTHER), 'fr');
    expect(french.text).toContain('(priorité haute)');
  });
});

describe('support.sla_breached', () => {
  const breached = (target: 'FIRST_RESPONSE' | 'RESOLUTION', assigneeId: string | null = AGENT) => ({
    ...facts,
    assigneeId,
    target,
    dueAt: '2026-03-03T17:30:00.000Z',
  });

  it('goes to the assignee, if any', () => {
    expect(recipient(ticketSlaBreached, breached('FIRST_RESPONSE'))).toBe(AGENT);
    expect(recipient(ticketSlaBreached, breached('RESOLUTION', null))).toBeNull();
  });

  it('names the target and its deadline on the recipient’s clock, in en and fr', () => {
    const english = rendered(ticketSlaBreached, breached('FIRST_RESPONSE'), 'en', 'Europe/Paris');
    expect(english.subject.replace(/\s+/g, ' ')).toBe(
      'SLA breached: first response due Tuesday, March 3, 2026 at 6:30 PM (Europe/Paris) on #1042',
    );
    expect(english).toMatchObject({ title: 'SLA breached on #1042', link: LINK });
    expect(rendered(ticketSlaBreached, breached('RESOLUTION'), 'en').body).toMatch(
      /^Printer <on> fire: resolution due Tuesday, March 3, 2026 at 5:30 PM \(UTC\)\.$/,
    );
    expect(rendered(ticketSlaBreached, breached('RESOLUTION'), 'fr').subject.replace(/\s+/g, ' ')).toBe(
      'SLA dépassé : résolution due le mardi 3 mars 2026 à 17:30 (UTC) sur le n° 1042',
    );
  });
});

describe('the registry', () => {
  it('has a kind for the support events that deserve one, and consumes no other', () => {
    const kinds = Object.fromEntries(
      [...messagesFor]
        .filter(([type]) => type.startsWith('support.'))
        .flatMap(([type, kinds]) => kinds.map((kind) => [type, kind.kind])),
    );
    expect(kinds).toEqual({
      'support.ticket_opened': 'ticket_received',
      'support.reply_added': 'ticket_reply',
      'support.note_added': 'ticket_note',
      'support.ticket_status_changed': 'ticket_status_changed',
      'support.ticket_assigned': 'ticket_assigned',
      'support.sla_breached': 'ticket_sla_breached',
    });
    for (const type of [
      'support.ticket_priority_changed',
      'support.tickets_merged',
      'support.ticket_rated',
      'support.attachments_shared',
      'support.attachments_unshared',
      'support.agent_added',
      'support.agent_removed',
    ]) {
      expect(consumers).not.toHaveProperty([type]);
    }
  });

  it('files every support kind under activity, none of them urgent nor by SMS', () => {
    for (const message of [
      ticketReceived,
      ticketReply,
      ticketNote,
      ticketStatusChanged,
      ticketAssigned,
      ticketSlaBreached,
    ] as MessageKind[]) {
      expect(message).toMatchObject({ category: 'activity' });
      expect(message.urgent).toBeUndefined();
      expect(message.channels).not.toContain('sms');
    }
  });
});
