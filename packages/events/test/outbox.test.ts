import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase, waitFor } from '@lattice/testkit';
import { EntitySchema, MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import type { EventBus } from '../src/bus';
import type { EventEnvelope } from '../src/envelope';
import { createInProcessBus } from '../src/in-process-bus';
import { OutboxEvent, OutboxEventSchema, recordEvent } from '../src/outbox';
import { type OutboxRelay, startOutboxRelay } from '../src/outbox-relay';
import { idempotent, ProcessedEvent, ProcessedEventSchema } from '../src/processed-event';
import { makeEvents, sleep } from './helpers';

/** A stand-in for a subgraph's domain entity. */
class Note {
  id: string = randomUUID();
  text!: string;
}
const NoteSchema = new EntitySchema<Note>({
  class: Note,
  tableName: 'note',
  properties: { id: { type: 'string', primary: true }, text: { type: 'string' } },
});

let db: TestDatabase;
let orm: MikroORM;
const buses: EventBus[] = [];
const relays: OutboxRelay[] = [];
const orms: MikroORM[] = [];

async function openOrm(schema: string): Promise<MikroORM> {
  const instance = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: db.url,
    schema,
    entities: [OutboxEventSchema, ProcessedEventSchema, NoteSchema],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    discovery: { warnWhenNoEntities: false },
  });
  orms.push(instance);
  await instance.schema.createSchema();
  return instance;
}

function openBus(): EventBus {
  const bus = createInProcessBus({ onError: (error) => errors.push(error) });
  buses.push(bus);
  return bus;
}

function relay(options: Partial<Parameters<typeof startOutboxRelay>[0]> & { bus: EventBus }): OutboxRelay {
  const started = startOutboxRelay({
    orm,
    pollIntervalMs: 20,
    onError: (error) => errors.push(error),
    ...options,
  });
  relays.push(started);
  return started;
}

const count = (entity: typeof Note | typeof OutboxEvent | typeof ProcessedEvent, on = orm) =>
  on.em.fork().count(entity, {});
let errors: unknown[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await openOrm('events_test');
});

afterAll(async () => {
  await Promise.all(orms.map((instance) => instance.close()));
  await db?.drop();
});

beforeEach(async () => {
  errors = [];
  await orm.schema.clearDatabase();
});

afterEach(async () => {
  await Promise.all(relays.splice(0).map((started) => started.stop()));
  await Promise.all(buses.splice(0).map((bus) => bus.close()));
  expect(errors).toEqual([]);
});

describe('outbox relay', () => {
  it('publishes an event flushed in the transaction of its domain change', async () => {
    const bus = openBus();
    const received: EventEnvelope[] = [];
    bus.consume({ group: 'observer', consumer: 'c', handler: async (event) => void received.push(event) });
    const started = relay({ bus, pollIntervalMs: 60_000 }); // only kick() makes it run again
    const [event] = makeEvents(1);
    await orm.em.fork().transactional(async (em) => {
      em.persist(Object.assign(new Note(), { text: 'hello' }));
      recordEvent(em, event!);
    });
    started.kick();
    await waitFor(() => received.length === 1, { message: 'relayed event' });
    expect(received[0]).toEqual(event);
    expect(await count(Note)).toBe(1);
    // The relay marks the row after publish() resolves, so a consumer can see the event first.
    await waitFor(
      async () =>
        (await orm.em.fork().findOneOrFail(OutboxEvent, { id: event!.id })).publishedAt instanceof Date,
      { message: 'outbox row marked published' },
    );
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const bus = openBus();
    const received: EventEnvelope[] = [];
    bus.consume({ group: 'observer', consumer: 'c', handler: async (event) => void received.push(event) });
    const started = relay({ bus });
    const [event] = makeEvents(1);
    await expect(
      orm.em.fork().transactional(async (em) => {
        em.persist(Object.assign(new Note(), { text: 'doomed' }));
        recordEvent(em, event!);
        await em.flush();
        throw new Error('business rule violated');
      }),
    ).rejects.toThrow('business rule violated');
    started.kick();
    await sleep(100);
    await started.stop();
    expect(received).toEqual([]);
    expect(await count(OutboxEvent)).toBe(0);
    expect(await count(Note)).toBe(0);
  });

  it('publishes each event exactly once with two relays on the same table', async () => {
    const inner = openBus();
    const publishedBy = new Map<string, string[]>();
    const relayBus = (name: string): EventBus => ({
      ...inner,
      publish: async (event) => {
        publishedBy.set(event.id, [...(publishedBy.get(event.id) ?? []), name]);
        await sleep(2); // widen the window in which both relays are at work
        await inner.publish(event);
      },
    });
    const events = makeEvents(40);
    const em = orm.em.fork();
    for (const event of events) recordEvent(em, event);
    await em.flush();
    relay({ bus: relayBus('a'), batchSize: 5 });
    relay({ bus: relayBus('b'), batchSize: 5 });
    await waitFor(async () => (await orm.em.fork().count(OutboxEvent, { publishedAt: null })) === 0, {
      message: 'every row published',
    });
    expect([...publishedBy.keys()].sort()).toEqual(events.map((event) => event.id).sort());
    expect([...publishedBy.values()].filter((relays) => relays.length !== 1)).toEqual([]);
    const perRelay = [...publishedBy.values()].flat();
    expect(perRelay.filter((name) => name === 'a').length).toBeGreaterThan(0);
    expect(perRelay.filter((name) => name === 'b').length).toBeGreaterThan(0);
  });

  it('keeps the outbox of each ORM schema apart', async () => {
    const other = await openOrm('events_test_other');
    const bus = openBus();
    const received: EventEnvelope[] = [];
    bus.consume({ group: 'observer', consumer: 'c', handler: async (event) => void received.push(event) });
    const [mine, theirs] = makeEvents(2);
    const em = orm.em.fork();
    recordEvent(em, mine!);
    await em.flush();
    const otherEm = other.em.fork();
    recordEvent(otherEm, theirs!);
    await otherEm.flush();
    expect(await count(OutboxEvent)).toBe(1);
    expect(await count(OutboxEvent, other)).toBe(1);
    relay({ bus });
    await waitFor(() => received.length === 1, { message: 'own outbox relayed' });
    await sleep(100);
    expect(received.map((event) => event.id)).toEqual([mine!.id]);
  });
});

describe('idempotent handlers', () => {
  it('applies an event delivered twice only once', async () => {
    const bus = openBus();
    let deliveries = 0;
    const apply = idempotent(orm, 'notes', async (em, event) => {
      em.persist(Object.assign(new Note(), { text: `from ${event.id}` })); // not idempotent by itself
    });
    bus.consume({ group: 'notes', consumer: 'c', handler: (event) => (deliveries++, apply(event)) });
    const [event] = makeEvents(1);
    await bus.publish(event!);
    await bus.publish(event!); // a redelivery: same event id
    expect(deliveries).toBe(2);
    expect(await count(Note)).toBe(1);
    expect(await count(ProcessedEvent)).toBe(1);
  });

  it('rolls back the processed mark with a failed handler, so the redelivery applies it', async () => {
    const bus = openBus();
    const seenByRetry: number[] = [];
    let attempts = 0;
    const apply = idempotent(orm, 'notes', async (em, event) => {
      attempts += 1;
      if (attempts === 2) seenByRetry.push(await count(Note), await count(ProcessedEvent));
      em.persist(Object.assign(new Note(), { text: `from ${event.id}` }));
      await em.flush();
      if (attempts === 1) throw new Error('transient failure');
    });
    bus.consume({ group: 'notes', consumer: 'c', handler: apply });
    const [event] = makeEvents(1);
    await bus.publish(event!); // resolves once the event is acknowledged, after the retry
    expect(attempts).toBe(2);
    expect(seenByRetry).toEqual([0, 0]); // the failed attempt left nothing committed
    expect(await count(Note)).toBe(1);
    expect(await count(ProcessedEvent)).toBe(1);
  });
});
