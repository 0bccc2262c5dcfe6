import sharp from 'sharp';
import type { AiLattice } from './support/ai';
import { newCustomer } from './support/billing';
import {
  CREATE,
  gql,
  INVOICE,
  ISSUE,
  MY_INVOICES,
  ok,
  startInvoicingLattice,
  typedDraft,
} from './support/invoicing';
import { uploadFile } from './support/media';
import { postToSubgraph } from './support/subgraph-requests';

// Numbers under concurrency, and another user's invoices by every path: queries, mutations,
// `_entities`, the PDF's media.
let world: AiLattice;
beforeAll(async () => {
  world = await startInvoicingLattice({ PLANS: JSON.stringify({ free: { limits: { aiTokens: 700 } } }) });
}, 60_000);
afterAll(() => world?.stop());

test('20 drafts issued at once get 20 distinct consecutive numbers', async () => {
  const { lattice } = world;
  const user = await newCustomer(lattice);
  await ok(
    lattice,
    user.token,
    'mutation { updateInvoiceSettings(input: { numberPattern: "A-{SEQ:3}" }) { numberPattern } }',
  );
  const drafts: string[] = [];
  for (let i = 0; i < 20; i++)
    drafts.push(
      (await ok(lattice, user.token, CREATE, { input: typedDraft(`Client ${i}`) })).createInvoiceDraft.id,
    );
  // One draft issued twice at once as well: one issue, one CONFLICT, no number used by the loser.
  const results = await Promise.all(
    [...drafts, drafts[0]!].map((id) => gql(lattice, user.token, ISSUE, { id })),
  );
  const numbers = results.filter((result) => !result.errors).map((result) => result.data.issueInvoice.number);
  expect(results.filter((result) => result.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
  expect(numbers.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `A-${String(i + 1).padStart(3, '0')}`));
  const { me } = await ok(lattice, user.token, '{ me { invoiceSettings { nextSequence } } }');
  expect(me.invoiceSettings.nextSequence).toBe(21);
});

test('a voided invoice keeps its number, a deleted draft never had one, and issued ones cannot be deleted', async () => {
  const { lattice } = world;
  const user = await newCustomer(lattice);
  const create = async () =>
    (await ok(lattice, user.token, CREATE, { input: typedDraft() })).createInvoiceDraft.id;
  const first = await create();
  const dropped = await create();
  await ok(lattice, user.token, ISSUE, { id: first });
  await ok(lattice, user.token, 'mutation($id: ID!) { deleteInvoice(id: $id) }', { id: dropped });
  const deleteIssued = await gql(lattice, user.token, 'mutation($id: ID!) { deleteInvoice(id: $id) }', {
    id: first,
  });
  expect(deleteIssued.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  const voided = await ok(
    lattice,
    user.token,
    'mutation($id: ID!) { voidInvoice(id: $id, reason: "Wrong client") { status number voidReason } }',
    {
      id: first,
    },
  );
  expect(voided.voidInvoice).toMatchObject({ status: 'VOID', voidReason: 'Wrong client' });
  const edit = await gql(
    lattice,
    user.token,
    'mutation($id: ID!, $i: InvoiceDraftInput!) { updateInvoiceDraft(id: $id, input: $i) { id } }',
    {
      id: first,
      i: { notes: 'changed' },
    },
  );
  expect(edit.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  const second = (await ok(lattice, user.token, ISSUE, { id: await create() })).issueInvoice.number;
  expect([voided.voidInvoice.number, second].map((number: string) => number.slice(-4))).toEqual([
    '0001',
    '0002',
  ]);
});

test('a new pattern that would repeat an earlier number is refused at issue, naming the pattern', async () => {
  const { lattice } = world;
  const user = await newCustomer(lattice);
  const pattern = (p: string) =>
    ok(
      lattice,
      user.token,
      'mutation($p: String!) { updateInvoiceSettings(input: { numberPattern: $p }) { numberPattern } }',
      { p },
    );
  const create = async () =>
    (await ok(lattice, user.token, CREATE, { input: typedDraft() })).createInvoiceDraft.id;
  await pattern('X2{SEQ}');
  expect((await ok(lattice, user.token, ISSUE, { id: await create() })).issueInvoice.number).toBe('X21');
  await pattern('X{SEQ}1'); // sequence 2 would make X21 again
  const next = await create();
  const refused = await gql(lattice, user.token, ISSUE, { id: next });
  expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'numberPattern' });
  await pattern('Y-{SEQ}');
  expect((await ok(lattice, user.token, ISSUE, { id: next })).issueInvoice.number).toBe('Y-2');
});

test('totals stay exact past 2^53 minor units', async () => {
  const { lattice } = world;
  const user = await newCustomer(lattice);
  const big = { description: 'Big', quantity: '900000', unitPrice: '9999999999', taxRate: '0' };
  for (const lines of [[big, { description: 'One', quantity: '1', unitPrice: '1' }], [big]])
    await ok(lattice, user.token, CREATE, { input: { client: { name: 'Acme' }, currency: 'JPY', lines } });
  const { me } = await ok(lattice, user.token, '{ me { invoiceTotals { status currency count total } } }');
  // 8999999999100001 + 8999999999100000, beyond any float's exact range
  expect(me.invoiceTotals).toEqual([
    { status: 'DRAFT', currency: 'JPY', count: 2, total: '17999999998200001' },
  ]);
});

test("no user reads, changes, issues or downloads another user's invoice, by any path", async () => {
  const { lattice } = world;
  const owner = await newCustomer(lattice);
  const other = await newCustomer(lattice);
  const draft = (await ok(lattice, owner.token, CREATE, { input: typedDraft() })).createInvoiceDraft.id;
  const issued = (await ok(lattice, owner.token, CREATE, { input: typedDraft('Beta Ltd') }))
    .createInvoiceDraft.id;
  await ok(lattice, owner.token, ISSUE, { id: issued });

  expect((await ok(lattice, other.token, INVOICE, { id: issued })).invoice).toBeNull();
  const attempts = [
    [ISSUE, { id: draft }],
    ['mutation($id: ID!) { deleteInvoice(id: $id) }', { id: draft }],
    ['mutation($id: ID!) { updateInvoiceDraft(id: $id, input: { notes: "x" }) { id } }', { id: draft }],
    ['mutation($id: ID!) { regenerateInvoice(id: $id) { id } }', { id: draft }],
    ['mutation($id: ID!) { voidInvoice(id: $id, reason: "mine now") { id } }', { id: issued }],
    ['mutation($id: ID!) { markInvoicePaid(id: $id) { id } }', { id: issued }],
  ] as const;
  for (const [query, variables] of attempts) {
    const answer = await gql(lattice, other.token, query, variables);
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }
  const { me } = await ok(lattice, other.token, MY_INVOICES);
  expect(me.invoices.edges).toEqual([]);

  // Straight to the subgraph, as the gateway would ask: another's invoice is null, their list forbidden.
  const entities = async (representations: unknown[], selection: string) =>
    (await postToSubgraph(
      lattice,
      'invoicing',
      {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
        variables: { r: representations },
      },
      { authorization: `Bearer ${other.token}` },
    ).then((response) => response.json())) as any;
  const invoice = await entities([{ __typename: 'Invoice', id: issued }], '... on Invoice { id total }');
  expect(invoice.data._entities).toEqual([null]);
  const list = await entities(
    [{ __typename: 'User', id: owner.id }],
    '... on User { invoices { edges { node { id } } } }',
  );
  expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

  // The PDF is the owner's media alone.
  const { invoice: mine } = await ok(lattice, owner.token, INVOICE, { id: issued });
  const media = await gql(lattice, other.token, 'query($id: ID!) { media(id: $id) { id url } }', {
    id: mine.pdf.id,
  });
  expect(media.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

  // Still the owner's, unchanged.
  const { invoice: after } = await ok(lattice, owner.token, INVOICE, { id: draft });
  expect(after).toMatchObject({ status: 'DRAFT', notes: null });
});

test('bad input is refused with the field, changing nothing', async () => {
  const { lattice } = world;
  const user = await newCustomer(lattice);
  const line = typedDraft().lines[0]!;
  const cases: [Record<string, unknown>, string][] = [
    [{ ...typedDraft(), lines: [{ ...line, unitPrice: '-1' }] }, 'input.lines.0.unitPrice'],
    [{ ...typedDraft(), lines: [{ ...line, unitPrice: '1e3' }] }, 'input.lines.0.unitPrice'],
    [{ ...typedDraft(), lines: [{ ...line, quantity: '0' }] }, 'input.lines.0.quantity'],
    [{ ...typedDraft(), lines: [{ ...line, taxRate: '100.01' }] }, 'input.lines.0.taxRate'],
    [{ ...typedDraft(), currency: 'ABC' }, 'input.currency'],
    [{ ...typedDraft(), client: { name: ' \u200b ' } }, 'input.client.name'],
    [{ ...typedDraft(), dueDate: '2026-02-30' }, 'input.dueDate'],
    [{ ...typedDraft(), lines: Array.from({ length: 101 }, () => line) }, 'input.lines'],
    [
      { ...typedDraft(), lines: [{ ...line, quantity: '1000000', unitPrice: '9999999999.99' }] },
      'input.lines',
    ],
  ];
  for (const [input, field] of cases) {
    const answer = await gql(lattice, user.token, CREATE, { input });
    expect({ field, extensions: answer.errors?.[0]?.extensions }).toMatchObject({
      field,
      extensions: { code: 'BAD_USER_INPUT', field },
    });
  }
  for (const id of ['not-a-uuid', '00000000-0000-0000-0000-000000000000'])
    expect((await gql(lattice, user.token, ISSUE, { id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const pattern = await gql(
    lattice,
    user.token,
    'mutation { updateInvoiceSettings(input: { numberPattern: "INV-{YYYY}" }) { numberPattern } }',
  );
  expect(pattern.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'input.numberPattern',
  });
  const { me } = await ok(lattice, user.token, MY_INVOICES);
  expect(me.invoices.edges).toEqual([]);
});

test('the AI limit stops a draft before the model is asked', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  openai.reset();
  // A draft asks for some 530 tokens before the call: the first fits the plan's 700, the next
  // cannot once the first's are spent, and is refused before the model hears of it.
  openai.reply(
    JSON.stringify({
      ...typedDraft(),
      client: { name: 'Acme', email: null, address: null, taxId: null },
      dueDate: null,
      notes: null,
      lines: [{ ...typedDraft().lines[0], unit: null }],
    }),
  );
  await ok(
    lattice,
    user.token,
    'mutation($t: String!) { draftInvoiceFromTranscript(transcript: $t) { id } }',
    {
      t: 'One hour of consulting for Acme at 100 euros plus 20% VAT.',
    },
  );
  const calls = openai.requestCount('POST /v1/chat/completions');
  const refused = await gql(
    lattice,
    user.token,
    'mutation($t: String!) { draftInvoiceFromTranscript(transcript: $t) { id } }',
    {
      t: 'Another hour for Acme.',
    },
  );
  expect(refused.errors?.[0]?.extensions?.code).toBe('QUOTA_EXCEEDED');
  expect(openai.requestCount('POST /v1/chat/completions')).toBe(calls);
});

test("a logo is one of the user's own images: another's (even public), or another type, is refused", async () => {
  const { lattice } = world;
  const owner = await newCustomer(lattice);
  const other = await newCustomer(lattice);
  const image = await uploadFile(lattice, owner.token, {
    filename: 'logo.png',
    contentType: 'image/png',
    bytes: await sharp({ create: { width: 40, height: 20, channels: 3, background: '#000' } })
      .png()
      .toBuffer(),
  });
  const text = await uploadFile(lattice, other.token, {
    filename: 'logo.txt',
    contentType: 'text/plain',
    bytes: new TextEncoder().encode('not a logo'),
  });
  // Public once it is the owner's avatar: readable by anyone, still nobody else's logo.
  await ok(lattice, owner.token, 'mutation($id: ID) { setAvatar(mediaId: $id) { id } }', { id: image.id });
  const setLogo = (token: string, id: string) =>
    gql(
      lattice,
      token,
      'mutation($i: UpdateBusinessContextInput!) { updateBusinessContext(input: $i) { logo { id } } }',
      {
        i: { logoMediaId: id },
      },
    );
  for (const [token, id] of [
    [other.token, image.id],
    [other.token, text.id],
  ] as const)
    expect((await setLogo(token, id)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.logoMediaId',
    });
  const { me } = await ok(lattice, other.token, '{ me { businessContext { logo { id } } } }');
  expect(me.businessContext?.logo ?? null).toBeNull();
  expect((await setLogo(owner.token, image.id)).data.updateBusinessContext.logo).toEqual({ id: image.id });
});
