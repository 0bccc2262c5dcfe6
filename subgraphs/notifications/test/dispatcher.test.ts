import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createEvent, type EventData, type EventType } from '@lattice/events';
import { createLogger } from '@lattice/server-kit';
import { type MailCapture, startMailCapture } from '@lattice/smtp-capture';
import { startTestSubgraph, type TestSubgraph } from '@lattice/subgraph-kit/testing';
import { createTestDatabase, type TestDatabase, waitFor } from '@lattice/testkit';
import { Delivery } from '../src/entities';
import type { NotificationsRuntime } from '../src/runtime';
import { type DeliveryChannel, PermanentFailure } from '../src/service/channels/channel';
import { emailChannel } from '../src/service/channels/email';
import { Dispatcher, type DispatcherOptions } from '../src/service/dispatcher';
import { notifications } from '../src/subgraph';

/**
 * The dispatcher against a real database: dispatchers of the test's own, with channels it
 * drives (or real SMTP servers), over the subgraph's tables. The subgraph's own dispatcher
 * is stopped, so only the test's send anything.
 */
let fixture: TestSubgraph;
let runtime: NotificationsRuntime;
const logLines: string[] = [];
const log = createLogger('notifications', 'info', { write: (line: string) => logLines.push(line) });
const running: Dispatcher[] = [];
const channels: DeliveryChannel[] = [];

beforeAll(async () => {
  fixture = await startTestSubgraph(
    { ...notifications, init: async (deps) => (runtime = await notifications.init!(deps)) },
    { MAIL_CAPTURE_PORT: '0', LOG_LEVEL: 'silent' },
  );
  await runtime.dispatcher.stop();
});
afterEach(async () => {
  // Channels first: a driven channel's close answers the sends still waiting, so the loops end.
  await Promise.all(channels.splice(0).map((channel) => channel.close()));
  await Promise.all(running.splice(0).map((dispatcher) => dispatcher.stop()));
});
afterAll(() => fixture?.stop());

const em = () => fixture.subgraph.orm.em.fork();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function dispatcher(channel: DeliveryChannel, options: Partial<DispatcherOptions> = {}): Dispatcher {
  const started = new Dispatcher(
    fixture.subgraph.orm,
    { email: channel, sms: channel },
    { maxAttempts: 3, retryBaseMs: 50, retryMaxMs: 100, concurrency: 1, pollMs: 20, ...options },
    log,
  );
  started.start();
  running.push(started);
  channels.push(channel);
  return started;
}

/** Queued deliveries due now, in this order (the first is the most overdue). */
async function queue(count: number, fields: Partial<Delivery> = {}): Promise<Delivery[]> {
  const userId = fields.userId ?? randomUUID();
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, index) =>
    Object.assign(new Delivery(), {
      eventId: randomUUID(),
      eventAt: new Date(now),
      userId,
      kind: 'payment_receipt',
      category: 'billing',
      channel: 'email',
      address: `${userId}@example.test`,
      subject: 'Receipt',
      text: 'text',
      nextAttemptAt: new Date(now - 60_000 + index),
      createdAt: new Date(now),
      ...fields,
    }),
  );
  await em().insertMany(Delivery, rows);
  return rows;
}

const reload = (id: string) => em().findOneOrFail(Delivery, { id });
const settled = (id: string, status: Delivery['status']) =>
  waitFor(async () => (await reload(id)).status === status, { message: `delivery ${status}` });

async function outcomeEvents(deliveryId: string) {
  const rows = await em()
    .getConnection()
    .execute<Array<{ type: string; data: Record<string, unknown> }>>(
      `select type, data from notifications.outbox_event where data->>'deliveryId' = ? order by occurred_at`,
      [deliveryId],
    );
  return rows;
}

/**
 * A channel the test drives: sends answer at once, except held ones (given ids, or every one
 * with `holdAll`), which wait until the test releases them.
 */
function drivenChannel({ holdAll = false } = {}) {
  const calls: string[] = [];
  const waiting = new Map<string, (outcome: Error | string) => void>();
  const held = new Set<string>();
  const channel = {
    calls,
    hold: (id: string) => void held.add(id),
    release: (id: string, outcome: Error | string = `sent-${id}`) => waiting.get(id)!(outcome),
    /** The id of the first send waiting. */
    waiting: () => waitFor(() => [...waiting.keys()][0], { message: 'a send to wait' }),
    started: (id: string) => waitFor(() => waiting.has(id), { message: `${id} to be sent` }),
    send: async (delivery: Delivery) => {
      calls.push(delivery.id);
      if (!holdAll && !held.delete(delivery.id)) return `sent-${delivery.id}`;
      const outcome = await new Promise<Error | string>((settle) => waiting.set(delivery.id, settle));
      waiting.delete(delivery.id);
      if (outcome instanceof Error) throw outcome;
      return outcome;
    },
    close: async () => {
      for (const settle of waiting.values()) settle(new Error('closed'));
    },
  } satisfies DeliveryChannel & Record<string, unknown>;
  return channel;
}

describe('SMTP answers', () => {
  let smtp: ScriptedSmtp;
  afterEach(() => smtp?.close());

  it('a 5xx to the recipient fails the delivery at once, with the reason and its event, no address', async () => {
    smtp = await scriptedSmtp({ rcpt: ['550 5.1.1 <victim@example.test>: Recipient address rejected'] });
    const [row] = await queue(1, { address: 'victim@example.test' });
    dispatcher(emailChannel(smtp.url, 'Lattice <no-reply@lattice.test>', 1), { maxAttempts: 8 });
    await settled(row!.id, 'failed');
    const failed = await reload(row!.id);
    expect(failed.attempts).toBe(1);
    expect(failed.lastError).toMatch(/^550 .*Recipient address rejected/);
    expect(failed.lastError).not.toContain('victim@');
    const events = await outcomeEvents(row!.id);
    expect(events).toEqual([
      { type: 'notifications.delivery_failed', data: expect.objectContaining({ reason: failed.lastError }) },
    ]);
    expect(JSON.stringify(events)).not.toContain('victim@');
    expect(logLines.join('\n')).not.toContain('victim@');
    expect(smtp.accepted).toEqual([]);
  });

  it('a 5xx to the whole message (DATA) fails it at once', async () => {
    smtp = await scriptedSmtp({ end: ['552 5.3.4 Message size exceeds fixed limit'] });
    const [row] = await queue(1);
    dispatcher(emailChannel(smtp.url, 'no-reply@lattice.test', 1), { maxAttempts: 8 });
    await settled(row!.id, 'failed');
    expect(await reload(row!.id)).toMatchObject({ attempts: 1, lastError: expect.stringMatching(/552/) });
  });

  it('a 4xx is retried, and the mail sent once', async () => {
    smtp = await scriptedSmtp({ rcpt: ['451 4.3.0 Try again later'] });
    const [row] = await queue(1);
    dispatcher(emailChannel(smtp.url, 'no-reply@lattice.test', 1), { maxAttempts: 8 });
    await settled(row!.id, 'sent');
    expect(await reload(row!.id)).toMatchObject({ attempts: 2, lastError: null });
    await pause(200);
    expect(smtp.accepted).toHaveLength(1);
  });

  it.each([
    ['the login (535: our credentials)', { auth: ['535 5.7.8 Authentication credentials invalid'] }, 'u:p@'],
    ['the sender (550 to MAIL FROM: our address)', { mail: ['550 5.7.1 Sender address rejected'] }, ''],
    ['the connection (554 greeting)', { greeting: ['554 5.3.2 Service unavailable'] }, ''],
  ])(
    'a 5xx to %s is about every mail alike: retried, not failed for good',
    async (_name, script, credentials) => {
      smtp = await scriptedSmtp(script);
      const [row] = await queue(1);
      const url = smtp.url.replace('smtp://', `smtp://${credentials}`);
      dispatcher(emailChannel(url, 'no-reply@lattice.test', 1), { maxAttempts: 8 });
      await settled(row!.id, 'sent');
      expect((await reload(row!.id)).attempts).toBe(2);
      expect(smtp.accepted).toHaveLength(1);
    },
  );
});

describe('leases', () => {
  it('a delivery left sending by a crash is sent again once its lease has run out, not before', async () => {
    const [crashed] = await queue(1, {
      status: 'sending',
      attempts: 1,
      leaseUntil: new Date(Date.now() - 1000),
    });
    const [leased] = await queue(1, {
      status: 'sending',
      attempts: 1,
      leaseUntil: new Date(Date.now() + 600_000),
    });
    const channel = drivenChannel();
    dispatcher(channel);
    await settled(crashed!.id, 'sent');
    expect((await reload(crashed!.id)).attempts).toBe(2);
    await pause(200);
    expect(channel.calls).toEqual([crashed!.id]);
    expect((await reload(leased!.id)).status).toBe('sending');
  });

  it('a delivery whose lease ran out while it waited its turn is not sent by its first claimant', async () => {
    const rows = await queue(2);
    const a = drivenChannel();
    a.hold(rows[0]!.id);
    a.hold(rows[1]!.id);
    dispatcher(a); // claims both (two per worker), sends one, holds on it
    const first = await a.waiting();
    const second = rows.find((row) => row.id !== first)!.id;
    // Time passes: the second's lease runs out while it waits; another replica takes it over.
    await em().nativeUpdate(Delivery, { id: second }, { leaseUntil: new Date(Date.now() - 1000) });
    const b = drivenChannel();
    dispatcher(b);
    await settled(second, 'sent');
    a.release(first);
    await settled(first, 'sent');
    await pause(200);
    expect(b.calls).toEqual([second]);
    expect(a.calls).toEqual([first]);
  });

  it('a claimant whose lease ran out does not overwrite the outcome of the one that took over', async () => {
    const [row] = await queue(1);
    const a = drivenChannel();
    a.hold(row!.id);
    dispatcher(a);
    await a.started(row!.id);
    await em().nativeUpdate(Delivery, { id: row!.id }, { leaseUntil: new Date(Date.now() - 1000) });
    const b = drivenChannel();
    b.hold(row!.id);
    dispatcher(b);
    await b.started(row!.id);
    // The first hears back after all: refused for good. The second's attempt is the one that counts.
    a.release(row!.id, new PermanentFailure('550 refused'));
    await pause(200);
    expect((await reload(row!.id)).status).toBe('sending');
    b.release(row!.id);
    await settled(row!.id, 'sent');
    expect((await outcomeEvents(row!.id)).map((event) => event.type)).toEqual([
      'notifications.delivery_sent',
    ]);
  });
});

describe('a user deleted while deliveries wait', () => {
  it('gets nothing more, even from a batch already claimed, and their addresses are erased', async () => {
    const userId = randomUUID();
    const rows = await queue(2, { userId });
    const channel = drivenChannel({ holdAll: true });
    dispatcher(channel);
    const first = await channel.waiting();
    await fixture.bus.publish(
      createEvent('identity.user_deleted', { actor: null, subject: userId, data: { userId } }),
    );
    channel.release(first);
    await waitFor(async () => (await em().find(Delivery, { userId })).every((row) => row.address === ''), {
      timeoutMs: 10_000,
      message: 'the deletion applied',
    });
    await pause(300);
    expect(channel.calls).toEqual([first]);
    const after = await em().find(Delivery, { userId });
    expect(after.map((row) => [row.status, row.address, row.text, row.lastError])).toEqual(
      rows.map(() => ['failed', '', '', 'account deleted']),
    );
  });
});

describe('a flood of events for one user', () => {
  const publish = <T extends EventType>(type: T, data: EventData<T>) =>
    fixture.bus.publish(createEvent(type, { actor: null, subject: 'test', data }));

  it("waits spaced out behind everyone else's mail; their security mail does not", async () => {
    const [flooded, other] = [randomUUID(), randomUUID()];
    for (const userId of [flooded, other]) {
      await publish('identity.user_registered', { userId, email: `${userId}@example.test`, role: 'user' });
    }
    for (let i = 0; i < 30; i += 1) {
      await publish('billing.plan_changed', {
        userId: flooded,
        change: i % 2 ? 'upgraded' : 'downgraded',
        fromPlan: 'a',
        toPlan: 'b',
        status: 'active',
        monthlyAmount: 100,
        currency: 'usd',
      });
    }
    await publish('identity.security_alert', {
      userId: flooded,
      kind: 'refresh_token_reuse',
      sessionId: randomUUID(),
    });
    await publish('billing.payment_succeeded', {
      userId: other,
      paymentId: 'pay_other',
      amount: 100,
      currency: 'usd',
      purpose: 'credits',
      plan: null,
    });
    const rows = await em().find(
      Delivery,
      { userId: { $in: [flooded, other] }, channel: 'email' },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    const due = (row: Delivery) => row.nextAttemptAt.getTime() - row.createdAt.getTime();
    const flood = rows.filter((row) => row.kind === 'plan_changed').map((row) => row.nextAttemptAt.getTime());
    expect(flood).toHaveLength(30);
    flood.slice(1).forEach((time, i) => expect(time - flood[i]!).toBeGreaterThanOrEqual(50));
    // The others' mail, and the flooded user's security mail, are due when made.
    expect(due(rows.find((row) => row.userId === other)!)).toBeLessThan(5);
    expect(due(rows.find((row) => row.kind === 'security_alert')!)).toBeLessThan(5);
  });
});

describe('two replicas on one database', () => {
  let database: TestDatabase;
  let capture: MailCapture;
  const replicas: TestSubgraph[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    capture = await startMailCapture();
    for (let i = 0; i < 2; i += 1) {
      replicas.push(
        await startTestSubgraph(
          notifications,
          { SMTP_URL: capture.url, DELIVERY_CONCURRENCY: '3', LOG_LEVEL: 'silent' },
          database,
        ),
      );
    }
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await capture?.close();
    await database?.drop();
  });

  it('send each delivery once', async () => {
    const count = 300;
    const userIds = Array.from({ length: 30 }, () => randomUUID());
    const rows = userIds.flatMap((userId) =>
      Array.from({ length: count / userIds.length }, () =>
        Object.assign(new Delivery(), {
          eventId: randomUUID(),
          eventAt: new Date(),
          userId,
          kind: 'payment_receipt',
          category: 'billing',
          channel: 'email' as const,
          address: `${userId}@example.test`,
          subject: 'Receipt',
          text: 'text',
        }),
      ),
    );
    await replicas[0]!.subgraph.orm.em.fork().insertMany(Delivery, rows);
    await waitFor(
      async () => (await replicas[0]!.subgraph.orm.em.fork().count(Delivery, { status: 'sent' })) === count,
      { timeoutMs: 60_000, message: 'every delivery sent' },
    );
    // The capture parses what it accepted a moment later: wait for all, then for any duplicate.
    await waitFor(() => capture.messages().length >= count, {
      timeoutMs: 60_000,
      message: 'every mail parsed',
    });
    await pause(300);
    const ids = capture.messages().map((mail) => mail.messageId);
    expect(ids).toHaveLength(count);
    expect(new Set(ids).size).toBe(count);
    expect(new Set(ids)).toEqual(new Set(rows.map((row) => `<${row.id}@lattice>`)));
    // 300 mails through real SMTP, on a CI machine busy with every other workspace's tests,
    // can take longer than Jest's default 30 s: the waits allow two minutes.
  }, 150_000);
});

interface ScriptedSmtp {
  url: string;
  /** The messages accepted (the 250 after DATA), raw. */
  accepted: string[];
  close(): Promise<void>;
}

/**
 * An SMTP server answering each command from its script, once per entry (then 2xx): what a
 * real server says when it refuses (a recipient, a message, a login, a sender, a connection).
 */
async function scriptedSmtp(
  script: { greeting?: string[]; auth?: string[]; mail?: string[]; rcpt?: string[]; end?: string[] } = {},
): Promise<ScriptedSmtp> {
  const accepted: string[] = [];
  const sockets = new Set<Socket>();
  const answer = (verb: string): string => {
    switch (verb) {
      case 'EHLO':
        return '250-scripted\r\n250 AUTH PLAIN LOGIN';
      case 'HELO':
        return '250 scripted';
      case 'AUTH':
        return script.auth?.shift() ?? '235 2.7.0 Authenticated';
      case 'MAIL':
        return script.mail?.shift() ?? '250 2.1.0 Ok';
      case 'RCPT':
        return script.rcpt?.shift() ?? '250 2.1.5 Ok';
      case 'DATA':
        return '354 End data with <CR><LF>.<CR><LF>';
      case 'RSET':
      case 'NOOP':
        return '250 2.0.0 Ok';
      case 'QUIT':
        return '221 2.0.0 Bye';
      default:
        return '502 5.5.2 Command not recognized';
    }
  };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const greeting = script.greeting?.shift();
    socket.write(`${greeting ?? '220 scripted ESMTP'}\r\n`);
    if (greeting) return void socket.end();
    let buffer = '';
    let data: string[] | null = null;
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      for (let end = buffer.indexOf('\r\n'); end >= 0; end = buffer.indexOf('\r\n')) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (data) {
          if (line !== '.') {
            data.push(line);
            continue;
          }
          const reply = script.end?.shift() ?? '250 2.0.0 Ok: queued';
          if (reply.startsWith('250')) accepted.push(data.join('\r\n'));
          data = null;
          socket.write(`${reply}\r\n`);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'DATA') data = [];
        socket.write(`${answer(verb)}\r\n`);
        if (verb === 'QUIT') socket.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
