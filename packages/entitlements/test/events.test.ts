import { randomUUID } from 'node:crypto';
import {
  createInProcessBus,
  type EventEnvelope,
  idempotent,
  OutboxEvent,
  startOutboxRelay,
} from '@lattice/events';
import { createTestDatabase, type TestDatabase, waitFor } from '@lattice/testkit';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createMeter,
  entitlementsChanged,
  planCatalogue,
  UsageCounter,
  UsageSpend,
  usageRecorded,
} from '../src';
import { entitlementsEvent, iso, openOrm } from './helpers';

let db: TestDatabase;
let domain: MikroORM; // a metered domain's schema (ai)
let billing: MikroORM; // billing's schema, with its own copy of the counters
const meter = createMeter({ catalogue: planCatalogue(), now: () => iso('2026-03-15T12:00:00.000Z') });

beforeAll(async () => {
  db = await createTestDatabase();
  domain = await openOrm(db.url, 'ai');
  billing = await openOrm(db.url, 'billing');
});

afterAll(async () => {
  await Promise.all([domain?.close(), billing?.close()]);
  await db?.drop();
});

/** What the relay would publish for an outbox row. */
function envelopeOf(row: OutboxEvent): EventEnvelope<'usage.recorded'> {
  return {
    id: row.id,
    type: row.type as 'usage.recorded',
    version: row.version,
    occurredAt: row.occurredAt.toISOString(),
    actor: row.actor,
    subject: row.subject,
    data: row.data as EventEnvelope<'usage.recorded'>['data'],
  };
}

async function spend(userId: string, amount: number, key: string): Promise<EventEnvelope<'usage.recorded'>> {
  await domain.em.fork().transactional((em) => meter.record(em, { userId, meter: 'aiTokens', amount, key }));
  const rows = await domain.em.fork().find(OutboxEvent, { subject: userId });
  return envelopeOf(rows.find((row) => (row.data as { key: string }).key === key)!);
}

describe('usage.recorded', () => {
  it('is written to the outbox with the spend, once per spend', async () => {
    const userId = randomUUID();
    await spend(userId, 1_500, `${userId}:1`);
    await domain.em
      .fork()
      .transactional((em) =>
        meter.record(em, { userId, meter: 'aiTokens', amount: 1_500, key: `${userId}:1` }),
      ); // a repeat: no second event
    const rows = await domain.em.fork().find(OutboxEvent, { subject: userId });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      type: 'usage.recorded',
      version: 1,
      actor: userId,
      subject: userId,
      publishedAt: null,
      data: {
        userId,
        meter: 'aiTokens',
        amount: 1_500,
        key: `${userId}:1`,
        periodStart: '2026-03-01T00:00:00.000Z',
        periodEnd: '2026-04-01T00:00:00.000Z',
        limit: 20_000,
      },
    });
  });

  it("is counted into billing's copy once per key, however often it arrives", async () => {
    const userId = randomUUID();
    const first = await spend(userId, 700, `${userId}:a`);
    const second = await spend(userId, 300, `${userId}:b`);
    const apply = idempotent(billing, 'billing', (em, event) =>
      usageRecorded(em, event as EventEnvelope<'usage.recorded'>, undefined),
    );
    await apply(first);
    await apply(first); // redelivered: the kit's processed_event
    await apply({ ...first, id: randomUUID() }); // published twice: the (meter, key) claim
    await apply(second);

    const counter = await billing.em.fork().findOneOrFail(UsageCounter, { userId, meter: 'aiTokens' });
    expect(counter).toMatchObject({ used: 1_000, periodStart: iso('2026-03-01T00:00:00.000Z') });
    const spends = await billing.em.fork().find(UsageSpend, { userId }, { orderBy: { used: 'asc' } });
    expect(spends.map(({ key, amount, used, periodLimit }) => ({ key, amount, used, periodLimit }))).toEqual([
      { key: `${userId}:a`, amount: 700, used: 700, periodLimit: 20_000 },
      { key: `${userId}:b`, amount: 300, used: 1_000, periodLimit: 20_000 },
    ]);
  });
});

describe('from the spend to billing, through the outbox and the bus', () => {
  it("reaches billing's copy within milliseconds of the commit", async () => {
    const errors: unknown[] = [];
    const bus = createInProcessBus({ onError: (error) => errors.push(error) });
    const consumer = bus.consume({
      group: 'billing',
      consumer: 'billing-1',
      types: ['usage.recorded'],
      handler: idempotent(billing, 'billing', (em, event) =>
        usageRecorded(em, event as EventEnvelope<'usage.recorded'>, undefined),
      ),
    });
    // Kicked after each commit, as subgraph-kit does; the poll would take a minute.
    const relay = startOutboxRelay({
      orm: domain,
      bus,
      pollIntervalMs: 60_000,
      onError: (e) => errors.push(e),
    });
    try {
      const userId = randomUUID();
      const lags: number[] = [];
      for (let i = 1; i <= 10; i += 1) {
        await domain.em
          .fork()
          .transactional((em) =>
            meter.record(em, { userId, meter: 'imageGenerations', amount: 1, key: `${userId}:${i}` }),
          );
        const committed = performance.now();
        relay.kick();
        await waitFor(
          async () =>
            (await billing.em.fork().findOne(UsageCounter, { userId, meter: 'imageGenerations' }))?.used ===
            i,
          { intervalMs: 1, message: `billing counting spend ${i}` },
        );
        lags.push(performance.now() - committed);
      }
      lags.sort((a, b) => a - b);
      expect(lags[lags.length - 1]).toBeLessThan(1000);
    } finally {
      await relay.stop();
      await consumer.stop();
      await bus.close();
    }
    expect(errors).toEqual([]);
  });
});

describe('billing.entitlements_changed', () => {
  it('is applied once through the kit, and a redelivery changes nothing', async () => {
    const userId = randomUUID();
    const apply = idempotent(domain, 'ai', (em, event) =>
      entitlementsChanged(em, event as EventEnvelope<'billing.entitlements_changed'>, undefined),
    );
    const event = entitlementsEvent(userId, {
      plan: 'starter',
      periodStart: '2026-03-05T00:00:00.000Z',
      periodEnd: '2026-04-05T00:00:00.000Z',
      limits: planCatalogue().get('starter')!.limits,
      occurredAt: '2026-03-05T00:00:00.000Z',
    });
    await apply(event);
    await apply(event);
    expect(await meter.check(domain.em.fork(), userId, 'imageGenerations')).toMatchObject({
      limit: 200,
      resetsAt: iso('2026-04-05T00:00:00.000Z'),
    });
  });
});
