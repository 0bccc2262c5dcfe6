import type { TicketFacts, TicketPriority } from '@lattice/events';
import { defineMessage, formatInstant } from './define';

/**
 * support's messages: the ticket's author hears of what agents do on it (a receipt, their
 * replies, its status), its assignee of what happens to it (the author's replies, internal
 * notes, being assigned, a missed SLA). No one hears of their own act, and an internal note
 * never reaches the author. Events carry no ticket text (no reply, no note): a message tells
 * that something was written and links to the ticket, never what.
 *
 * support's other events send nothing: `ticket_priority_changed` is the agents' triage,
 * `ticket_rated` answers the author's own act, `attachments_shared`/`attachments_unshared`
 * are for media, `agent_added`/`agent_removed` for media's `support-agents` audience.
 */

/** A flag for `{{#if …}}`: any non-empty string is true. */
const flag = (value: boolean) => (value ? 'yes' : '');

const base = (appUrl: string) => appUrl.replace(/\/$/, '');

/**
 * The ticket a message is about, as its templates name it: `{{number}}` (#1042 without the
 * `#`), `{{title}}` and `{{link}}` (the ticket in the app, where the inbox entry leads too).
 */
const ticket = (data: TicketFacts, appUrl: string) => ({
  number: String(data.number),
  title: data.title,
  link: `${base(appUrl)}/support/tickets/${encodeURIComponent(data.ticketId)}`,
});

/** The ticket's page: where every support inbox entry leads. */
const toTicket = (values: Record<string, string>) => values.link!;

const PRIORITIES: Record<string, Record<TicketPriority, string>> = {
  en: { LOW: 'low', NORMAL: 'normal', HIGH: 'high', URGENT: 'urgent' },
  fr: { LOW: 'basse', NORMAL: 'normale', HIGH: 'haute', URGENT: 'urgente' },
};
const priorityIn = (priority: TicketPriority, locale: string) =>
  (PRIORITIES[locale.split('-')[0]!] ?? PRIORITIES.en!)[priority] ?? priority;

/** The assignee, unless there is none, they caused the event, or they are the ticket's author. */
const assigneeBut = (data: TicketFacts, sender: string | null) =>
  data.assigneeId && data.assigneeId !== sender && data.assigneeId !== data.authorId ? data.assigneeId : null;

/** A receipt, as help desks send: the number to quote, and where to follow the ticket. */
export const ticketReceived = defineMessage({
  kind: 'ticket_received',
  event: 'support.ticket_opened',
  category: 'activity',
  channels: ['email', 'inapp'],
  userId: (event) => event.data.authorId,
  values: (event, { appUrl }) => ticket(event.data, appUrl),
  link: toTicket,
  templates: {
    en: {
      subject: 'We got your ticket #{{number}}: {{title}}',
      text: 'Hello {{name}},\n\nWe got your ticket #{{number}}: {{title}}.\n\nSupport answers on the ticket, and we will tell you when they do. Follow it here:\n{{link}}',
      html: '<p>Hello {{name}},</p><p>We got your ticket #{{number}}: <strong>{{title}}</strong>.</p><p>Support answers on the ticket, and we will tell you when they do.</p><p><a href="{{link}}">Follow your ticket</a></p>',
      inbox: { title: 'We got your ticket #{{number}}', body: '{{title}}' },
    },
    fr: {
      subject: 'Nous avons reçu votre ticket n° {{number}} : {{title}}',
      text: 'Bonjour {{name}},\n\nNous avons reçu votre ticket n° {{number}} : {{title}}.\n\nLe support répond sur le ticket, et nous vous préviendrons quand il le fera. Suivez-le ici :\n{{link}}',
      html: '<p>Bonjour {{name}},</p><p>Nous avons reçu votre ticket n° {{number}} : <strong>{{title}}</strong>.</p><p>Le support répond sur le ticket, et nous vous préviendrons quand il le fera.</p><p><a href="{{link}}">Suivre votre ticket</a></p>',
      inbox: { title: 'Ticket n° {{number}} reçu', body: '{{title}}' },
    },
  },
});

/**
 * A reply: an agent's to the author, or the author's to the assignee (if any). Never to the one
 * who wrote it (an agent answering their own ticket, an assignee who is its author).
 */
export const ticketReply = defineMessage({
  kind: 'ticket_reply',
  event: 'support.reply_added',
  category: 'activity',
  channels: ['email', 'inapp'],
  userId: ({ data }) =>
    data.fromAgent
      ? data.authorId !== data.senderId
        ? data.authorId
        : null
      : assigneeBut(data, data.senderId),
  values: (event, { appUrl }) => ({ ...ticket(event.data, appUrl), fromAgent: flag(event.data.fromAgent) }),
  link: toTicket,
  templates: {
    en: {
      subject:
        '{{#if fromAgent}}New reply on your ticket #{{number}}: {{title}}{{else}}The author replied on #{{number}}: {{title}}{{/if}}',
      text: 'Hello {{name}},\n\n{{#if fromAgent}}Support replied on your ticket #{{number}}: {{title}}.\n\nRead the reply and answer it here:{{else}}The author of ticket #{{number}} ({{title}}), assigned to you, replied.\n\nRead it here:{{/if}}\n{{link}}',
      html: '<p>Hello {{name}},</p><p>{{#if fromAgent}}Support replied on your ticket #{{number}}: <strong>{{title}}</strong>.{{else}}The author of ticket #{{number}} (<strong>{{title}}</strong>), assigned to you, replied.{{/if}}</p><p><a href="{{link}}">{{#if fromAgent}}Read the reply{{else}}Open the ticket{{/if}}</a></p>',
      inbox: {
        title:
          '{{#if fromAgent}}New reply on your ticket #{{number}}{{else}}The author replied on #{{number}}{{/if}}',
        body: '{{title}}',
      },
    },
    fr: {
      subject:
        '{{#if fromAgent}}Nouvelle réponse à votre ticket n° {{number}} : {{title}}{{else}}L’auteur a répondu sur le n° {{number}} : {{title}}{{/if}}',
      text: 'Bonjour {{name}},\n\n{{#if fromAgent}}Le support a répondu à votre ticket n° {{number}} : {{title}}.\n\nLisez la réponse et répondez ici :{{else}}L’auteur du ticket n° {{number}} ({{title}}), qui vous est attribué, a répondu.\n\nLisez-le ici :{{/if}}\n{{link}}',
      html: '<p>Bonjour {{name}},</p><p>{{#if fromAgent}}Le support a répondu à votre ticket n° {{number}} : <strong>{{title}}</strong>.{{else}}L’auteur du ticket n° {{number}} (<strong>{{title}}</strong>), qui vous est attribué, a répondu.{{/if}}</p><p><a href="{{link}}">{{#if fromAgent}}Lire la réponse{{else}}Ouvrir le ticket{{/if}}</a></p>',
      inbox: {
        title:
          '{{#if fromAgent}}Nouvelle réponse à votre ticket n° {{number}}{{else}}L’auteur a répondu sur le n° {{number}}{{/if}}',
        body: '{{title}}',
      },
    },
  },
});

/**
 * An internal note: to the assignee alone, in the inbox, unless they wrote it. Never to the
 * author (not even one who is also the assignee), and never its text (events carry none).
 */
export const ticketNote = defineMessage({
  kind: 'ticket_note',
  event: 'support.note_added',
  category: 'activity',
  channels: ['inapp'],
  userId: ({ data }) => assigneeBut(data, data.senderId),
  values: (event, { appUrl }) => ticket(event.data, appUrl),
  link: toTicket,
  templates: {
    en: { inbox: { title: 'Internal note on #{{number}}', body: '{{title}}' } },
    fr: { inbox: { title: 'Note interne sur le n° {{number}}', body: '{{title}}' } },
  },
});

/**
 * The ticket's status, changed by someone else than its author (an agent, or support itself:
 * a resolved ticket closed after a while): waiting on the author, resolved (rate us), closed,
 * or reopened. The author's own change sends nothing.
 */
export const ticketStatusChanged = defineMessage({
  kind: 'ticket_status_changed',
  event: 'support.ticket_status_changed',
  category: 'activity',
  channels: ['email', 'inapp'],
  userId: ({ data }) => (data.changedBy !== data.authorId ? data.authorId : null),
  values: (event, { appUrl }) => ({
    ...ticket(event.data, appUrl),
    pending: flag(event.data.to === 'PENDING'),
    resolved: flag(event.data.to === 'RESOLVED'),
    closed: flag(event.data.to === 'CLOSED'),
  }),
  link: toTicket,
  templates: {
    en: {
      subject:
        '{{#if pending}}Ticket #{{number}} is waiting on you{{else if resolved}}Ticket #{{number}} is resolved{{else if closed}}Ticket #{{number}} is closed{{else}}Ticket #{{number}} is reopened{{/if}}: {{title}}',
      text: 'Hello {{name}},\n\n{{#if pending}}Support needs an answer from you to go on with your ticket #{{number}}: {{title}}.\n\nAnswer here:{{else if resolved}}Your ticket #{{number}} is resolved: {{title}}.\n\nHow did we do? Rate the help you got here:{{else if closed}}Your ticket #{{number}} is closed: {{title}}.\n\nIt stays here:{{else}}Your ticket #{{number}} is open again: {{title}}.\n\nFollow it here:{{/if}}\n{{link}}',
      html: '<p>Hello {{name}},</p><p>{{#if pending}}Support needs an answer from you to go on with your ticket #{{number}}: <strong>{{title}}</strong>.{{else if resolved}}Your ticket #{{number}} is resolved: <strong>{{title}}</strong>.</p><p>How did we do?{{else if closed}}Your ticket #{{number}} is closed: <strong>{{title}}</strong>.{{else}}Your ticket #{{number}} is open again: <strong>{{title}}</strong>.{{/if}}</p><p><a href="{{link}}">{{#if pending}}Answer{{else if resolved}}Rate the help you got{{else}}Open the ticket{{/if}}</a></p>',
      inbox: {
        title:
          '{{#if pending}}Waiting on you: #{{number}}{{else if resolved}}Resolved: #{{number}}{{else if closed}}Closed: #{{number}}{{else}}Reopened: #{{number}}{{/if}}',
        body: '{{title}}{{#if pending}}: support needs an answer from you.{{else if resolved}}: how did we do? Rate the help you got.{{/if}}',
      },
    },
    fr: {
      subject:
        '{{#if pending}}Le ticket n° {{number}} attend votre réponse{{else if resolved}}Ticket n° {{number}} résolu{{else if closed}}Ticket n° {{number}} fermé{{else}}Ticket n° {{number}} rouvert{{/if}} : {{title}}',
      text: 'Bonjour {{name}},\n\n{{#if pending}}Le support a besoin d’une réponse de votre part pour avancer sur votre ticket n° {{number}} : {{title}}.\n\nRépondez ici :{{else if resolved}}Votre ticket n° {{number}} est résolu : {{title}}.\n\nQu’avez-vous pensé de notre aide ? Notez-la ici :{{else if closed}}Votre ticket n° {{number}} est fermé : {{title}}.\n\nIl reste consultable ici :{{else}}Votre ticket n° {{number}} est de nouveau ouvert : {{title}}.\n\nSuivez-le ici :{{/if}}\n{{link}}',
      html: '<p>Bonjour {{name}},</p><p>{{#if pending}}Le support a besoin d’une réponse de votre part pour avancer sur votre ticket n° {{number}} : <strong>{{title}}</strong>.{{else if resolved}}Votre ticket n° {{number}} est résolu : <strong>{{title}}</strong>.</p><p>Qu’avez-vous pensé de notre aide ?{{else if closed}}Votre ticket n° {{number}} est fermé : <strong>{{title}}</strong>.{{else}}Votre ticket n° {{number}} est de nouveau ouvert : <strong>{{title}}</strong>.{{/if}}</p><p><a href="{{link}}">{{#if pending}}Répondre{{else if resolved}}Noter notre aide{{else}}Ouvrir le ticket{{/if}}</a></p>',
      inbox: {
        title:
          '{{#if pending}}En attente de votre réponse : n° {{number}}{{else if resolved}}Résolu : n° {{number}}{{else if closed}}Fermé : n° {{number}}{{else}}Rouvert : n° {{number}}{{/if}}',
        body: '{{title}}{{#if pending}} : le support a besoin d’une réponse de votre part.{{else if resolved}} : qu’avez-vous pensé de notre aide ? Notez-la.{{/if}}',
      },
    },
  },
});

/** A ticket given to an agent, by the rotation or by someone else (not by themselves). */
export const ticketAssigned = defineMessage({
  kind: 'ticket_assigned',
  event: 'support.ticket_assigned',
  category: 'activity',
  channels: ['email', 'inapp'],
  userId: ({ data }) => (data.assigneeId && data.assignedBy !== data.assigneeId ? data.assigneeId : null),
  values: (event, { appUrl, locale }) => ({
    ...ticket(event.data, appUrl),
    priority: priorityIn(event.data.priority, locale),
  }),
  link: toTicket,
  templates: {
    en: {
      subject: 'Ticket #{{number}} assigned to you: {{title}}',
      text: 'Hello {{name}},\n\nTicket #{{number}} is assigned to you: {{title}} ({{priority}} priority).\n\nOpen it here:\n{{link}}',
      html: '<p>Hello {{name}},</p><p>Ticket #{{number}} is assigned to you: <strong>{{title}}</strong> ({{priority}} priority).</p><p><a href="{{link}}">Open the ticket</a></p>',
      inbox: { title: 'Assigned to you: #{{number}}', body: '{{title}} ({{priority}} priority)' },
    },
    fr: {
      subject: 'Ticket n° {{number}} qui vous est attribué : {{title}}',
      text: 'Bonjour {{name}},\n\nLe ticket n° {{number}} vous est attribué : {{title}} (priorité {{priority}}).\n\nOuvrez-le ici :\n{{link}}',
      html: '<p>Bonjour {{name}},</p><p>Le ticket n° {{number}} vous est attribué : <strong>{{title}}</strong> (priorité {{priority}}).</p><p><a href="{{link}}">Ouvrir le ticket</a></p>',
      inbox: { title: 'Attribué : n° {{number}}', body: '{{title}} (priorité {{priority}})' },
    },
  },
});

/**
 * A target of the ticket's SLA passed unmet: to its assignee, if any. The deadline is shown on
 * the assignee's clock (it is no place's), which it names.
 */
export const ticketSlaBreached = defineMessage({
  kind: 'ticket_sla_breached',
  event: 'support.sla_breached',
  category: 'activity',
  channels: ['email', 'inapp'],
  userId: ({ data }) => data.assigneeId,
  values: (event, { appUrl, locale, timeZone }) => ({
    ...ticket(event.data, appUrl),
    firstResponse: flag(event.data.target === 'FIRST_RESPONSE'),
    due: formatInstant(event.data.dueAt, timeZone ?? 'UTC', locale),
  }),
  link: toTicket,
  templates: {
    en: {
      subject:
        'SLA breached: {{#if firstResponse}}first response{{else}}resolution{{/if}} due {{due}} on #{{number}}',
      text: 'Hello {{name}},\n\nTicket #{{number}} ({{title}}), assigned to you, missed its {{#if firstResponse}}first response{{else}}resolution{{/if}} target: it was due {{due}}.\n\nOpen it here:\n{{link}}',
      html: '<p>Hello {{name}},</p><p>Ticket #{{number}} (<strong>{{title}}</strong>), assigned to you, missed its {{#if firstResponse}}first response{{else}}resolution{{/if}} target: it was due {{due}}.</p><p><a href="{{link}}">Open the ticket</a></p>',
      inbox: {
        title: 'SLA breached on #{{number}}',
        body: '{{title}}: {{#if firstResponse}}first response{{else}}resolution{{/if}} due {{due}}.',
      },
    },
    fr: {
      subject:
        'SLA dépassé : {{#if firstResponse}}première réponse{{else}}résolution{{/if}} due le {{due}} sur le n° {{number}}',
      text: 'Bonjour {{name}},\n\nLe ticket n° {{number}} ({{title}}), qui vous est attribué, a manqué son objectif de {{#if firstResponse}}première réponse{{else}}résolution{{/if}} : échéance le {{due}}.\n\nOuvrez-le ici :\n{{link}}',
      html: '<p>Bonjour {{name}},</p><p>Le ticket n° {{number}} (<strong>{{title}}</strong>), qui vous est attribué, a manqué son objectif de {{#if firstResponse}}première réponse{{else}}résolution{{/if}} : échéance le {{due}}.</p><p><a href="{{link}}">Ouvrir le ticket</a></p>',
      inbox: {
        title: 'SLA dépassé sur le n° {{number}}',
        body: '{{title}} : {{#if firstResponse}}première réponse{{else}}résolution{{/if}} due le {{due}}.',
      },
    },
  },
});
