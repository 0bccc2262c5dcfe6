import { randomUUID } from 'node:crypto';
import { createEvent } from '@lattice/events';
import { createInternalClient, type InternalClient } from '@lattice/subgraph-kit';
import { startTestSubgraph, type TestSubgraph } from '@lattice/subgraph-kit/testing';
import { waitFor } from '@lattice/testkit';
import type { BusinessContextSnapshot } from '../src/service/business';
import { addCommonService, addFrequentClient, updateBusinessContext } from '../src/service/business';
import { accounts } from '../src/subgraph';

const SECRET = 'the-secret-accounts-and-invoicing-share';

let fixture: TestSubgraph;
let client: InternalClient;

beforeAll(async () => {
  fixture = await startTestSubgraph(accounts, { SUBGRAPH_SECRET: SECRET });
  client = createInternalClient({
    service: 'accounts',
    baseUrl: new URL(fixture.subgraph.url).origin,
    secret: SECRET,
    caller: 'invoicing',
  });
});
afterAll(() => fixture?.stop());

const em = () => fixture.subgraph.orm.em.fork();
const read = (input: unknown) => client.call<BusinessContextSnapshot>('/internal/business-context', input);

async function seed(userId: string, company: string): Promise<void> {
  await updateBusinessContext(em(), userId, {
    companyName: company,
    address: '1 Engine Row\nLondon',
    taxId: 'GB123456789',
    defaultCurrency: 'gbp',
  });
  await addFrequentClient(em(), userId, { name: `${company} client A`, email: 'A@Example.com' });
  await addFrequentClient(em(), userId, { name: `${company} client B`, address: 'Somewhere' });
  await addCommonService(em(), userId, { description: 'Programming', unitPrice: '120', unit: 'hour' });
  await addCommonService(em(), userId, { description: 'Design', unitPrice: '99.5', currency: 'eur' });
}

describe("accounts' internal business context", () => {
  it("answers the named user's context only: company, clients and services oldest first", async () => {
    const userId = randomUUID();
    await seed(userId, 'Analytical Engines');
    await seed(randomUUID(), 'Bystander');
    expect(await read({ userId })).toEqual({
      companyName: 'Analytical Engines',
      address: '1 Engine Row\nLondon',
      taxId: 'GB123456789',
      defaultCurrency: 'GBP',
      logoMediaId: null,
      frequentClients: [
        { name: 'Analytical Engines client A', email: 'a@example.com', address: null },
        { name: 'Analytical Engines client B', email: null, address: 'Somewhere' },
      ],
      // A service without its own currency reads in the default one, as CommonService.currency does.
      commonServices: [
        { description: 'Programming', unitPrice: '120.00', currency: 'GBP', unit: 'hour' },
        { description: 'Design', unitPrice: '99.50', currency: 'EUR', unit: null },
      ],
    });
  });

  it('answers the empty context for a user with none', async () => {
    expect(await read({ userId: randomUUID() })).toEqual({
      companyName: null,
      address: null,
      taxId: null,
      defaultCurrency: null,
      logoMediaId: null,
      frequentClients: [],
      commonServices: [],
    });
  });

  it('answers all entries up to the cap of 200 per list', async () => {
    const userId = randomUUID();
    for (let i = 0; i < 200; i += 1) {
      await addFrequentClient(em(), userId, { name: `Client ${i}` });
    }
    const { frequentClients } = await read({ userId });
    expect(frequentClients).toHaveLength(200);
    expect(frequentClients[0]!.name).toBe('Client 0');
    expect(frequentClients[199]!.name).toBe('Client 199');
  });

  it('refuses a missing or malformed userId (BAD_USER_INPUT on userId)', async () => {
    for (const input of [{}, { userId: 'not-a-user' }, { userId: 42 }, 'not an object', null]) {
      await expect(read(input)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field: 'userId' },
      });
    }
  });

  it('answers UNAUTHENTICATED for an erased user, as accounts mutations do', async () => {
    const userId = randomUUID();
    await seed(userId, 'Erased Ltd');
    const event = createEvent('identity.user_deleted', { actor: null, subject: userId, data: { userId } });
    await fixture.bus.publish(event);
    await waitFor(
      async () => {
        const [row] = await em()
          .getConnection()
          .execute<{ count: string }[]>('select count(*) from accounts.erased_user where user_id = ?', [
            userId,
          ]);
        return Number(row!.count) === 1;
      },
      { message: 'the tombstone' },
    );
    await expect(read({ userId })).rejects.toMatchObject({
      message: 'This account no longer exists',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it('is refused without a signature, and to any other secret', async () => {
    const body = JSON.stringify({ userId: randomUUID() });
    const unsigned = await fetch(new URL('/internal/business-context', fixture.subgraph.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(unsigned.status).toBe(401);
    const forged = createInternalClient({
      service: 'accounts',
      baseUrl: new URL(fixture.subgraph.url).origin,
      secret: 'not-the-secret-though-just-as-long!!',
    });
    await expect(forged.call('/internal/business-context', { userId: randomUUID() })).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'accounts' },
    });
  });
});
