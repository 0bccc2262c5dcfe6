import { defineDomainMetrics } from './registry';

/** 1 when `condition` holds, else 0 (the registry adds nothing for 0: no row). */
const when = (condition: boolean) => (condition ? 1 : 0);

/**
 * What every ticket event says about its ticket, as facts keep it: ids, number, category and
 * priority, never the title (the author's words, free text).
 */
const TICKET = ['ticketId', 'number', 'category', 'priority', 'authorId', 'assigneeId'] as const;

/**
 * Tickets opened (in all and per priority), the conversation (replies by agents and by
 * authors, internal notes), first responses, resolutions, reopenings and closings, SLA
 * breaches per target, ratings, assignments and the agents. Metrics have no dimensions, so a
 * priority or target is a metric of its own; categories are support's free strings, so
 * tickets per category are read from the facts (which keep `category`), not from a metric.
 * Averages are left to the reader, from sums kept exact: the first response time is
 * `support.first_response_seconds` / `support.first_responses`, the resolution time
 * `support.resolution_seconds` / `support.tickets_resolved` (per resolution: a ticket reopened
 * and resolved again counts twice, each time since it was opened), the average rating
 * `support.ratings_sum` / `support.ratings` and satisfaction `support.ratings_satisfied` /
 * `support.ratings`. Facts keep ids, numbers, categories, priorities, statuses, figures and
 * times; no ticket text travels in events, and titles are dropped. The sums of seconds are
 * exact (`daily_metric.value` is a bigint) but `dailyMetric` reads a day as `Int`: a day past
 * 2^31 - 1 seconds (68 years of waiting, e.g. 25,000 tickets resolved a day after a day each)
 * cannot be read there, while the facts keep every figure.
 */
export const supportMetrics = defineDomainMetrics({
  domain: 'support',
  metrics: {
    'support.tickets_opened': 'Tickets opened',
    'support.tickets_opened_low': 'Tickets opened with priority LOW',
    'support.tickets_opened_normal': 'Tickets opened with priority NORMAL',
    'support.tickets_opened_high': 'Tickets opened with priority HIGH',
    'support.tickets_opened_urgent': 'Tickets opened with priority URGENT',
    'support.agent_replies': 'Replies by agents (the author sees them)',
    'support.author_replies': 'Replies by the authors of their tickets',
    'support.notes': 'Internal notes added by agents',
    'support.first_responses': "Agents' first replies to tickets",
    'support.first_response_seconds': 'Seconds authors waited for the first responses, summed',
    'support.tickets_resolved': 'Tickets resolved (status changed to RESOLVED)',
    'support.resolution_seconds': 'Seconds from opening to resolution of the tickets resolved, summed',
    'support.tickets_reopened': 'Tickets reopened (status changed to OPEN from RESOLVED or PENDING)',
    'support.tickets_closed': 'Tickets closed (status changed to CLOSED)',
    'support.tickets_merged': 'Duplicate tickets merged into another',
    'support.sla_breaches': 'SLA targets breached (either target)',
    'support.sla_breaches_first_response': 'First response SLA targets breached',
    'support.sla_breaches_resolution': 'Resolution SLA targets breached',
    'support.ratings': 'Tickets rated by their authors',
    'support.ratings_sum': 'Ratings given (1 to 5), summed',
    'support.ratings_satisfied': 'Ratings of 4 or 5',
    'support.assignments': 'Tickets assigned to an agent (round robin or manually)',
    'support.assignments_round_robin': 'Tickets assigned to an agent by round robin',
    'support.assignments_manual': 'Tickets assigned to an agent manually',
    'support.unassignments': 'Tickets put back in the queue (assignee removed)',
    'support.agents_added': 'Users who became agents',
    'support.agents_removed': 'Users who stopped being agents',
  },
  events: {
    'support.ticket_opened': {
      // Not `title`: the author's words.
      keep: [...TICKET, 'firstResponseDueAt', 'resolutionDueAt', 'attachments'],
      counts: [
        { metric: 'support.tickets_opened' },
        { metric: 'support.tickets_opened_low', amount: (event) => when(event.data.priority === 'LOW') },
        {
          metric: 'support.tickets_opened_normal',
          amount: (event) => when(event.data.priority === 'NORMAL'),
        },
        { metric: 'support.tickets_opened_high', amount: (event) => when(event.data.priority === 'HIGH') },
        {
          metric: 'support.tickets_opened_urgent',
          amount: (event) => when(event.data.priority === 'URGENT'),
        },
      ],
    },
    'support.ticket_assigned': {
      keep: [...TICKET, 'previousAssigneeId', 'by', 'assignedBy'],
      counts: [
        { metric: 'support.assignments', amount: (event) => when(event.data.assigneeId !== null) },
        {
          metric: 'support.assignments_round_robin',
          amount: (event) => when(event.data.assigneeId !== null && event.data.by === 'ROUND_ROBIN'),
        },
        {
          metric: 'support.assignments_manual',
          amount: (event) => when(event.data.assigneeId !== null && event.data.by === 'MANUAL'),
        },
        { metric: 'support.unassignments', amount: (event) => when(event.data.assigneeId === null) },
      ],
    },
    'support.reply_added': {
      keep: [...TICKET, 'messageId', 'senderId', 'fromAgent', 'firstResponseSeconds', 'attachments'],
      counts: [
        { metric: 'support.agent_replies', amount: (event) => when(event.data.fromAgent) },
        { metric: 'support.author_replies', amount: (event) => when(!event.data.fromAgent) },
        {
          metric: 'support.first_responses',
          amount: (event) => when(event.data.fromAgent && event.data.firstResponseSeconds !== null),
        },
        {
          metric: 'support.first_response_seconds',
          amount: (event) => (event.data.fromAgent ? (event.data.firstResponseSeconds ?? 0) : 0),
        },
      ],
    },
    'support.note_added': {
      keep: [...TICKET, 'messageId', 'senderId'],
      counts: [{ metric: 'support.notes' }],
    },
    'support.ticket_status_changed': {
      keep: [...TICKET, 'from', 'to', 'changedBy', 'resolutionSeconds'],
      counts: [
        { metric: 'support.tickets_resolved', amount: (event) => when(event.data.to === 'RESOLVED') },
        {
          metric: 'support.resolution_seconds',
          amount: (event) => (event.data.to === 'RESOLVED' ? (event.data.resolutionSeconds ?? 0) : 0),
        },
        {
          metric: 'support.tickets_reopened',
          amount: (event) =>
            when(
              event.data.to === 'OPEN' && (event.data.from === 'RESOLVED' || event.data.from === 'PENDING'),
            ),
        },
        { metric: 'support.tickets_closed', amount: (event) => when(event.data.to === 'CLOSED') },
      ],
    },
    'support.ticket_priority_changed': { keep: [...TICKET, 'from', 'changedBy'] },
    'support.tickets_merged': {
      keep: [...TICKET, 'sourceId', 'sourceNumber', 'mergedBy'],
      counts: [{ metric: 'support.tickets_merged' }],
    },
    'support.sla_breached': {
      keep: [...TICKET, 'target', 'dueAt'],
      counts: [
        { metric: 'support.sla_breaches' },
        {
          metric: 'support.sla_breaches_first_response',
          amount: (event) => when(event.data.target === 'FIRST_RESPONSE'),
        },
        {
          metric: 'support.sla_breaches_resolution',
          amount: (event) => when(event.data.target === 'RESOLUTION'),
        },
      ],
    },
    'support.ticket_rated': {
      keep: [...TICKET, 'rating'],
      counts: [
        { metric: 'support.ratings' },
        { metric: 'support.ratings_sum', amount: (event) => event.data.rating },
        { metric: 'support.ratings_satisfied', amount: (event) => when(event.data.rating >= 4) },
      ],
    },
    // Attachments shared or made private again: facts only, no metric (media counts files).
    'support.attachments_shared': { keep: ['mediaIds', 'ownerId', 'use', 'audiences'] },
    'support.attachments_unshared': { keep: ['use'] },
    'support.agent_added': {
      keep: ['userId', 'addedBy'],
      counts: [{ metric: 'support.agents_added' }],
    },
    'support.agent_removed': {
      keep: ['userId', 'removedBy'],
      counts: [{ metric: 'support.agents_removed' }],
    },
  },
});
