/**
 * Events to mail: BENCH_EVENTS (10,000) payment events for BENCH_USERS users are published on
 * the bus (a tenth of them twice, as a redelivery would), and notifications sends each as a
 * mail to a real local SMTP server. Prints mails per second, the latency from each event to
 * the SMTP server's acceptance of its mail (p50, p99, max), and duplicates (must be 0).
 *   npm run bench:notifications   (BENCH_EVENTS, BENCH_USERS, BENCH_PUBLISHERS, BENCH_RATE events/s
 *                                  (0: a burst); REDIS_URL: the Redis bus)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { startLattice } from '@lattice/all-in-one';
import { createEvent, type EventEnvelope } from '@lattice/events';
import { readSubgraphManifest } from '@lattice/manifest';
import { startMailCapture } from '@lattice/smtp-capture';
import { createTestDatabase } from '@lattice/testkit';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const USERS = Number(process.env.BENCH_USERS ?? 500);
const PUBLISHERS = Number(process.env.BENCH_PUBLISHERS ?? 16);
/** Events per second to publish at (0: as fast as the bus takes them, a burst). */
const RATE = Number(process.env.BENCH_RATE ?? 0);
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

function supergraph(names: string[]): string {
  const services = readSubgraphManifest()
    .filter(({ name }) => names.includes(name))
    .map(({ name, dir }) => ({
      name,
      url: `http://${name}.invalid/graphql`,
      typeDefs: parse(readFileSync(join(dir, 'schema.graphql'), 'utf8')),
    }));
  const result = composeServices(services);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function main(): Promise<void> {
  const scratch = mkdtempSync(join(tmpdir(), 'lattice-bench-'));
  const supergraphPath = join(scratch, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraph(['identity', 'notifications']));
  const smtp = await startMailCapture();
  const database = await createTestDatabase();
  const lattice = await startLattice({
    databaseUrl: database.url,
    redisUrl: process.env.REDIS_URL,
    redisPrefix: `bench-${randomUUID().slice(0, 8)}`,
    gatewayPort: 0,
    subgraphPorts: 'random',
    logLevel: 'silent',
    nodeEnv: 'test',
    supergraphPath,
    only: ['identity', 'notifications'],
    env: { SMTP_URL: smtp.url },
  });
  try {
    const users = Array.from({ length: USERS }, () => randomUUID());
    for (const userId of users) {
      await lattice.bus.publish(
        createEvent('identity.user_registered', {
          actor: userId,
          subject: userId,
          data: { userId, email: `${userId}@bench.example`, role: 'user' },
        }),
      );
    }
    const sql = (query: string) => lattice.subgraphs.notifications!.orm.em.getConnection().execute(query);
    const recipients = async () =>
      Number((await sql('select count(*)::int n from notifications.recipient'))[0]?.n ?? 0);
    while ((await recipients()) < USERS) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const events: EventEnvelope[] = Array.from({ length: EVENTS }, (_, i) => {
      const userId = users[i % USERS]!;
      return createEvent('billing.payment_succeeded', {
        actor: userId,
        subject: userId,
        data: {
          userId,
          paymentId: `bench-${i}`,
          amount: 900 + (i % 100),
          currency: 'usd',
          purpose: 'other',
          plan: null,
        },
      });
    });
    const started = Date.now();
    const publishedAt = new Map<string, number>();
    // PUBLISHERS at once, as several producers' outbox relays would.
    let next = 0;
    await Promise.all(
      Array.from({ length: PUBLISHERS }, async () => {
        while (next < events.length) {
          const i = next++;
          const due = started + (RATE ? (i * 1000) / RATE : 0);
          if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
          const event = { ...events[i]!, occurredAt: new Date().toISOString() };
          publishedAt.set(event.id, Date.now());
          await lattice.bus.publish(event);
          if (i % 10 === 0) await lattice.bus.publish(event); // a redelivery
        }
      }),
    );
    const published = Date.now();
    while (smtp.messages().length < EVENTS) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (Date.now() - published > 300_000)
        throw new Error(`only ${smtp.messages().length} mails after 5 minutes`);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000)); // late duplicates would arrive now
    const finished = Math.max(...smtp.messages().map((mail) => mail.receivedAt.getTime()));

    const deliveries = new Map(
      (
        (await sql(
          "select id, event_id from notifications.delivery where kind = 'payment_receipt'",
        )) as Array<{
          id: string;
          event_id: string;
        }>
      ).map((row) => [`<${row.id}@lattice>`, row.event_id]),
    );
    const perEvent = new Map<string, number>();
    const latencies: number[] = [];
    for (const mail of smtp.messages()) {
      const eventId = mail.messageId && deliveries.get(mail.messageId);
      if (!eventId) continue;
      perEvent.set(eventId, (perEvent.get(eventId) ?? 0) + 1);
      latencies.push(mail.receivedAt.getTime() - publishedAt.get(eventId)!);
    }
    latencies.sort((a, b) => a - b);
    const duplicates = [...perEvent.values()].reduce((sum, count) => sum + count - 1, 0);
    const seconds = (finished - started) / 1000;
    console.log(
      `${EVENTS} events (+${Math.ceil(EVENTS / 10)} redelivered) for ${USERS} users, ${RATE ? `${RATE}/s` : 'a burst'}, bus: ${lattice.bus.kind}`,
    );
    console.log(
      '\n| mails | seconds | mails/s | p50 ms | p99 ms | max ms | duplicates | missing |\n|---|---|---|---|---|---|---|---|',
    );
    console.log(
      `| ${latencies.length} | ${seconds.toFixed(1)} | ${(latencies.length / seconds).toFixed(0)} | ${percentile(latencies, 0.5)} | ${percentile(latencies, 0.99)} | ${latencies.at(-1)} | ${duplicates} | ${EVENTS - perEvent.size} |`,
    );
    console.log(
      `\npublishing took ${((published - started) / 1000).toFixed(1)} s of that (latency counts from each publish)`,
    );
  } finally {
    await lattice.close();
    await smtp.close();
    await database.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
