import { createEvent } from '@lattice/events';
import { waitFor } from '@lattice/testkit';
import { type SubgraphFixture, startSubgraphFixture } from '@lattice/subgraph-kit/testing';
import type { InvoicingRuntime } from '../src/runtime';
import { invoicing } from '../src/subgraph';

// An erased user leaves nothing behind, not even what requests in flight at the erasure store.
let invoices: SubgraphFixture<InvoicingRuntime>;
beforeAll(async () => {
  invoices = await startSubgraphFixture(invoicing);
}, 60_000);
afterAll(() => invoices?.stop());

const CREATE = `mutation($input: InvoiceDraftInput!) { createInvoiceDraft(input: $input) { id } }`;
// With its currency, a typed draft asks no other subgraph: it is stored at once.
const input = {
  client: { name: 'Acme' },
  currency: 'EUR',
  lines: [{ description: 'Work', quantity: '1', unitPrice: '100' }],
};
const erase = (userId: string) =>
  invoices.fixture.bus.publish(
    createEvent('identity.user_deleted', { actor: null, subject: userId, data: { userId } }),
  );
const stored = async (userId: string) =>
  Number(
    (
      await invoices
        .em()
        .getConnection()
        .execute<{ n: string }[]>('select count(*) as n from invoicing.invoice where owner_id = ?', [userId])
    )[0]!.n,
  );

test("an erased user's invoices go, and their token still valid stores nothing more", async () => {
  const user = await invoices.user();
  await invoices.ok(user.token, CREATE, { input });
  await erase(user.id);
  await waitFor(async () => (await stored(user.id)) === 0);

  const late = await invoices.post(user.token, CREATE, { input });
  expect(late.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  const settings = await invoices.post(
    user.token,
    'mutation { updateInvoiceSettings(input: { paymentTermsDays: 7 }) { paymentTermsDays } }',
  );
  expect(settings.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(await stored(user.id)).toBe(0);
});

test('drafts racing the erasure are either erased with the rest or refused: none survives', async () => {
  const user = await invoices.user();
  const drafts = Array.from({ length: 20 }, () => invoices.post(user.token, CREATE, { input }));
  await erase(user.id);
  const answers = await Promise.all(drafts);
  for (const answer of answers)
    if (answer.errors) expect(answer.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  await waitFor(async () => (await stored(user.id)) === 0, { timeoutMs: 10_000 });
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await stored(user.id)).toBe(0);
});
