import OpenAI from 'openai';
import { rejection, startHarness, type Harness } from './support';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.simulator.close());

const messages = [
  { role: 'system' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'Hello there, simulator!' },
];
// "Be brief." is 3 tokens, "Hello there, simulator!" 5; "You said: Hello there, simulator!" 8.
const PROMPT_TOKENS = 8;
const ANSWER = 'You said: Hello there, simulator!';

describe('models', () => {
  it('lists the configured models and retrieves one', async () => {
    const openai = harness.client();
    const ids: string[] = [];
    for await (const model of openai.models.list()) ids.push(model.id);
    expect(ids).toEqual(['gpt-4o-mini', 'gpt-4o', 'gpt-image-1', 'whisper-1', 'gpt-4o-mini-transcribe']);
    expect(await openai.models.retrieve('gpt-4o')).toMatchObject({ id: 'gpt-4o', object: 'model' });
    const missing = await rejection(openai.models.retrieve('gpt-9'));
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
  });
});

describe('chat completions', () => {
  it('answers a non-streamed completion with usage, marked as simulated', async () => {
    const { data: completion, response } = await harness
      .client()
      .chat.completions.create({ model: 'gpt-4o-mini', messages })
      .withResponse();
    expect(response.headers.get('x-lattice-simulator')).toBe('openai');
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expect(response.headers.get('x-ratelimit-remaining-requests')).toMatch(/^\d+$/);
    expect(completion).toMatchObject({
      object: 'chat.completion',
      model: 'gpt-4o-mini',
      choices: [{ index: 0, message: { role: 'assistant', content: ANSWER }, finish_reason: 'stop' }],
      usage: { prompt_tokens: PROMPT_TOKENS, completion_tokens: 8, total_tokens: PROMPT_TOKENS + 8 },
    });
    expect(completion.id).toMatch(/^chatcmpl-/);
  });

  it('streams word-sized deltas that concatenate to the answer, then the usage chunk', async () => {
    const stream = await harness.client().chat.completions.create({
      model: 'gpt-4o',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const deltas = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta.content ?? ''));
    expect(deltas.join('')).toBe(ANSWER);
    expect(deltas.filter((delta) => delta !== '')).toEqual([
      'You',
      ' said',
      ':',
      ' Hello',
      ' there',
      ',',
      ' simulator',
      '!',
    ]);
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('stop');
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({
      prompt_tokens: PROMPT_TOKENS,
      completion_tokens: 8,
      total_tokens: 16,
    });
    expect(chunks.slice(0, -1).every((chunk) => chunk.usage === null)).toBe(true);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
  });

  it('streams without a usage chunk unless asked', async () => {
    const stream = await harness
      .client()
      .chat.completions.create({ model: 'gpt-4o', messages, stream: true });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.every((chunk) => chunk.choices.length === 1 && chunk.usage === undefined)).toBe(true);
  });

  it('cuts the answer at max_tokens (or max_completion_tokens) with finish_reason length', async () => {
    const openai = harness.client();
    const cut = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 3 });
    expect(cut.choices[0]).toMatchObject({ message: { content: 'You said:' }, finish_reason: 'length' });
    expect(cut.usage).toMatchObject({ completion_tokens: 3 });

    const stream = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages,
      max_completion_tokens: 4,
      stream: true,
    });
    let text = '';
    let finish: string | null = null;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect({ text, finish }).toEqual({ text: 'You said: Hello', finish: 'length' });
    // The whole answer fits: stop.
    const whole = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 8 });
    expect(whole.choices[0]!.finish_reason).toBe('stop');
  });

  it('answers the scripted replies first, in order', async () => {
    const openai = harness.client();
    harness.simulator.reply('First.');
    harness.simulator.replies(['Second one.', 'Third']);
    const answers: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages });
      answers.push(completion.choices[0]!.message.content!);
    }
    expect(answers).toEqual(['First.', 'Second one.', 'Third', ANSWER]);
  });

  it('refuses a request without an API key (401, AuthenticationError) and records it', async () => {
    const openai = harness.client({ defaultHeaders: { Authorization: null } });
    const error = await rejection(openai.chat.completions.create({ model: 'gpt-4o', messages }));
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.error).toMatchObject({ type: 'invalid_request_error', param: null, code: null });
    expect(harness.simulator.requests()).toMatchObject([
      { method: 'POST', path: '/v1/chat/completions', model: 'gpt-4o', status: 401 },
    ]);
  });

  it('answers 404 model_not_found for an unknown model, and refuses an image model', async () => {
    const openai = harness.client();
    const error = await rejection(openai.chat.completions.create({ model: 'gpt-0', messages }));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'model_not_found', type: 'invalid_request_error' });
    expect(error.message).toContain('gpt-0');
    const image = await rejection(openai.chat.completions.create({ model: 'gpt-image-1', messages }));
    expect(image).toMatchObject({ status: 404, param: 'model' });
  });

  it('refuses bad parameters in OpenAI error shape', async () => {
    const openai = harness.client();
    const empty = await rejection(openai.chat.completions.create({ model: 'gpt-4o', messages: [] }));
    expect(empty).toBeInstanceOf(OpenAI.BadRequestError);
    expect(empty).toMatchObject({ param: 'messages', code: 'empty_array' });
    const zero = await rejection(
      openai.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 0 }),
    );
    expect(zero).toMatchObject({ status: 400, param: 'max_tokens', code: 'integer_below_min_value' });
  });

  it('serves 50 concurrent streams, each complete and its own', async () => {
    const openai = harness.client();
    harness.simulator.delay({ perTokenMs: 5 });
    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, index) => {
        const stream = await openai.chat.completions.create({
          model: 'gpt-4o-mini',
          messages: [{ role: 'user', content: `Stream number ${index} here.` }],
          stream: true,
          stream_options: { include_usage: true },
        });
        let text = '';
        let usage: OpenAI.CompletionUsage | null | undefined;
        for await (const chunk of stream) {
          text += chunk.choices[0]?.delta.content ?? '';
          usage = chunk.usage ?? usage;
        }
        return { text, usage };
      }),
    );
    results.forEach(({ text, usage }, index) => {
      expect(text).toBe(`You said: Stream number ${index} here.`);
      expect(usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 8 });
    });
    expect(harness.simulator.requestCount('POST /v1/chat/completions')).toBe(50);
  });
});
