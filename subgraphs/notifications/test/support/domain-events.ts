import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  createEvent,
  createInProcessBus,
  type EventBus,
  type EventData,
  type EventEnvelope,
  type EventType,
} from '@lattice/events';
import { createLogger } from '@lattice/server-kit';
import type { CapturedMail } from '@lattice/smtp-capture';
import { type RunningSubgraph, startSubgraph, subgraphConfigFromEnv } from '@lattice/subgraph-kit';
import { createTestDatabase, waitFor } from '@lattice/testkit';
import { Delivery, Notification } from '../../src/entities';
import type { NotificationsRuntime } from '../../src/runtime';
import { notifications } from '../../src/subgraph';

/** Who an event comes from and what it is about, from its data. */
export type Origin = (data: object) => { actor: string | null; subject: string };

/** The event's `field` (a fresh id where its data has none) as its subject, acting itself. */
export const subjectFrom =
  (field: string): Origin =>
  (data) => {
    const subject = (data as Record<string, string | undefined>)[field] ?? randomUUID();
    return { actor: subject, subject };
  };

export interface WithMail {
  running: RunningSubgraph;
  runtime: NotificationsRuntime;
  bus: EventBus;
  /** What the service (and the bus, when a handler fails) logged, a line each. */
  logLines: string[];
  /** An EntityManager of its own, to seed and inspect rows. */
  em(): EntityManager;
  sql<T>(query: string, params?: unknown[]): Promise<T[]>;
  /**
   * Publishes an event, its envelope as `origin` makes it; resolves once its consumers have
   * acknowledged or dead-lettered it.
   */
  publish<T extends EventType>(type: T, data: EventData<T>): Promise<EventEnvelope<T>>;
  /** Whether notifications applied the event (it did not fail, to be retried or dead-lettered). */
  applied(event: EventEnvelope): Promise<boolean>;
  /** The first captured mail to `address` whose subject matches, once it comes. */
  mailTo(address: string, subject: RegExp): Promise<CapturedMail>;
  /** The mails captured so far to `address`. */
  mailsTo(address: string): CapturedMail[];
  /**
   * What an event sent, once applied: each recipient's channels, mail and inbox alike (sorted),
   * and its inbox entries (by kind).
   */
  sent(event: EventEnvelope): Promise<{ by: Record<string, string[]>; entries: Notification[] }>;
  /** A new user (id and address); with a profile, its profile too (`displayName` Ada, en, UTC by default). */
  registered(
    profile?: Partial<EventData<'accounts.profile_updated'>['profile']>,
  ): Promise<{ userId: string; email: string }>;
  close(): Promise<void>;
}

/**
 * Notifications over a fresh database, as `npm start` runs it: events on an in-process bus that
 * logs its retries and dead letters, mail to the local capture (no SMTP_URL), links under
 * https://app.example.test/, and failed sends retried within a test (100 ms, at most 400 ms).
 * `env` adds to or overrides those settings; `origin` makes each published event's envelope
 * (by default: its userId as the subject, acting itself).
 */
export async function startWithMail({
  env = {},
  origin = subjectFrom('userId'),
}: { env?: Record<string, string>; origin?: Origin } = {}): Promise<WithMail> {
  const logLines: string[] = [];
  const log = createLogger('notifications', 'debug', { write: (line: string) => logLines.push(line) });
  const db = await createTestDatabase();
  const bus = createInProcessBus({
    onRetry: (event, group, error) => log.warn({ err: error, eventId: event.id, group }, 'retried'),
    onDeadLetter: (event, group, error) => log.error({ err: error, eventId: event.id, group }, 'dead'),
  });
  let runtime: NotificationsRuntime | undefined;
  let running: RunningSubgraph;
  try {
    running = await startSubgraph(
      { ...notifications, init: async (deps) => (runtime = await notifications.init!(deps)) },
      subgraphConfigFromEnv(0, {
        DATABASE_URL: db.url,
        HOST: '127.0.0.1',
        MAIL_CAPTURE_PORT: '0',
        APP_URL: 'https://app.example.test/',
        DELIVERY_RETRY_BASE_MS: '100',
        DELIVERY_RETRY_MAX_MS: '400',
        ...env,
      }),
      { bus, logger: log },
    );
  } catch (error) {
    await bus.close();
    await db.drop();
    throw error;
  }
  const capture = () => runtime!.capture!;
  const em = () => running.orm.em.fork() as EntityManager;
  const sql = <T>(query: string, params: unknown[] = []) => em().getConnection().execute<T[]>(query, params);
  const publish = async <T extends EventType>(type: T, data: EventData<T>) => {
    const event = createEvent(type, { ...origin(data as object), data });
    await bus.publish(event);
    return event;
  };
  const applied = async (event: EventEnvelope) =>
    (await sql('select 1 from notifications.processed_event where event_id = ?', [event.id])).length > 0;
  return {
    running,
    runtime: runtime!,
    bus,
    logLines,
    em,
    sql,
    publish,
    applied,
    mailTo: (address, subject) =>
      capture().waitFor((mail) => mail.envelope.to.includes(address) && subject.test(mail.subject)),
    mailsTo: (address) =>
      capture()
        .messages()
        .filter((mail) => mail.envelope.to.includes(address)),
    sent: async (event) => {
      await waitFor(() => applied(event), { message: 'the event was applied' });
      const deliveries = await em().find(Delivery, { eventId: event.id });
      const entries = await em().find(Notification, { eventId: event.id }, { orderBy: { kind: 'asc' } });
      const by: Record<string, string[]> = {};
      for (const row of [
        ...deliveries.map((d) => [d.userId, d.channel]),
        ...entries.map((entry) => [entry.userId, 'inapp']),
      ])
        (by[row[0]!] ??= []).push(row[1]!);
      for (const channels of Object.values(by)) channels.sort();
      return { by, entries };
    },
    registered: async (profile = {}) => {
      const userId = randomUUID();
      const email = `${userId}@example.test`;
      await publish('identity.user_registered', { userId, email, role: 'user' });
      if (Object.keys(profile).length) {
        await publish('accounts.profile_updated', {
          userId,
          fields: Object.keys(profile),
          profile: {
            displayName: 'Ada',
            locale: 'en',
            timezone: 'UTC',
            phone: null,
            notifications: { email: true, sms: false, marketing: false },
            ...profile,
          },
        });
      }
      return { userId, email };
    },
    close: async () => {
      await running.close();
      await bus.close();
      await db.drop();
    },
  };
}

/** Spaces as one plain space (ICU puts narrow no-break ones in times). */
export const plain = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ');

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
