import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Conversation, Message } from '../src/entities';
import { estimateTokens } from '../src/service/tokens';
import { type AiFixture, onlyError, startAi } from './support/fixture';

/**
 * What a user could do to spend past the plan or to reach a conversation it no longer has:
 * replies sent at once in many conversations, a message racing the conversation's deletion.
 */
let ai: AiFixture;
const LIMIT = 1_000;
const REPLY_MAX_TOKENS = 16;
beforeAll(async () => {
  ai = await startAi({
    PLANS: JSON.stringify({ free: { limits: { aiTokens: LIMIT } } }),
    AI_REPLY_MAX_TOKENS: String(REPLY_MAX_TOKENS),
  });
});
afterAll(() => ai?.stop());
beforeEach(() => {
  ai.openai.reset();
  // Every reply is still being written when the next message is checked.
  ai.openai.delay({ firstTokenMs: 500 });
});
afterEach(() => ai.settle());

const SEND = `mutation($id: ID!, $content: String!) {
  sendMessage(conversationId: $id, content: $content) { id status }
}`;
const CHAT_CALLS = 'POST /v1/chat/completions';

async function tokensUsed(userId: string) {
  const usage = await ai.runtime.meter.usage(ai.em(), userId);
  return usage.find((meter) => meter.meter === 'aiTokens')!.used;
}

test('messages sent at once in many conversations spend no further past the budget than one at a time', async () => {
  const user = await ai.user();
  const conversations = await Promise.all(Array.from({ length: 8 }, () => ai.seed(user.id)));
  // About 200 tokens each by the estimate: each alone fits the budget, and all of them pass a
  // check of the prompt against what is recorded, as none is recorded before they all start.
  const content = 'word '.repeat(160);
  const answers = await Promise.all(
    conversations.map(({ conversation }) => ai.post(user.token, SEND, { id: conversation.id, content })),
  );
  await ai.settle();

  const refused = answers.filter((answer) => answer.errors);
  for (const answer of refused) expect(onlyError(answer)).toMatchObject({ code: 'QUOTA_EXCEEDED' });
  expect(answers.length - refused.length).toBeGreaterThan(0);
  expect(ai.openai.requestCount(CHAT_CALLS)).toBe(answers.length - refused.length);
  // One at a time, the last message checked can overshoot the budget by its reply at most.
  expect(await tokensUsed(user.id)).toBeLessThanOrEqual(LIMIT + REPLY_MAX_TOKENS);
});

test('a message racing the deletion of its conversation is NOT_FOUND, and no provider hears of it', async () => {
  const user = await ai.user();
  const { conversation } = await ai.seed(user.id);
  const deleter = ai.em();
  await deleter.begin();
  try {
    // The deletion holds the row while the message gets past its lookup and waits for the lock.
    await deleter.execute('select 1 from ai.conversation where id = ? for update', [conversation.id]);
    const sent = ai.post(user.token, SEND, { id: conversation.id, content: 'Still there?' });
    await waitForLockWaiter();
    await deleter.nativeUpdate(Conversation, { id: conversation.id }, { deletedAt: new Date() });
    await deleter.commit();
    expect(onlyError(await sent)).toMatchObject({ code: 'NOT_FOUND' });
  } finally {
    if (deleter.isInTransaction()) await deleter.rollback();
  }
  await ai.settle();
  expect(ai.openai.requestCount(CHAT_CALLS)).toBe(0);
});

async function waitForLockWaiter() {
  for (let tries = 0; tries < 100; tries++) {
    const [row] = await ai
      .em()
      .execute<{ waiting: string }[]>(`select count(*) as waiting from pg_locks where not granted`);
    if (Number(row!.waiting) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the message never waited for the conversation lock');
}

/**
 * A provider that does not keep to OpenAI's contract: it answers whatever the test says,
 * whatever was asked (an endless reply past `max_completion_tokens`, garbage, a 200 that is an error).
 */
describe('a provider misbehaving', () => {
  let rogue: AiFixture;
  let server: Server;
  let answer: (send: (chunk: string) => void) => { type?: string; body?: string } = () => ({});
  const chunk = (content: string) => {
    const choices = [{ index: 0, delta: { content }, finish_reason: null }];
    return `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 0, choices })}\n\n`;
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        const chunks: string[] = [];
        const { type = 'text/event-stream', body } = answer((text) => chunks.push(text));
        response.writeHead(200, { 'content-type': type });
        response.end(body ?? chunks.join(''));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    rogue = await startAi({
      AI_REPLY_MAX_TOKENS: String(REPLY_MAX_TOKENS),
      AI_MAX_RETRIES: '0',
      AI_PROVIDERS: JSON.stringify([
        {
          id: 'rogue',
          apiKey: 'sk-rogue',
          baseUrl: `http://127.0.0.1:${port}/v1`,
          models: [
            {
              id: 'rogue-1',
              contextWindow: 8_000,
              inputPricePerMillionTokens: '1',
              outputPricePerMillionTokens: '1',
            },
          ],
        },
      ]),
    });
  });
  afterAll(async () => {
    await rogue?.stop();
    await new Promise((resolve) => server?.close(resolve));
  });
  afterEach(() => rogue.settle());

  /** The reply to `content`, in a new conversation or the one of `after` (a reply). */
  async function replyTo(content: string, after?: Message) {
    const user = await rogue.user('user', after?.ownerId);
    const id = after?.conversationId ?? (await rogue.seed(user.id, { model: 'rogue-1' })).conversation.id;
    const { sendMessage } = await rogue.ok(user.token, SEND, { id, content });
    await rogue.settle();
    return rogue.em().findOneOrFail(Message, { id: sendMessage.id });
  }

  test('a reply past max_completion_tokens is cut where the provider should have stopped', async () => {
    answer = (send) => {
      for (let i = 0; i < 10_000; i++) send(chunk(' word'));
      send('data: [DONE]\n\n');
      return {};
    };
    const reply = await replyTo('Go on forever');
    expect(reply.status).toBe('COMPLETE');
    // Each piece of a stream is at least a token: twice the pieces asked for is a provider past its limit.
    expect(reply.content).toBe(' word'.repeat(2 * REPLY_MAX_TOKENS));
    // No usage came: the estimate of what was written is counted, not the 10,000 pieces sent.
    expect(reply.completionTokens).toBe(estimateTokens(reply.content));
  });

  test.each([
    ['garbage JSON', () => ({ body: `${chunk('Hel')}data: {not json\n\n` })],
    [
      'an error event in the stream',
      () => ({ body: `data: ${JSON.stringify({ error: { message: 'overloaded' } })}\n\n` }),
    ],
    [
      'a 200 JSON error body',
      () => ({ type: 'application/json', body: JSON.stringify({ error: { message: 'no' } }) }),
    ],
    ['a 200 HTML page', () => ({ type: 'text/html', body: '<html>Bad gateway</html>' })],
  ])('%s fails the reply, and the conversation goes on', async (_name, rogueAnswer) => {
    answer = rogueAnswer;
    const reply = await replyTo('Hello');
    expect(reply).toMatchObject({ status: 'FAILED', error: expect.any(String) });

    answer = (send) => {
      send(chunk('Hi'));
      send('data: [DONE]\n\n');
      return {};
    };
    expect(await replyTo('Hello again', reply)).toMatchObject({
      status: 'COMPLETE',
      content: 'Hi',
    });
  });
});
