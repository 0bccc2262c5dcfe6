import OpenAI from 'openai';
import sharp from 'sharp';
import { startOpenAISimulator } from '../src';
import { rejection, startHarness, type Harness } from './support';

/** Azure OpenAI's wire shape, through the SDK's own `AzureOpenAI`. */
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ deployments: { 'chat-prod': 'gpt-4o-mini', 'images-prod': 'gpt-image-1' } });
});
afterAll(() => harness.simulator.close());
beforeEach(() => harness.simulator.reset());

const CHAT = 'POST /openai/deployments/:deployment/chat/completions';
const IMAGES = 'POST /openai/deployments/:deployment/images/generations';
const messages = [{ role: 'user' as const, content: 'one two three' }];

/** A raw request to the simulator (what the SDK would never send). */
async function raw(path: string, headers: Record<string, string>, body: unknown = { messages }) {
  const response = await fetch(`${harness.simulator.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as unknown, headers: response.headers };
}

describe('Azure OpenAI routes', () => {
  it('answers a chat completion on the deployment named by the model, with api-version and api-key', async () => {
    const { data, response } = await harness
      .azure()
      .chat.completions.create({ model: 'gpt-4o', messages })
      .withResponse();
    expect(data.choices[0]!.message.content).toBe('You said: one two three');
    expect(data).toMatchObject({ model: 'gpt-4o', usage: { prompt_tokens: 3, completion_tokens: 6 } });
    // Azure's extras: content-filter results, its own headers.
    expect(data).toMatchObject({ prompt_filter_results: [{ prompt_index: 0 }] });
    expect(response.headers.get('apim-request-id')).toBeTruthy();
    expect(response.headers.get('x-lattice-simulator')).toBe('openai');
    expect(harness.simulator.requests()).toMatchObject([
      {
        method: 'POST',
        path: '/openai/deployments/gpt-4o/chat/completions',
        kind: CHAT,
        deployment: 'gpt-4o',
        model: 'gpt-4o',
        apiVersion: '2024-10-21',
        credential: { header: 'api-key', value: 'azure-test-key' },
        status: 200,
      },
    ]);
    expect(harness.simulator.requestCount(CHAT)).toBe(1);
  });

  it('serves the deployment given to the client, whatever the body names, streaming with usage', async () => {
    const stream = await harness.azure({ deployment: 'chat-prod' }).chat.completions.create({
      model: 'ignored-by-azure',
      messages,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    // Azure's first chunk has no choices: the prompt's content-filter results.
    expect(chunks[0]).toMatchObject({ choices: [], prompt_filter_results: [{ prompt_index: 0 }] });
    const text = chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe('You said: one two three');
    expect(chunks.at(-1)).toMatchObject({
      choices: [],
      model: 'gpt-4o-mini',
      usage: { prompt_tokens: 3, completion_tokens: 6, total_tokens: 9 },
    });
    expect(harness.simulator.requests()).toMatchObject([
      { kind: CHAT, deployment: 'chat-prod', model: 'gpt-4o-mini', stream: true, status: 200 },
    ]);
  });

  it('generates base64 images on an image deployment', async () => {
    const response = await harness
      .azure({ deployment: 'images-prod' })
      .images.generate({ model: 'gpt-image-1', prompt: 'a red fox', size: '1536x1024' });
    const image = Buffer.from(response.data![0]!.b64_json!, 'base64');
    expect(await sharp(image).metadata()).toMatchObject({ width: 1536, height: 1024, format: 'png' });
    expect(harness.simulator.requests()).toMatchObject([
      {
        path: '/openai/deployments/images-prod/images/generations',
        kind: IMAGES,
        deployment: 'images-prod',
        model: 'gpt-image-1',
        apiVersion: '2024-10-21',
        status: 200,
      },
    ]);
  });

  it('takes a Microsoft Entra ID bearer token instead of a key', async () => {
    const openai = harness.azure({ azureADTokenProvider: async () => 'entra-token' });
    await expect(openai.chat.completions.create({ model: 'gpt-4o-mini', messages })).resolves.toMatchObject({
      object: 'chat.completion',
    });
    expect(harness.simulator.requests()).toMatchObject([
      { credential: { header: 'authorization', value: 'entra-token' }, status: 200 },
    ]);
  });

  it('injects faults as on OpenAI, in Azure shape: a 429 retried, a cut stream, a hang', async () => {
    harness.simulator.failNext({ status: 429, retryAfterSeconds: 0.05 });
    const answer = await harness
      .azure({ maxRetries: 1 })
      .chat.completions.create({ model: 'gpt-4o', messages });
    expect(answer.choices[0]!.message.content).toBe('You said: one two three');
    expect(harness.simulator.requests().map((entry) => entry.status)).toEqual([429, 200]);

    harness.simulator.failNext({ status: 429, retryAfterSeconds: 2 });
    const limited = await rejection(harness.azure().chat.completions.create({ model: 'gpt-4o', messages }));
    expect(limited).toBeInstanceOf(OpenAI.RateLimitError);
    expect(limited.code).toBe('429');
    expect(limited.message).toMatch(
      /ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21/,
    );
    expect(limited.headers.get('retry-after')).toBe('2');

    harness.simulator.cutStreamAfter(2);
    const stream = await harness.azure().chat.completions.create({ model: 'gpt-4o', messages, stream: true });
    const seen: string[] = [];
    const cut = await rejection(
      (async () => {
        for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? '');
      })(),
    );
    expect(String(cut)).toMatch(/terminated/);
    expect(seen.join('')).toBe('You said');

    harness.simulator.hangNext();
    const hung = await rejection(
      harness.azure({ timeout: 300 }).images.generate({ model: 'gpt-image-1', prompt: 'a cat' }),
    );
    expect(hung).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
  });
});

describe('Azure refusals', () => {
  const chatPath = '/openai/deployments/gpt-4o-mini/chat/completions';

  it('refuses a request without an api-key header or bearer token: 401 in Azure shape', async () => {
    const answer = await raw(`${chatPath}?api-version=2024-10-21`, {});
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      error: {
        code: '401',
        message: expect.stringMatching(/^Access denied due to invalid subscription key/),
      },
    });
    // An OpenAI key header is no Azure credential, and an Azure api-key is no OpenAI one.
    expect((await raw(`${chatPath}?api-version=2024-10-21`, { 'x-api-key': 'k' })).status).toBe(401);
    expect(
      (await raw('/v1/chat/completions', { 'api-key': 'k' }, { model: 'gpt-4o-mini', messages })).status,
    ).toBe(401);
    expect(harness.simulator.requests()).toMatchObject([
      { kind: CHAT, credential: undefined, status: 401 },
      { kind: CHAT, credential: undefined, status: 401 },
      { kind: 'POST /v1/chat/completions', credential: undefined, status: 401 },
    ]);
  });

  it('refuses a request without api-version: 404 Resource not found, as Azure does; a malformed one 400', async () => {
    const missing = await raw(chatPath, { 'api-key': 'k' });
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: '404', message: 'Resource not found' } });
    const malformed = await raw(`${chatPath}?api-version=latest`, { 'api-key': 'k' });
    expect(malformed).toMatchObject({
      status: 400,
      body: { error: { code: 'BadRequest', message: 'API version not supported' } },
    });
    expect(harness.simulator.requests()).toMatchObject([
      { kind: CHAT, deployment: 'gpt-4o-mini', apiVersion: undefined, status: 404 },
      { kind: CHAT, apiVersion: 'latest', status: 400 },
    ]);
  });

  it('refuses an unknown deployment (DeploymentNotFound) and an unknown Azure URL (Resource not found)', async () => {
    const error = await rejection(
      harness.azure({ deployment: 'nowhere' }).chat.completions.create({ model: 'gpt-4o', messages }),
    );
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'DeploymentNotFound' });
    const unknown = await raw('/openai/deployments/gpt-4o/embeddings?api-version=2024-10-21', {
      'api-key': 'k',
    });
    expect(unknown).toMatchObject({
      status: 404,
      body: { error: { code: '404', message: 'Resource not found' } },
    });
  });

  it('checks the request itself as on OpenAI: a chat deployment cannot draw', async () => {
    const error = await rejection(
      harness.azure({ deployment: 'chat-prod' }).images.generate({ model: 'gpt-image-1', prompt: 'a cat' }),
    );
    expect(error).toMatchObject({ status: 400, param: 'model', code: 'invalid_value' });
  });

  it('refuses deployments of models it does not serve', async () => {
    await expect(startOpenAISimulator({ deployments: { prod: 'gpt-5' } })).rejects.toThrow(RangeError);
    await expect(startOpenAISimulator({ deployments: { 'a/b': 'gpt-4o' } })).rejects.toThrow(RangeError);
  });
});
