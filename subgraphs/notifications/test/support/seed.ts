import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Delivery, Notification } from '../../src/entities';

/** Inbox entries of `userId`, one second apart from `start` (the last is the newest). */
export async function seedInbox(
  em: EntityManager,
  userId: string,
  count: number,
  shape: (index: number) => Partial<Notification> = () => ({}),
  start = new Date('2026-11-01T00:00:00.000Z'),
): Promise<Notification[]> {
  const rows = Array.from({ length: count }, (_, index) =>
    Object.assign(new Notification(), {
      eventId: randomUUID(),
      userId,
      kind: 'payment_receipt',
      category: 'billing',
      title: `entry ${index}`,
      body: `body ${index}`,
      createdAt: new Date(start.getTime() + index * 1000),
      ...shape(index),
    }),
  );
  await em.insertMany(Notification, rows);
  return rows;
}

/** A delivery row as the planner would write it (queued ones wait far ahead: the dispatcher leaves them). */
export function delivery(fields: Partial<Delivery> & Pick<Delivery, 'userId' | 'createdAt'>): Delivery {
  return Object.assign(new Delivery(), {
    eventId: randomUUID(),
    eventAt: fields.createdAt,
    kind: 'payment_receipt',
    category: 'billing',
    channel: 'email',
    address: 'secret-address@example.com',
    subject: 'Your receipt',
    text: 'the body',
    nextAttemptAt: new Date(Date.now() + 24 * 3600_000),
    ...fields,
  });
}
