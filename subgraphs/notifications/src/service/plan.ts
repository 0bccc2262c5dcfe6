import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@lattice/events';
import { Delivery, Notification, Recipient } from '../entities';
import type { Channel, MessageKind } from '../messages';
import type { NotificationsRuntime } from '../runtime';
import { isMailbox } from './addresses';
import { htmlPage, textWithFooter } from './layout';
import { pacedFrom } from './pacing';
import { isLocked, preferencesOf, wants } from './preferences';
import { afterQuietHours } from './quiet-hours';
import { isErased } from './recipients';
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
  // A kind that names its recipient may name no one: then nothing goes (not `data.userId`).
  const userId = message.userId ? message.userId(event as never) : data.userId;
  if (!userId || (await isErased(em, userId))) return;
  if (message.outsideEmail) return planOutsideMail(em, runtime, message, event, userId);
  const recipient = await em.findOne(Recipient, { userId });
  if (!recipient?.email && !message.email && message.channels.includes('email')) {
    // identity's registration event has not been applied yet: fail, and the bus retries.
    throw new Error(`recipient ${userId} is not known yet`);
  }
  const choices = await preferencesOf(em, userId);
  const given = message.email?.(event as never) ?? recipient?.email ?? null;
  const email = isMailbox(given) ? given : null;
  if (given && !email) {
    runtime.log.warn({ userId, kind: message.kind, eventId: event.id }, 'not one mailbox: no mail sent');
  }
  const locale = recipient?.locale ?? 'en';
  const values = {
    name: safeName(recipient?.displayName, email?.split('@')[0] ?? 'there'),
    ...message.values(event as never, {
      appUrl: runtime.settings.APP_URL,
      locale,
      timeZone: recipient?.timezone ?? 'UTC',
    }),
  };
  const rendered = render(message, locale, values);
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
  const paced = (channel: Delivery['channel'], earliest: Date) =>
    isLocked(message.category) ? Promise.resolve(earliest) : pacedFrom(em, userId, channel, earliest);

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
      nextAttemptAt: await paced('email', new Date()),
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
      nextAttemptAt: await paced(
        'sms',
        message.urgent ? new Date() : afterQuietHours(new Date(), recipient.timezone, start, end),
      ),
    });
  }
  for (const row of rows) await queueDelivery(em, row);
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

/**
 * A mail to an address that may be no user's (`outsideEmail`: an invitation), sent for
 * `senderId`, whose user row it is written under (their pacing, their erasure, their id in
 * `notifications.delivery_sent`), in the sender's language. One delivery, unique on (event,
 * kind, channel) like any: no inbox entry, no preferences (neither the sender's nor anyone's
 * apply to this address), no unsubscribe link (it would sign for the sender). The sender's
 * address never reaches the message, nor the addressee's the log; the dispatcher sends it
 * without a name on the `To` and erases the address and the body once it is settled.
 */
async function planOutsideMail(
  em: EntityManager,
  runtime: NotificationsRuntime,
  message: MessageKind,
  event: EventEnvelope,
  senderId: string,
): Promise<void> {
  const given = message.outsideEmail!(event as never);
  if (!isMailbox(given)) {
    runtime.log.warn(
      { userId: senderId, kind: message.kind, eventId: event.id },
      'not one mailbox: no mail sent',
    );
    return;
  }
  const sender = await em.findOne(Recipient, { userId: senderId });
  const locale = sender?.locale ?? 'en';
  const values = {
    // Their display name or nothing: never their address, which is not the addressee's to see.
    sender: safeName(sender?.displayName, ''),
    ...message.values(event as never, { appUrl: runtime.settings.APP_URL, locale }),
  };
  const rendered = render(message, locale, values);
  await queueDelivery(em, {
    eventId: event.id,
    eventAt: new Date(event.occurredAt),
    userId: senderId,
    kind: message.kind,
    category: message.category,
    channel: 'email',
    address: given,
    subject: rendered.subject,
    text: rendered.text,
    html: htmlPage(rendered.html, null),
    headers: null,
    // A sender inviting many at once waits behind everyone else's mail, as any flood does.
    nextAttemptAt: await pacedFrom(em, senderId, 'email', new Date()),
  });
  runtime.dispatcher.kickAfterCommit(em);
}

/**
 * Writes one delivery (none for a redelivered event). Its statement holds the rendered message,
 * a reset link's token among it, and a driver's error quotes its statement, which the bus logs:
 * a failure is told by its code alone.
 */
async function queueDelivery(em: EntityManager, row: Partial<Delivery>): Promise<void> {
  try {
    await em
      .createQueryBuilder(Delivery)
      .insert({ ...Object.assign(new Delivery(), row) })
      .onConflict(['event_id', 'kind', 'channel'])
      .ignore()
      .execute();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    // eslint-disable-next-line preserve-caught-error -- the cause quotes the statement
    throw new Error(`could not queue a ${row.kind} ${row.channel} delivery (${String(code ?? 'no code')})`);
  }
}
