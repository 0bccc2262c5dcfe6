import OpenAI from 'openai';
import { rejection, startHarness, type Harness } from './support';

let harness: Harness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(() => harness.simulator.close());

const request = {
  model: 'gpt-4o-mini',
  messages: [{ role: 'user' as const, content: 'one two three four five' }],
};

async function collect(stream: AsyncIterable<OpenAI.ChatCompletionChunk>, into: string[]): Promise<void> {
  for await (const chunk of stream) {
    const content = chunk.choices[0]?.delta.content;
    if (content) into.push(content);
  }
}

describe('fault injection', () => {
  it('answers 429 with retry-after, and the SDK retries until it succeeds', async () => {
    harness.simulator.failNext({ status: 429, times: 2, retryAfterSeconds: 0.05 });
    const { data, response } = await harness
      .client({ maxRetries: 2 })
      .chat.completions.create(request)
      .withResponse();
    expect(response.status).toBe(200);
    expect(data.choices[0]!.message.content).toBe('You said: one two three four five');
    const seen = harness.simulator.requests();
    expect(seen.map((entry) => entry.status)).toEqual([429, 429, 200]);
    expect(
      seen.every((entry) => entry.kind === 'POST /v1/chat/completions' && entry.model === 'gpt-4o-mini'),
    ).toBe(true);
  });

  it('shows a 429 in OpenAI shape with retry-after and rate-limit headers when retries are off', async () => {
    harness.simulator.failNext({ status: 429, retryAfterSeconds: 2 });
    const error = await rejection(harness.client().chat.completions.create(request));
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect(error).toMatchObject({ status: 429, type: 'requests', code: 'rate_limit_exceeded', param: null });
    expect(error.headers.get('retry-after')).toBe('2');
    expect(error.headers.get('retry-after-ms')).toBe('2000');
    expect(error.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(error.headers.get('x-ratelimit-reset-requests')).toBe('2s');
    expect(error.headers.get('x-lattice-simulator')).toBe('openai');
  });

  it('fails 500 twice: InternalServerError with maxRetries 0, then answers again', async () => {
    harness.simulator.failNext({ status: 500, times: 2 });
    const openai = harness.client({ maxRetries: 0 });
    for (let i = 0; i < 2; i += 1) {
      const error = await rejection(openai.chat.completions.create(request));
      expect(error).toBeInstanceOf(OpenAI.InternalServerError);
      expect(error).toMatchObject({ status: 500, type: 'server_error' });
    }
    await expect(openai.chat.completions.create(request)).resolves.toMatchObject({
      object: 'chat.completion',
    });
    expect(harness.simulator.requestCount('POST /v1/chat/completions')).toBe(3);
  });

  it('takes a custom type, code and message, and queues failures in order', async () => {
    harness.simulator.failNext({
      status: 429,
      type: 'insufficient_quota',
      code: 'insufficient_quota',
      message: 'No quota.',
    });
    harness.simulator.failNext({ status: 503 });
    const openai = harness.client();
    const quota = await rejection(openai.chat.completions.create(request));
    expect(quota).toMatchObject({ status: 429, type: 'insufficient_quota', code: 'insufficient_quota' });
    expect(quota.error.message).toBe('No quota.');
    const overloaded = await rejection(openai.models.list());
    expect(overloaded).toMatchObject({ status: 503, type: 'server_error' });
    await expect(openai.models.list()).resolves.toBeDefined();
  });

  it('destroys the connection mid-stream: the SDK iteration throws after the deltas sent', async () => {
    harness.simulator.cutStreamAfter(3);
    const stream = await harness.client().chat.completions.create({ ...request, stream: true });
    const deltas: string[] = [];
    const error = await rejection(collect(stream, deltas));
    // undici's "terminated" (the socket closed before the chunked body's end).
    expect(String(error)).toMatch(/terminated/);
    expect(deltas).toEqual(['You', ' said', ':']);
    // Only the next stream is cut.
    const next: string[] = [];
    await collect(await harness.client().chat.completions.create({ ...request, stream: true }), next);
    expect(next.join('')).toBe('You said: one two three four five');
  });

  it('delays the first token by firstTokenMs', async () => {
    harness.simulator.delay({ firstTokenMs: 300, perTokenMs: 10 });
    const started = Date.now();
    const stream = await harness.client().chat.completions.create({ ...request, stream: true });
    let firstDeltaAt: number | undefined;
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) firstDeltaAt ??= Date.now();
    }
    // Lower bounds only: a loaded machine may be slower, never faster.
    expect(firstDeltaAt! - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290 + 7 * 10 - 10);
  });

  it('hangs the next request: the SDK times out with APIConnectionTimeoutError', async () => {
    harness.simulator.hangNext();
    const openai = harness.client({ timeout: 500, maxRetries: 0 });
    const error = await rejection(openai.chat.completions.create(request));
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(harness.simulator.requests()).toMatchObject([
      { kind: 'POST /v1/chat/completions', status: undefined },
    ]);
    // The one after is answered.
    await expect(openai.chat.completions.create(request)).resolves.toMatchObject({
      object: 'chat.completion',
    });
  });

  it('resets faults, delays, scripted replies and the request log', async () => {
    const { simulator } = harness;
    simulator.failNext({ status: 500, times: 5 });
    simulator.hangNext();
    simulator.cutStreamAfter(1);
    simulator.delay({ firstTokenMs: 5000 });
    simulator.reply('Scripted.');
    await rejection(harness.client({ timeout: 200 }).models.list());
    expect(simulator.requestCount()).toBe(1);
    simulator.reset();
    expect(simulator.requestCount()).toBe(0);
    const answer = await harness.client().chat.completions.create(request);
    expect(answer.choices[0]!.message.content).toBe('You said: one two three four five');
  });

  it('refuses bad control arguments', () => {
    expect(() => harness.simulator.failNext({ status: 200 })).toThrow(RangeError);
    expect(() => harness.simulator.cutStreamAfter(-1)).toThrow(RangeError);
    expect(() => harness.simulator.delay({ firstTokenMs: Number.NaN })).toThrow(RangeError);
  });
});

describe('HTTP controls', () => {
  async function control(method: string, path: string, body?: unknown) {
    const response = await fetch(`${harness.simulator.url}/_simulator/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any, response };
  }

  it('drives the same controls over HTTP', async () => {
    const openai = harness.client();
    expect((await control('POST', 'fail-next', { status: 503, retryAfterSeconds: 1 })).status).toBe(200);
    expect(await rejection(openai.models.list())).toBeInstanceOf(OpenAI.InternalServerError);
    await control('POST', 'replies', { replies: ['A.', 'B.'] });
    await control('POST', 'reply', { text: 'C.' });
    const answers = [];
    for (let i = 0; i < 3; i += 1) {
      answers.push((await openai.chat.completions.create(request)).choices[0]!.message.content);
    }
    expect(answers).toEqual(['A.', 'B.', 'C.']);

    await control('POST', 'cut-stream-after', { deltas: 2 });
    const deltas: string[] = [];
    await rejection(collect(await openai.chat.completions.create({ ...request, stream: true }), deltas));
    expect(deltas).toHaveLength(2);

    const count = await control('GET', 'requests/count?kind=POST%20/v1/chat/completions');
    expect(count.body).toEqual({ kind: 'POST /v1/chat/completions', count: 4 });
    expect(count.response.headers.get('x-lattice-simulator')).toBe('openai');
    const all = await control('GET', 'requests');
    expect(all.body.data).toHaveLength(5);
    expect(all.body.data[4]).toMatchObject({ stream: true, body: { stream: true, model: 'gpt-4o-mini' } });

    await control('POST', 'hang-next', {});
    await control('POST', 'delay', { firstTokenMs: 0, perTokenMs: 0 });
    const timeout = await rejection(harness.client({ timeout: 300 }).models.list());
    expect(timeout).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);

    await control('POST', 'reset');
    expect((await control('GET', 'requests/count')).body.count).toBe(0);
  });

  it('refuses unknown controls and bad bodies', async () => {
    expect((await control('POST', 'nothing')).status).toBe(404);
    expect(await control('POST', 'fail-next', { status: 'x' })).toMatchObject({ status: 400 });
    expect(await control('POST', 'fail-next', { status: 302 })).toMatchObject({ status: 400 });
    expect(await control('POST', 'cut-stream-after', {})).toMatchObject({ status: 400 });
  });
});
