import OpenAI from 'openai';
import { countTokens } from '../src';
import { rejection, startHarness, type Harness } from './support';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.simulator.close());

const messages = [{ role: 'user' as const, content: 'Read this invoice.' }];
const today = new Date().toISOString().slice(0, 10);

const invoiceSchema = {
  type: 'object',
  properties: {
    vendor: { type: 'string' },
    code: { type: 'string', maxLength: 5 },
    amount: { type: 'string', pattern: '^\\d+\\.\\d{2}$' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    issued: { type: 'string', format: 'date' },
    contact: { type: 'string', format: 'email' },
    status: { type: 'string', enum: ['paid', 'open'] },
    quantity: { type: 'integer', minimum: 3 },
    rate: { type: 'number' },
    urgent: { type: 'boolean' },
    note: { type: ['string', 'null'] },
    due: { anyOf: [{ type: 'null' }, { type: 'string', format: 'date' }] },
    lines: { type: 'array', minItems: 2, items: { $ref: '#/$defs/line' } },
  },
  required: ['vendor', 'code', 'amount', 'currency', 'issued', 'contact', 'status'],
  additionalProperties: false,
  $defs: {
    line: {
      type: 'object',
      properties: { label: { type: 'string' }, cents: { type: 'integer' } },
      required: ['label', 'cents'],
      additionalProperties: false,
    },
  },
};

const format = {
  type: 'json_schema' as const,
  json_schema: { name: 'invoice', schema: invoiceSchema, strict: true },
};

const expected = {
  vendor: 'Simulated vendor',
  code: 'Simul',
  amount: '1.00',
  currency: 'USD',
  issued: today,
  contact: 'simulated@example.com',
  status: 'paid',
  quantity: 3,
  rate: 1,
  urgent: true,
  note: 'Simulated note',
  due: today,
  lines: [
    { label: 'Simulated label', cents: 1 },
    { label: 'Simulated label', cents: 1 },
  ],
};

describe('structured outputs', () => {
  it('answers a document built from the json_schema when nothing is scripted, with usage', async () => {
    const completion = await harness
      .client()
      .chat.completions.parse({ model: 'gpt-4o-mini', messages, response_format: format });
    const message = completion.choices[0]!.message;
    expect(message.parsed).toEqual(expected);
    expect(message.content).toBe(JSON.stringify(expected));
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.usage).toMatchObject({
      prompt_tokens: 4,
      completion_tokens: countTokens(message.content!),
      total_tokens: 4 + countTokens(message.content!),
    });
  });

  it('answers scripted replies as they are, valid JSON or not', async () => {
    const openai = harness.client();
    harness.simulator.replies(['{"vendor":"ACME"}', '{"vendor": "ACME", oops']);
    const create = () =>
      openai.chat.completions.create({ model: 'gpt-4o', messages, response_format: format });
    expect((await create()).choices[0]!.message.content).toBe('{"vendor":"ACME"}');
    const broken = await create();
    expect(broken.choices[0]!.message.content).toBe('{"vendor": "ACME", oops');
    expect(broken.usage!.completion_tokens).toBe(countTokens('{"vendor": "ACME", oops'));
    // The script is used up: back to the schema.
    expect(JSON.parse((await create()).choices[0]!.message.content!)).toEqual(expected);
  });

  it('streams the same document in token deltas, with usage', async () => {
    const stream = await harness.client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      response_format: format,
      stream: true,
      stream_options: { include_usage: true },
    });
    const deltas: string[] = [];
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta.content;
      if (content) deltas.push(content);
      usage = chunk.usage ?? usage;
    }
    const text = JSON.stringify(expected);
    expect(deltas.join('')).toBe(text);
    expect(deltas.length).toBe(countTokens(text));
    expect(usage).toMatchObject({ prompt_tokens: 4, completion_tokens: countTokens(text) });
  });

  it('resolves recursive $refs (definitions too) and stops at a bounded depth', async () => {
    const node = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        children: { type: 'array', items: { $ref: '#/definitions/node' } },
        parent: { anyOf: [{ $ref: '#/definitions/node' }, { type: 'null' }] },
      },
      required: ['name', 'children', 'parent'],
      additionalProperties: false,
    };
    const completion = await harness.client().chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'tree', schema: { $ref: '#/definitions/node', definitions: { node } } },
      },
    });
    const tree = JSON.parse(completion.choices[0]!.message.content!);
    expect(tree.name).toBe('Simulated name');
    expect(tree.children[0].name).toBe('Simulated name');
    expect(JSON.stringify(tree)).toContain('"children":[]');
    expect(JSON.stringify(tree)).toContain('"parent":null');
  });

  it("answers {} for json_object, which needs the word 'json' in the messages", async () => {
    const openai = harness.client();
    const refused = await rejection(
      openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages,
        response_format: { type: 'json_object' },
      }),
    );
    expect(refused).toBeInstanceOf(OpenAI.BadRequestError);
    expect(refused).toMatchObject({ status: 400, param: 'messages', type: 'invalid_request_error' });

    const asked = [{ role: 'user' as const, content: 'Answer in JSON.' }];
    const empty = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: asked,
      response_format: { type: 'json_object' },
    });
    expect(empty.choices[0]!.message.content).toBe('{}');
    harness.simulator.reply('{"ok":true}');
    const scripted = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: asked,
      response_format: { type: 'json_object' },
    });
    expect(scripted.choices[0]!.message.content).toBe('{"ok":true}');
  });

  it('cuts the document at max_tokens like any answer', async () => {
    const completion = await harness
      .client()
      .chat.completions.create({ model: 'gpt-4o-mini', messages, response_format: format, max_tokens: 3 });
    expect(completion.choices[0]).toMatchObject({
      message: { content: '{"vendor' },
      finish_reason: 'length',
    });
  });

  it('refuses a malformed response_format in OpenAI error shape', async () => {
    const openai = harness.client();
    const create = (response_format: unknown) =>
      rejection(
        openai.chat.completions.create({
          model: 'gpt-4o-mini',
          messages,
          response_format: response_format as OpenAI.ResponseFormatText,
        }),
      );
    expect(await create({ type: 'xml' })).toMatchObject({
      status: 400,
      param: 'response_format.type',
      code: 'invalid_value',
    });
    expect(await create({ type: 'json_schema' })).toMatchObject({
      status: 400,
      param: 'response_format.json_schema',
      code: 'missing_required_parameter',
    });
    expect(
      await create({ type: 'json_schema', json_schema: { name: 'has space', schema: {} } }),
    ).toMatchObject({ status: 400, param: 'response_format.json_schema.name', code: 'invalid_value' });
    // Text is the default, answered as before.
    const text = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      response_format: { type: 'text' },
    });
    expect(text.choices[0]!.message.content).toBe('You said: Read this invoice.');
  });
});
