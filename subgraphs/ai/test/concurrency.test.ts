import { Message } from '../src/entities';
import { type AiFixture, onlyError, startAi } from './support/fixture';

/**
 * One reply at a time per conversation: messages sent at once are serialised by the
 * conversation's row lock, and only one reaches the provider.
 */
let ai: AiFixture;
beforeAll(async () => {
  ai = await startAi();
});
afterAll(() => ai?.stop());
beforeEach(() => {
  ai.openai.reset();
  // Replies stay STREAMING while the second sender looks.
  ai.openai.delay({ firstTokenMs: 500 });
});
afterEach(() => ai.settle());

const SEND = `mutation($id: ID!, $content: String!) {
  sendMessage(conversationId: $id, content: $content) { id status }
}`;
const REGENERATE = `mutation($id: ID!) { regenerateReply(conversationId: $id) { id status } }`;
const CHAT_CALLS = 'POST /v1/chat/completions';

const messagesOf = (conversationId: string) =>
  ai.em().find(Message, { conversationId }, { orderBy: { createdAt: 'asc', id: 'asc' } });

it.each([1, 2, 3])('two messages sent at once: one goes, the other is a CONFLICT (round %i)', async () => {
  const user = await ai.user();
  const { conversation } = await ai.seed(user.id);
  const answers = await Promise.all(
    ['First', 'Second'].map((content) => ai.post(user.token, SEND, { id: conversation.id, content })),
  );
  const won = answers.filter((answer) => answer.data?.sendMessage);
  const lost = answers.filter((answer) => answer.errors);
  expect(won).toHaveLength(1);
  expect(lost).toHaveLength(1);
  expect(onlyError(lost[0]!)).toMatchObject({ code: 'CONFLICT' });
  expect(won[0]!.data.sendMessage.status).toBe('STREAMING');

  await ai.settle();
  expect(ai.openai.requestCount(CHAT_CALLS)).toBe(1);
  // The loser's message was not stored either.
  const stored = await messagesOf(conversation.id);
  expect(stored.map((message) => [message.role, message.status])).toEqual([
    ['USER', 'COMPLETE'],
    ['ASSISTANT', 'COMPLETE'],
  ]);
  expect(stored[1]!.id).toBe(won[0]!.data.sendMessage.id);
  expect(stored[1]!.content).toBe(`You said: ${stored[0]!.content}`);
});

it('a regenerate and a message at once: one goes, the other is a CONFLICT', async () => {
  const user = await ai.user();
  const { conversation } = await ai.seed(user.id, {}, [
    { role: 'USER', content: 'Hello' },
    { role: 'ASSISTANT', content: 'Hi' },
  ]);
  const answers = await Promise.all([
    ai.post(user.token, REGENERATE, { id: conversation.id }),
    ai.post(user.token, SEND, { id: conversation.id, content: 'Another' }),
  ]);
  expect(answers.filter((answer) => answer.errors).map((answer) => onlyError(answer).code)).toEqual([
    'CONFLICT',
  ]);
  await ai.settle();
  expect(ai.openai.requestCount(CHAT_CALLS)).toBe(1);
  expect((await messagesOf(conversation.id)).filter((message) => message.status === 'STREAMING')).toEqual([]);
});

it('messages sent at once to different conversations all go', async () => {
  const user = await ai.user();
  const conversations = await Promise.all([ai.seed(user.id), ai.seed(user.id), ai.seed(user.id)]);
  const answers = await Promise.all(
    conversations.map(({ conversation }) =>
      ai.post(user.token, SEND, { id: conversation.id, content: 'Hi' }),
    ),
  );
  expect(answers.map((answer) => answer.errors)).toEqual([undefined, undefined, undefined]);
  await ai.settle();
  expect(ai.openai.requestCount(CHAT_CALLS)).toBe(3);
});
