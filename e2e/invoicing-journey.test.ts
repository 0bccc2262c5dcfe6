import sharp from 'sharp';
import { waitFor } from '@lattice/testkit';
import type { AiLattice } from './support/ai';
import { newCustomer } from './support/billing';
import { DRAFT, gql, ISSUE, issuedPdf, MY_INVOICES, ok, startInvoicingLattice } from './support/invoicing';
import { uploadFile } from './support/media';

// The issue's journey through the gateway, the local OpenAI-compatible server answering:
// transcript → draft with exact totals → issue → the PDF downloaded and read (number, client,
// total) → accounts' frequent clients and common services learn from it, and the tokens
// count against the user's AI limit.
let world: AiLattice;
beforeAll(async () => {
  world = await startInvoicingLattice();
}, 60_000);
afterAll(() => world?.stop());

const TRANSCRIPT =
  'Invoice Acme GmbH for ten hours of website design at 85.50 an hour and a year of hosting, ' +
  'the usual 120. German VAT. Thank them for the work.';

const MODEL_DRAFT = {
  client: {
    name: 'Acme GmbH',
    email: 'billing@acme.example',
    address: 'Hauptstraße 1\n10115 Berlin',
    taxId: null,
  },
  currency: 'EUR',
  lines: [
    { description: 'Website design', quantity: '10', unit: 'hour', unitPrice: '85.50', taxRate: '19' },
    { description: 'Hosting (one year)', quantity: '1', unit: null, unitPrice: '120', taxRate: '19' },
  ],
  dueDate: null,
  notes: 'Thank you for the work.',
};

test('a transcript becomes an issued invoice with a readable PDF, and accounts learns the client', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  const logo = await uploadFile(lattice, user.token, {
    filename: 'logo.png',
    contentType: 'image/png',
    bytes: await sharp({ create: { width: 300, height: 120, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer(),
  });
  await ok(
    lattice,
    user.token,
    'mutation($i: UpdateBusinessContextInput!) { updateBusinessContext(input: $i) { companyName logo { id } } }',
    {
      i: {
        companyName: 'Pixel & Co',
        address: 'Torstraße 5, Berlin',
        taxId: 'DE123456789',
        defaultCurrency: 'EUR',
        logoMediaId: logo.id,
      },
    },
  );

  openai.reset();
  openai.reply(JSON.stringify(MODEL_DRAFT));
  const { draftInvoiceFromTranscript: draft } = await ok(lattice, user.token, DRAFT, { t: TRANSCRIPT });
  expect(draft).toMatchObject({
    status: 'DRAFT',
    number: null,
    currency: 'EUR',
    // 10 × 85.50 + 120 = 975.00; 19% of 975.00 = 185.25
    subtotal: '975.00',
    taxes: [{ rate: '19', base: '975.00', amount: '185.25' }],
    tax: '185.25',
    total: '1160.25',
    transcript: TRANSCRIPT,
    client: { name: 'Acme GmbH', email: 'billing@acme.example' },
    draftedBy: { simulated: true },
  });
  expect(draft.lines.map((line: { amount: string }) => line.amount)).toEqual(['855.00', '120.00']);
  expect(draft.draftedBy.promptTokens).toBeGreaterThan(0);

  // The model was asked for the schema, with the business context to fill gaps.
  const [request] = openai.requests().filter((seen) => seen.kind === 'POST /v1/chat/completions');
  const body = request!.body as { response_format: any; messages: { role: string; content: string }[] };
  expect(body.response_format).toMatchObject({
    type: 'json_schema',
    json_schema: { name: 'invoice_draft', strict: true },
  });
  expect(body.messages[0]!.content).toContain('Pixel & Co');
  expect(body.messages[1]!.content).toBe(TRANSCRIPT);

  const { issueInvoice: issued } = await ok(lattice, user.token, ISSUE, { id: draft.id });
  const year = new Date().toISOString().slice(0, 4);
  expect(issued).toMatchObject({ status: 'ISSUED', number: `INV-${year}-0001`, total: '1160.25' });
  expect(issued.issueDate).toBe(new Date().toISOString().slice(0, 10));
  expect(issued.dueDate > issued.issueDate).toBe(true); // 30 days of payment terms

  const { bytes, text } = await issuedPdf(lattice, user.token, draft.id);
  expect(Buffer.from(bytes).toString('latin1')).toContain('/Subtype /Image'); // the logo
  expect(text).toContain(`INV-${year}-0001`);
  expect(text).toContain('Acme GmbH');
  expect(text).toContain('Pixel & Co');
  expect(text).toContain('EUR 1,160.25');

  // Accounts learns the client and the services from the issued invoice (an event, not a call).
  const context = await waitFor(async () => {
    const { me } = await ok(
      lattice,
      user.token,
      `{ me { businessContext {
        frequentClients { edges { node { name email } } }
        commonServices { edges { node { description unitPrice unit } } } } } }`,
    );
    return me.businessContext.frequentClients.edges.length ? me.businessContext : undefined;
  });
  expect(context.frequentClients.edges.map((edge: any) => edge.node)).toEqual([
    { name: 'Acme GmbH', email: 'billing@acme.example' },
  ]);
  expect(context.commonServices.edges.map((edge: any) => edge.node)).toEqual([
    { description: 'Website design', unitPrice: '85.50', unit: 'hour' },
    { description: 'Hosting (one year)', unitPrice: '120.00', unit: null },
  ]);

  // The tokens count against the user's AI limit, as billing sees it.
  const used = await waitFor(async () => {
    const { me } = await ok(lattice, user.token, '{ me { usage { meter used } } }');
    const tokens = me.usage.find((meter: { meter: string }) => meter.meter === 'aiTokens')?.used;
    return tokens > 0 ? tokens : undefined;
  });
  expect(used).toBe(draft.draftedBy.promptTokens + draft.draftedBy.completionTokens);

  const { me } = await ok(lattice, user.token, MY_INVOICES, { status: 'ISSUED', client: 'acme' });
  expect(me.invoices.edges.map((edge: any) => edge.node.number)).toEqual([`INV-${year}-0001`]);
  const totals = await ok(lattice, user.token, '{ me { invoiceTotals { status currency count total } } }');
  expect(totals.me.invoiceTotals).toEqual([
    { status: 'ISSUED', currency: 'EUR', count: 1, total: '1160.25' },
  ]);
});

test('a model answer that breaks the schema or the arithmetic is refused, and nothing is stored', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  const broken = [
    ['not JSON at all', 'content'],
    [JSON.stringify({ ...MODEL_DRAFT, lines: [] }), 'lines'],
    [
      JSON.stringify({ ...MODEL_DRAFT, lines: [{ ...MODEL_DRAFT.lines[0], quantity: 10 }] }),
      'lines.0.quantity',
    ],
    // A price of a tenth of a cent cannot be exact in EUR.
    [
      JSON.stringify({ ...MODEL_DRAFT, lines: [{ ...MODEL_DRAFT.lines[0], unitPrice: '85.505' }] }),
      'lines.0.unitPrice',
    ],
    [
      JSON.stringify({ ...MODEL_DRAFT, lines: [{ ...MODEL_DRAFT.lines[0], taxRate: '119' }] }),
      'lines.0.taxRate',
    ],
    [JSON.stringify({ ...MODEL_DRAFT, currency: 'EURO' }), 'currency'],
    [JSON.stringify({ ...MODEL_DRAFT, dueDate: '2020-01-01' }), 'dueDate'],
  ];
  for (const [answer, field] of broken) {
    openai.reply(answer!);
    const { errors } = await gql(lattice, user.token, DRAFT, { t: TRANSCRIPT });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_MODEL_OUTPUT', field });
  }
  const { me } = await ok(lattice, user.token, MY_INVOICES);
  expect(me.invoices.edges).toEqual([]);
});

/** A WAV of `seconds` of silence (16 kHz, 16-bit mono): a real audio file for media's type check. */
function silentWav(seconds: number): Uint8Array {
  const rate = 16_000;
  const data = rate * 2 * seconds;
  const wav = Buffer.alloc(44 + data);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + data, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // block align
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36);
  wav.writeUInt32LE(data, 40);
  return new Uint8Array(wav);
}

const VOICE = `mutation($m: ID!, $l: String) { draftInvoiceFromVoiceNote(mediaId: $m, language: $l) {
  id status total transcript voiceNote { id } draftedBy { simulated }
} }`;

test('a voice note is transcribed by the provider, then drafted; only its owner can use it', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  const other = await newCustomer(lattice);
  const note = await uploadFile(lattice, user.token, {
    filename: 'acme.wav',
    contentType: 'audio/wav',
    bytes: silentWav(1),
  });
  expect(note.type).toBe('AUDIO');

  openai.reset();
  openai.transcript(TRANSCRIPT);
  openai.reply(JSON.stringify(MODEL_DRAFT));
  const { draftInvoiceFromVoiceNote: drafted } = await ok(lattice, user.token, VOICE, {
    m: note.id,
    l: 'en',
  });
  expect(drafted).toMatchObject({
    status: 'DRAFT',
    total: '1160.25',
    transcript: TRANSCRIPT,
    voiceNote: { id: note.id },
  });
  const [heard] = openai.requests().filter((seen) => seen.kind === 'POST /v1/audio/transcriptions');
  expect(heard!.body).toMatchObject({ language: 'en', file: { size: note.size } });
  const asked = openai.requests().find((seen) => seen.kind === 'POST /v1/chat/completions');
  expect((asked!.body as { messages: { content: string }[] }).messages[1]!.content).toBe(TRANSCRIPT);

  // Someone else's voice note is not found, and nothing reaches the provider.
  const before = openai.requests().length;
  const stolen = await gql(lattice, other.token, VOICE, { m: note.id });
  expect(stolen.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(openai.requests()).toHaveLength(before);
  // A file that is not audio is refused as such.
  const pdf = await uploadFile(lattice, user.token, {
    filename: 'not-audio.txt',
    contentType: 'text/plain',
    bytes: new TextEncoder().encode('ten hours for Acme'),
  });
  const notAudio = await gql(lattice, user.token, VOICE, { m: pdf.id });
  expect(notAudio.errors?.[0]?.extensions).toMatchObject({
    code: 'UNSUPPORTED_MEDIA_TYPE',
    field: 'mediaId',
  });
  expect(openai.requests()).toHaveLength(before);
});
