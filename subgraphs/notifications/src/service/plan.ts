import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@lattice/events';
import { Delivery, Notification, Recipient } from '../entities';
import type { Channel, MessageKind } from '../messages';
import type { NotificationsRuntime } from '../runtime';
import { htmlPage, textWithFooter } from './layout';
import { isLocked, preferencesOf, wants } from './preferences';
import { afterQuietHours } from './quiet-hours';
import { render, safeName } from './render';

/**
 * Turns one event into what it sends: one delivery per wanted channel and one inbox entry,
 * written in the transaction that consumes the event. Each is unique on (event, kind,
 * channel), so a redelivered event, or two replicas consuming it, add nothing.
 */
export async function planMessage(
  em: EntityManager,
  runtime: NotificationsRuntime,
  message: MessageKind,
  event: EventEnvelope,
): Promise<void> {
  const data = event.data as { userId?: string };
  const userId = message.userId?.(event as never) ?? data.userId;
  if (!userId) return;
  const recipient = await em.findOne(Recipient, { userId });
  if (!recipient && !message.email && message.channels.includes('email')) {
    // identity's registration event has not been applied yet: fail, and the bus retries.
    throw new Error(`recipient ${userId} is not known yet`);
  }
  const choices = await preferencesOf(em, userId);
  const email = message.email?.(event as never) ?? recipient?.email ?? null;
  const values = {
    name: safeName(recipient?.displayName, email?.split('@')[0] ?? 'there'),
    ...message.values(event as never, { appUrl: runtime.settings.APP_URL }),
  };
  const rendered = render(message, recipient?.locale ?? 'en', values);
  const wanted = (channel: Channel) =>
    message.channels.includes(channel) && wants(choices, recipient, message.category, channel);
  const base = {
    eventId: event.id,
    eventAt: new Date(event.occurredAt),
    userId,
    kind: message.kind,
    category: message.category,
  };
  const rows: Array<Partial<Delivery>> = [];

  if (wanted('email') && email) {
    const unsubscribe = isLocked(message.category)
      ? null
      : `${runtime.settings.APP_URL.replace(/\/$/, '')}/unsubscribe?token=${runtime.unsubscribe.sign({ userId, category: message.category, channel: 'email' })}`;
    rows.push({
      ...base,
      channel: 'email',
      address: email,
      subject: rendered.subject,
      text: textWithFooter(rendered.text, unsubscribe),
      html: htmlPage(rendered.html, unsubscribe),
      headers: unsubscribe ? { 'List-Unsubscribe': `<${unsubscribe}>` } : null,
    });
  }
  if (wanted('sms') && recipient?.phone && rendered.sms) {
    const { QUIET_HOURS_START: start, QUIET_HOURS_END: end } = runtime.settings;
    rows.push({
      ...base,
      channel: 'sms',
      address: recipient.phone,
      subject: rendered.subject,
      text: rendered.sms,
      nextAttemptAt: message.urgent
        ? new Date()
        : afterQuietHours(new Date(), recipient.timezone, start, end),
    });
  }
  for (const row of rows) {
    await em
      .createQueryBuilder(Delivery)
      .insert({ ...Object.assign(new Delivery(), row) })
      .onConflict(['event_id', 'kind', 'channel'])
      .ignore()
      .execute();
  }
  if (rows.length) runtime.dispatcher.kickAfterCommit(em);

  if (wanted('inapp') && rendered.inbox) {
    const { eventAt: _eventAt, ...about } = base;
    const entry = Object.assign(new Notification(), {
      ...about,
      title: rendered.inbox.title,
      body: rendered.inbox.body,
      link: message.link?.(values) ?? null,
    });
    const inserted = await em
      .createQueryBuilder(Notification)
      .insert({ ...entry })
      .onConflict(['event_id', 'kind'])
      .ignore()
      .execute('run');
    if (inserted.affectedRows) runtime.inbox.afterCommit(em, entry);
  }
}
