import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInternalClient, type InternalClient } from '@lattice/subgraph-kit';
import { ModelCatalogue } from '../src/providers/catalogue';
import { tokenCost } from '../src/service/money';
import { createStructuredCompletion, type StructuredCompletion } from '../src/service/structured';
import { type AiFixture, startAi } from './support/fixture';

/**
 * `POST /internal/structured-completions`: another service (invoicing) asks for a completion in
 * the shape of a JSON schema for one of its users, counted against that user's AI tokens.
 */
const SECRET = 'the-secret-ai-and-invoicing-share-here';
const LIMIT = 50_000;
const CHAT_CALLS = 'POST /v1/chat/completions';

let ai: AiFixture;
let client: InternalClient;

beforeAll(async () => {
  ai = await startAi({
    SUBGRAPH_SECRET: SECRET,
    PLANS: JSON.stringify({ free: { limits: { aiTokens: LIMIT } } }),
    AI_MAX_RETRIES: '1',
  });
  client = createInternalClient({
    service: 'ai',
    baseUrl: new URL(ai.fixture.subgraph.url).origin,
    secret: SECRET,
    caller: 'invoicing',
    timeoutMs: 15_000,
  });
});
afterAll(() => ai?.stop());
beforeEach(() => ai.openai.reset());

const INVOICE_SCHEMA = {
  type: 'object',
  properties: {
    client: { type: 'string' },
    lines: {
      type: 'array',
      items: {
        type: 'object',
        properties: { description: { type: 'string' }, amountCents: { type: 'integer' } },
        required: ['description', 'amountCents'],
        additionalProperties: false,
      },
    },
  },
  required: ['client', 'lines'],
  additionalProperties: false,
};

const request = (userId: string, overrides: Record<string, unknown> = {}) => ({
  userId,
  purpose: 'invoice-draft',
  instructions: 'Draft an invoice from the user text. Amounts in cents.',
  input: 'Bill Acme for two days of consulting at 800 EUR a day.',
  schema: { name: 'invoice_draft', schema: INVOICE_SCHEMA },
  ...overrides,
});

const complete = (input: unknown) =>
  client.call<StructuredCompletion>('/internal/structured-completions', input);

async function tokensUsed(userId: string) {
  const usage = await ai.runtime.meter.usage(ai.em(), userId);
  return usage.find((meter) => meter.meter === 'aiTokens')!.used;
}

test('answers the scripted JSON as content, with its tokens and cost, and counts them against aiTokens', async () => {
  const userId = randomUUID();
  const draft = JSON.stringify({
    client: 'Acme',
    lines: [{ description: 'Consulting, 2 days', amountCents: 160_000 }],
  });
  ai.openai.reply(draft);

  const answer = await complete(request(userId));

  expect(answer).toEqual({
    content: draft,
    refusal: null,
    finishReason: 'stop',
    provider: 'openai',
    model: 'gpt-4o-mini',
    simulated: true,
    promptTokens: expect.any(Number),
    completionTokens: expect.any(Number),
    costPicos: expect.any(Number),
  });
  expect(answer.promptTokens).toBeGreaterThan(0);
  expect(answer.completionTokens).toBeGreaterThan(0);
  const { prices } = ai.runtime.models.chat('gpt-4o-mini');
  expect(answer.costPicos).toBe(Number(tokenCost(answer.promptTokens, answer.completionTokens, prices)));
  expect(JSON.stringify(answer)).not.toContain('sk-lattice-simulator');

  // Counted against the same budget as chat, once.
  expect(await tokensUsed(userId)).toBe(answer.promptTokens + answer.completionTokens);

  // The provider was asked for the schema, strictly, with the instructions as the system message.
  const calls = ai.openai.requests().filter((call) => call.kind === CHAT_CALLS);
  expect(calls).toHaveLength(1);
  expect(calls[0]!.stream).toBe(false);
  expect(calls[0]!.body).toMatchObject({
    model: 'gpt-4o-mini',
    messages: [
      { role: 'system', content: request(userId).instructions },
      { role: 'user', content: request(userId).input },
    ],
    response_format: {
      type: 'json_schema',
      json_schema: { name: 'invoice_draft', schema: INVOICE_SCHEMA, strict: true },
    },
    max_completion_tokens: 2000,
  });
});

test('answers an answer cut at maxOutputTokens with finishReason "length", and an empty one as null content', async () => {
  const userId = randomUUID();
  ai.openai.replies([JSON.stringify({ client: 'A very long client name indeed', lines: [] }), '']);

  const cut = await complete(request(userId, { maxOutputTokens: 3 }));
  expect(cut).toMatchObject({ finishReason: 'length', completionTokens: 3 });
  expect(typeof cut.content).toBe('string');
  expect(ai.openai.requests()[0]!.body).toMatchObject({ max_completion_tokens: 3 });

  const empty = await complete(request(userId));
  expect(empty).toMatchObject({ content: null, refusal: null, completionTokens: 0 });
  expect(await tokensUsed(userId)).toBe(
    cut.promptTokens + cut.completionTokens + empty.promptTokens + empty.completionTokens,
  );
});

test('a user at the limit gets QUOTA_EXCEEDED with the meter details, and no provider call', async () => {
  const userId = randomUUID();
  await ai
    .em()
    .transactional((tx) =>
      ai.runtime.meter.record(tx, { userId, meter: 'aiTokens', amount: LIMIT, key: `seed:${userId}` }),
    );

  await expect(complete(request(userId))).rejects.toMatchObject({
    extensions: {
      code: 'QUOTA_EXCEEDED',
      meter: 'aiTokens',
      limit: LIMIT,
      used: LIMIT,
      requested: expect.any(Number),
    },
  });
  expect(ai.openai.requestCount()).toBe(0);
  expect(await tokensUsed(userId)).toBe(LIMIT);
});

test('refuses bad input with BAD_USER_INPUT naming the field, before any provider call', async () => {
  const userId = randomUUID();
  const bad: Array<[unknown, string]> = [
    ['not an object', 'userId'],
    [request('not-a-user'), 'userId'],
    [request(userId, { purpose: undefined }), 'purpose'],
    [request(userId, { purpose: 'Invoice Draft' }), 'purpose'],
    [request(userId, { instructions: '   ' }), 'instructions'],
    [request(userId, { instructions: 'x'.repeat(20_001) }), 'instructions'],
    [request(userId, { input: 42 }), 'input'],
    [request(userId, { input: 'y'.repeat(20_001) }), 'input'],
    [request(userId, { schema: undefined }), 'schema'],
    [request(userId, { schema: { name: 'has spaces', schema: INVOICE_SCHEMA } }), 'schema.name'],
    [request(userId, { schema: { name: 'n'.repeat(65), schema: INVOICE_SCHEMA } }), 'schema.name'],
    [request(userId, { schema: { name: 'invoice', schema: [INVOICE_SCHEMA] } }), 'schema.schema'],
    [request(userId, { schema: { name: 'invoice', schema: 'object' } }), 'schema.schema'],
    [
      request(userId, { schema: { name: 'invoice', schema: { description: 'z'.repeat(16 * 1024) } } }),
      'schema.schema',
    ],
    [request(userId, { maxOutputTokens: 0 }), 'maxOutputTokens'],
    [request(userId, { maxOutputTokens: 8193 }), 'maxOutputTokens'],
    [request(userId, { maxOutputTokens: 1.5 }), 'maxOutputTokens'],
    [request(userId, { maxOutputTokens: '100' }), 'maxOutputTokens'],
  ];
  for (const [input, field] of bad) {
    await expect(complete(input)).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field },
    });
  }
  expect(ai.openai.requestCount()).toBe(0);
  expect(await tokensUsed(userId)).toBe(0);
});

test('a provider failing past the retries is SERVICE_UNAVAILABLE (ai-provider), its 400 BAD_USER_INPUT; nothing is counted', async () => {
  const userId = randomUUID();
  ai.openai.failNext({ status: 503, times: 2 });
  await expect(complete(request(userId))).rejects.toMatchObject({
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      service: 'ai-provider',
      provider: 'openai',
      failure: 'provider_error',
    },
  });
  // Tried once, retried once (AI_MAX_RETRIES).
  expect(ai.openai.requestCount(CHAT_CALLS)).toBe(2);

  ai.openai.failNext({ status: 400, message: "Invalid schema for response_format 'invoice_draft'." });
  await expect(complete(request(userId))).rejects.toMatchObject({
    message: "The provider refused the request: Invalid schema for response_format 'invoice_draft'.",
    extensions: { code: 'BAD_USER_INPUT' },
  });
  expect(ai.openai.requestCount(CHAT_CALLS)).toBe(3);
  expect(await tokensUsed(userId)).toBe(0);
});

test('is refused without a signature, and to any other secret, before any provider call', async () => {
  const userId = randomUUID();
  const unsigned = await fetch(new URL('/internal/structured-completions', ai.fixture.subgraph.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request(userId)),
  });
  expect(unsigned.status).toBe(401);
  expect(await unsigned.json()).toMatchObject({ error: { code: 'SERVICE_SIGNATURE_REFUSED' } });

  const forged = createInternalClient({
    service: 'ai',
    baseUrl: new URL(ai.fixture.subgraph.url).origin,
    secret: 'not-the-secret-though-just-as-long!!!',
  });
  await expect(forged.call('/internal/structured-completions', request(userId))).rejects.toMatchObject({
    extensions: { code: 'SERVICE_UNAVAILABLE', service: 'ai' },
  });
  expect(ai.openai.requestCount()).toBe(0);
  expect(await tokensUsed(userId)).toBe(0);
});

test("a model's refusal is answered as refusal with null content, its tokens counted", async () => {
  // The simulator never refuses: a provider of one canned refusal stands in for it.
  const provider = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          id: 'chatcmpl-refused',
          object: 'chat.completion',
          created: 0,
          model: 'gpt-4o-mini',
          choices: [
            {
              index: 0,
              finish_reason: 'stop',
              message: { role: 'assistant', content: null, refusal: 'I cannot help with that.' },
            },
          ],
          usage: { prompt_tokens: 40, completion_tokens: 6, total_tokens: 46 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = provider.address() as AddressInfo;
    const models = new ModelCatalogue(
      [
        {
          id: 'canned',
          type: 'openai',
          apiKey: 'sk-canned',
          baseUrl: `http://127.0.0.1:${port}/v1`,
          models: [
            {
              id: 'gpt-4o-mini',
              kind: 'chat',
              contextWindow: 128_000,
              inputPricePerMillionTokens: '0.15',
              outputPricePerMillionTokens: '0.6',
            },
          ],
        },
      ],
      { timeoutMs: 5_000, log: ai.runtime.log },
    );
    const userId = randomUUID();
    const answer = await createStructuredCompletion(ai.em(), { ...ai.runtime, models }, request(userId));
    expect(answer).toMatchObject({
      content: null,
      refusal: 'I cannot help with that.',
      provider: 'canned',
      simulated: false,
      promptTokens: 40,
      completionTokens: 6,
    });
    expect(await tokensUsed(userId)).toBe(46);
  } finally {
    await new Promise((resolve) => provider.close(resolve));
  }
});
