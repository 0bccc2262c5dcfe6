import { randomUUID } from 'node:crypto';
import { createEvent, type EventEnvelope, idempotent } from '@lattice/events';
import type { Logger } from '@lattice/server-kit';
import type { RunningSubgraph } from '@lattice/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@lattice/subgraph-kit/testing';
import { waitFor } from '@lattice/testkit';
import { CommonService, FrequentClient } from '../src/entities';
import {
  addCommonService,
  addFrequentClient,
  MAX_LIST_ENTRIES,
  updateBusinessContext,
} from '../src/service/business';
import { addInvoicedToBusinessContext } from '../src/service/invoiced';
import { accounts } from '../src/subgraph';

let fixture: TestSubgraph;
let subgraph: RunningSubgraph;

beforeAll(async () => {
  fixture = await startTestSubgraph(accounts);
  subgraph = fixture.subgraph;
});
afterAll(() => fixture?.stop());

const em = () => subgraph.orm.em.fork();

type Issued = EventEnvelope<'invoicing.invoice_issued'>['data'];

/** An issued invoice of `userId` (a new event id each time), with `overrides` of its data. */
function issued(userId: string, overrides: Partial<Issued> = {}): EventEnvelope<'invoicing.invoice_issued'> {
  const invoiceId = randomUUID();
  return createEvent('invoicing.invoice_issued', {
    actor: userId,
    subject: userId,
    data: {
      invoiceId,
      userId,
      number: 'INV-0001',
      currency: 'GBP',
      subtotal: '1240.00',
      tax: '248.00',
      total: '1488.00',
      totalMinor: 148800,
      issueDate: '2026-12-01',
      dueDate: '2026-12-31',
      client: { name: 'Babbage & Co', email: 'Charles@Example.com', address: '1 Difference St\nLondon' },
      services: [
        { description: 'Programming', unitPrice: '120.00', unit: 'hour' },
        { description: 'Design review', unitPrice: '40.00', unit: null },
      ],
      pdf: { mediaId: randomUUID(), storageKey: `imports/${invoiceId}.pdf`, filename: 'INV-0001.pdf' },
      ...overrides,
    },
  });
}

const clientsOf = async (userId: string) =>
  (await em().find(FrequentClient, { userId }, { orderBy: { createdAt: 'asc', id: 'asc' } })).map(
    ({ name, email, address }) => ({ name, email, address }),
  );
const servicesOf = async (userId: string) =>
  (await em().find(CommonService, { userId }, { orderBy: { createdAt: 'asc', id: 'asc' } })).map(
    ({ description, unitPrice, currency, unit }) => ({ description, unitPrice, currency, unit }),
  );

async function processed(eventId: string): Promise<boolean> {
  const [row] = await em()
    .getConnection()
    .execute<{ count: string }[]>('select count(*) from accounts.processed_event where event_id = ?', [
      eventId,
    ]);
  return Number(row!.count) === 1;
}

/** Publishes on the bus, as invoicing does, and waits until accounts has applied it. */
async function deliver(event: EventEnvelope<'invoicing.invoice_issued'>): Promise<void> {
  await fixture.bus.publish(event);
  await waitFor(() => processed(event.id), { message: `event ${event.id}` });
}

/** The consumer exactly as the kit runs it (idempotent, one transaction), called directly. */
const apply = (event: EventEnvelope<'invoicing.invoice_issued'>, log: Logger = silent()) =>
  idempotent(subgraph.orm, 'accounts', (tx, envelope) =>
    addInvoicedToBusinessContext(tx, envelope as EventEnvelope<'invoicing.invoice_issued'>, log),
  )(event);

function silent(): Logger & { lines: Array<{ level: string; message: string }> } {
  const lines: Array<{ level: string; message: string }> = [];
  const write = (level: string) => (first: unknown, second?: unknown) =>
    lines.push({ level, message: String(typeof first === 'string' ? first : second) });
  const log = {
    lines,
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    debug: write('debug'),
  };
  return Object.assign(log, { child: () => log }) as unknown as Logger & { lines: typeof lines };
}

/** Fills a user's lists to `count` entries each, in one statement per list. */
async function fill(userId: string, count: number): Promise<void> {
  const base = Date.now() - 60_000;
  await em().insertMany(
    FrequentClient,
    Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      userId,
      name: `Client ${i}`,
      email: null,
      address: null,
      createdAt: new Date(base + i),
    })),
  );
  await em().insertMany(
    CommonService,
    Array.from({ length: count }, (_, i) => ({
      id: randomUUID(),
      userId,
      description: `Service ${i}`,
      unitPrice: '1.00',
      currency: 'GBP',
      unit: null,
      createdAt: new Date(base + i),
    })),
  );
}

describe('accounts consumes invoicing.invoice_issued', () => {
  it("adds the client and the services to the user's business context, and nobody else's", async () => {
    const userId = randomUUID();
    const bystander = randomUUID();
    await deliver(issued(userId));
    expect(await clientsOf(userId)).toEqual([
      { name: 'Babbage & Co', email: 'charles@example.com', address: '1 Difference St\nLondon' },
    ]);
    expect(await servicesOf(userId)).toEqual([
      { description: 'Programming', unitPrice: '120.00', currency: 'GBP', unit: 'hour' },
      { description: 'Design review', unitPrice: '40.00', currency: 'GBP', unit: null },
    ]);
    expect(await clientsOf(bystander)).toEqual([]);
    // The user now has a business context (as after their own first addition).
    const [row] = await em()
      .getConnection()
      .execute<{ count: string }[]>('select count(*) from accounts.business_context where user_id = ?', [
        userId,
      ]);
    expect(Number(row!.count)).toBe(1);
  });

  it('another event with the same content adds no duplicate; a redelivery changes nothing', async () => {
    const userId = randomUUID();
    const first = issued(userId);
    await deliver(first);
    await deliver(issued(userId)); // another invoice, same content
    await fixture.bus.publish(first); // the same event id again
    await deliver(issued(userId));
    expect(await clientsOf(userId)).toHaveLength(1);
    expect(await servicesOf(userId)).toHaveLength(2);
  });

  it('matches a client by name case-insensitively and trimmed, filling only what it lacks', async () => {
    const userId = randomUUID();
    await addFrequentClient(em(), userId, { name: 'Babbage & Co', email: 'own@example.com' });
    await deliver(
      issued(userId, {
        client: { name: '  BABBAGE & co ', email: 'other@example.com', address: '2 Engine Row' },
      }),
    );
    expect(await clientsOf(userId)).toEqual([
      { name: 'Babbage & Co', email: 'own@example.com', address: '2 Engine Row' },
    ]);
  });

  it('matches a service by description and currency, taking the latest invoiced price and unit', async () => {
    const userId = randomUUID();
    await updateBusinessContext(em(), userId, { defaultCurrency: 'GBP' });
    // No currency of its own: the default (GBP), so a GBP invoice matches it.
    await addCommonService(em(), userId, { description: 'Programming', unitPrice: '100', unit: 'day' });
    await addCommonService(em(), userId, { description: 'Design Review', unitPrice: '30', unit: 'page' });
    await deliver(
      issued(userId, {
        services: [
          { description: 'PROGRAMMING', unitPrice: '130.5', unit: 'hour' },
          { description: 'design review', unitPrice: '45.00', unit: null },
        ],
      }),
    );
    await deliver(
      issued(userId, {
        currency: 'EUR',
        services: [{ description: 'Programming', unitPrice: '140.00', unit: 'hour' }],
      }),
    );
    expect(await servicesOf(userId)).toEqual([
      { description: 'Programming', unitPrice: '130.50', currency: null, unit: 'hour' },
      { description: 'Design Review', unitPrice: '45.00', currency: null, unit: 'page' },
      { description: 'Programming', unitPrice: '140.00', currency: 'EUR', unit: 'hour' },
    ]);
  });

  it("holds the invoice to accounts' rules: cut to length, bad entries skipped, never failing", async () => {
    const userId = randomUUID();
    const log = silent();
    await apply(
      issued(userId, {
        currency: 'gbp',
        client: { name: 'N'.repeat(250), email: 'not an email', address: null },
        services: [
          { description: 'D'.repeat(600), unitPrice: '10', unit: 'u'.repeat(40) },
          { description: '\u200b', unitPrice: '10.00', unit: null },
          { description: 'Discount', unitPrice: '-5.00', unit: null },
          { description: 'Fractional', unitPrice: '0.125', unit: null },
        ],
      }),
      log,
    );
    expect(await clientsOf(userId)).toEqual([{ name: 'N'.repeat(200), email: null, address: null }]);
    expect(await servicesOf(userId)).toEqual([
      { description: 'D'.repeat(500), unitPrice: '10.00', currency: 'GBP', unit: 'u'.repeat(32) },
    ]);
    expect(log.lines.filter((line) => line.level === 'warn')).toHaveLength(3);

    const unknown = issued(userId, { currency: 'XXY' });
    await apply(unknown, log);
    expect(await processed(unknown.id)).toBe(true);
    expect(log.lines.at(-1)!.message).toMatch(/unknown invoice currency/);
  });

  it('respects the cap of 200: new entries are skipped with a log line, matches still updated', async () => {
    const userId = randomUUID();
    await fill(userId, MAX_LIST_ENTRIES);
    const log = silent();
    const event = issued(userId, {
      client: { name: 'client 7', email: 'seven@example.com', address: null },
      services: [
        { description: 'Service 3', unitPrice: '9.99', unit: 'each' },
        { description: 'Brand new', unitPrice: '1.00', unit: null },
      ],
    });
    await apply(event, log);
    expect(await processed(event.id)).toBe(true);
    await apply(issued(userId, { client: { name: 'Nobody yet', email: null, address: null } }), log);

    const clients = await clientsOf(userId);
    const services = await servicesOf(userId);
    expect(clients).toHaveLength(MAX_LIST_ENTRIES);
    expect(services).toHaveLength(MAX_LIST_ENTRIES);
    expect(clients[7]).toEqual({ name: 'Client 7', email: 'seven@example.com', address: null });
    expect(services[3]).toEqual({
      description: 'Service 3',
      unitPrice: '9.99',
      currency: 'GBP',
      unit: 'each',
    });
    expect(log.lines.filter((line) => /full/.test(line.message)).map((line) => line.message)).toEqual([
      'common services full: invoiced services were not added',
      'frequent clients full: the invoiced client was not added',
      'common services full: invoiced services were not added',
    ]);
  });

  it('two concurrent invoices of one user both land, without duplicates', async () => {
    const userId = randomUUID();
    const first = issued(userId, {
      services: [
        { description: 'Programming', unitPrice: '120.00', unit: 'hour' },
        { description: 'Hosting', unitPrice: '20.00', unit: 'month' },
      ],
    });
    const second = issued(userId, {
      client: { name: 'babbage & co', email: null, address: null },
      services: [
        { description: 'programming', unitPrice: '120.00', unit: 'hour' },
        { description: 'Training', unitPrice: '300.00', unit: 'day' },
      ],
    });
    await Promise.all([
      apply(first),
      apply(second),
      // and the user's own addition, under the same lock
      addFrequentClient(em(), userId, { name: 'BABBAGE & CO (own)' }),
    ]);
    expect(await processed(first.id)).toBe(true);
    expect(await processed(second.id)).toBe(true);
    const clients = await clientsOf(userId);
    expect(clients.map((client) => client.name.toLowerCase()).sort()).toEqual([
      'babbage & co',
      'babbage & co (own)',
    ]);
    const services = (await servicesOf(userId)).map((service) => service.description.toLowerCase()).sort();
    expect(services).toEqual(['hosting', 'programming', 'training']);
  });

  it('changes nothing for an erased user', async () => {
    const userId = randomUUID();
    await fixture.bus.publish(
      createEvent('identity.user_deleted', { actor: null, subject: userId, data: { userId } }),
    );
    const event = issued(userId);
    await deliver(event);
    expect(await clientsOf(userId)).toEqual([]);
    expect(await servicesOf(userId)).toEqual([]);
    const [row] = await em()
      .getConnection()
      .execute<{ count: string }[]>('select count(*) from accounts.business_context where user_id = ?', [
        userId,
      ]);
    expect(Number(row!.count)).toBe(0);
  });
});
