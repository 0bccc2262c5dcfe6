import { countTokens } from '@lattice/openai-simulator';
import { GeneratedImage } from '../src/entities';
import { watchReplies } from '../src/live/watch';
import type { StreamEvent } from '../src/live/reply-stream';
import { dollarsToPicos, picosToDollars } from '../src/service/money';
import { type AiFixture, startAi } from './support/fixture';

/**
 * An Azure OpenAI provider (`type: "azure"`, the SDK's `AzureOpenAI`) configured through
 * AI_PROVIDERS, end to end against the simulator's Azure routes: ai's model ids are the Azure
 * deployment names, which the simulated resource maps to its models.
 */
const API_KEY = 'azure-key-for-tests';
const API_VERSION = '2024-10-21';
const CHAT = 'POST /openai/deployments/:deployment/chat/completions';
const IMAGES = 'POST /openai/deployments/:deployment/images/generations';

let ai: AiFixture;
beforeAll(async () => {
  ai = await startAi(
    (openai) => ({
      AI_PROVIDERS: JSON.stringify([
        {
          id: 'azure',
          type: 'azure',
          apiKey: API_KEY,
          baseUrl: openai.url,
          apiVersion: API_VERSION,
          models: [
            {
              id: 'chat-prod',
              kind: 'chat',
              contextWindow: 128_000,
              inputPricePerMillionTokens: '0.15',
              outputPricePerMillionTokens: '0.6',
            },
            { id: 'images-prod', kind: 'image', pricePerImage: '0.042' },
          ],
        },
      ]),
    }),
    { deployments: { 'chat-prod': 'gpt-4o-mini', 'images-prod': 'gpt-image-1' } },
  );
});
afterAll(() => ai?.stop());
beforeEach(() => ai.openai.reset());
afterEach(() => ai.settle());

const MODELS = `{ models { id kind provider simulated } }`;
const CREATE = `mutation { createConversation(input: { title: "Azure" }) { id model } }`;
const SEND = `mutation($id: ID!, $content: String!) {
  sendMessage(conversationId: $id, content: $content) { id status model provider }
}`;
const MESSAGES = `query($id: ID!) {
  conversation(id: $id) {
    messages { edges { node { role content status model provider promptTokens completionTokens cost error } } }
  }
}`;
const GENERATE = `mutation($prompt: String!) {
  generateImage(prompt: $prompt, size: "1536x1024") { id prompt size model cost }
}`;

/** Every Azure request the simulator saw carried the configured api-version and api-key. */
function expectAzureRequests(kind: string, deployment: string, model: string, count: number) {
  const seen = ai.openai.requests();
  expect(seen).toHaveLength(count);
  for (const request of seen) {
    expect(request).toMatchObject({
      method: 'POST',
      kind,
      path: `/openai/deployments/${deployment}/${kind.split('/:deployment/')[1]}`,
      deployment,
      model,
      apiVersion: API_VERSION,
      credential: { header: 'api-key', value: API_KEY },
      status: 200,
    });
  }
}

it('serves the configured Azure deployments as its models', async () => {
  const { token } = await ai.user();
  const { models } = await ai.ok(token, MODELS);
  expect(models).toEqual([
    { id: 'chat-prod', kind: 'CHAT', provider: 'azure', simulated: false },
    { id: 'images-prod', kind: 'IMAGE', provider: 'azure', simulated: false },
  ]);
});

it('streams a reply from Azure: deltas in order, then the stored message with its usage and cost', async () => {
  const user = await ai.user();
  const { createConversation } = await ai.ok(user.token, CREATE);
  expect(createConversation.model).toBe('chat-prod');
  // What `messageStream` returns, listening before the message is sent.
  const events = await watchReplies(ai.runtime.hub, ai.em(), createConversation.id, {});
  const content = 'Hello from the Azure test';
  const { sendMessage } = await ai.ok(user.token, SEND, { id: createConversation.id, content });
  expect(sendMessage).toMatchObject({ status: 'STREAMING', model: 'chat-prod', provider: 'azure' });

  const received: StreamEvent[] = [];
  for await (const event of events) {
    received.push(event);
    if (event.reply) break;
  }
  const expected = `You said: ${content}`;
  const deltas = received.slice(0, -1);
  expect(deltas.length).toBeGreaterThan(0);
  expect(deltas.map((event) => event.delta).join('')).toBe(expected);
  let offset = 0;
  for (const event of deltas) {
    expect(event).toMatchObject({ messageId: sendMessage.id, offset });
    offset += event.delta.length;
  }
  const promptTokens = countTokens(content);
  const completionTokens = countTokens(expected);
  const costPicos =
    (BigInt(promptTokens) * dollarsToPicos('0.15') + BigInt(completionTokens) * dollarsToPicos('0.6')) /
    1_000_000n;
  expect(received.at(-1)).toMatchObject({
    messageId: sendMessage.id,
    offset: expected.length,
    delta: '',
    reply: {
      id: sendMessage.id,
      status: 'COMPLETE',
      content: expected,
      model: 'chat-prod',
      provider: 'azure',
      promptTokens,
      completionTokens,
      costPicos: Number(costPicos),
      error: null,
    },
  });

  await ai.settle();
  const { conversation } = await ai.ok(user.token, MESSAGES, { id: createConversation.id });
  expect(conversation.messages.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
    expect.objectContaining({ role: 'USER', content, status: 'COMPLETE' }),
    {
      role: 'ASSISTANT',
      content: expected,
      status: 'COMPLETE',
      model: 'chat-prod',
      provider: 'azure',
      promptTokens,
      completionTokens,
      cost: picosToDollars(costPicos),
      error: null,
    },
  ]);
  expectAzureRequests(CHAT, 'chat-prod', 'gpt-4o-mini', 1);
  expect(ai.openai.requests()[0]).toMatchObject({
    stream: true,
    body: { model: 'chat-prod', stream: true, stream_options: { include_usage: true } },
  });
});

it('retries an Azure 429 before the first token, then streams the reply', async () => {
  const user = await ai.user();
  const { createConversation } = await ai.ok(user.token, CREATE);
  ai.openai.failNext({ status: 429, retryAfterSeconds: 0.05 });
  await ai.ok(user.token, SEND, { id: createConversation.id, content: 'Again' });
  await ai.settle();
  const { conversation } = await ai.ok(user.token, MESSAGES, { id: createConversation.id });
  expect(conversation.messages.edges[1].node).toMatchObject({
    status: 'COMPLETE',
    content: 'You said: Again',
    provider: 'azure',
  });
  expect(ai.openai.requests().map((request) => [request.kind, request.status])).toEqual([
    [CHAT, 429],
    [CHAT, 200],
  ]);
});

it('generates an image on the Azure image deployment and stores it', async () => {
  const user = await ai.user();
  const { generateImage } = await ai.ok(user.token, GENERATE, { prompt: 'a lighthouse at dusk' });
  expect(generateImage).toMatchObject({
    prompt: 'a lighthouse at dusk',
    size: '1536x1024',
    model: 'images-prod',
    cost: '0.042',
  });
  expectAzureRequests(IMAGES, 'images-prod', 'gpt-image-1', 1);
  expect(ai.openai.requests()[0]!.body).toMatchObject({ model: 'images-prod', size: '1536x1024', n: 1 });
  // The PNG the simulator drew is in the object storage media reads.
  const { mediaId } = await ai.em().findOneOrFail(GeneratedImage, { id: generateImage.id });
  const stored = await ai.runtime.storage.stat(`imports/ai/${mediaId}.png`);
  expect(stored).toMatchObject({ contentType: 'image/png', size: expect.any(Number) });
  expect(stored!.size).toBeGreaterThan(0);
});
