import { Message } from '../src/entities';
import { type AiFixture, startAi } from './support/fixture';

let ai: AiFixture;
beforeAll(async () => {
  ai = await startAi();
});
afterAll(() => ai?.stop());
afterEach(() => {
  jest.restoreAllMocks();
  ai.openai.reset();
});

const CREATE = 'mutation { createConversation(input: {}) { id } }';
const SEND =
  'mutation($id: ID!) { sendMessage(conversationId: $id, content: "Tell me a long story") { id } }';
const CANCEL = 'mutation($id: ID!) { cancelGeneration(conversationId: $id) }';

const streaming = async () =>
  ai.em().findOne(Message, { role: 'ASSISTANT', status: 'STREAMING' }, { orderBy: { createdAt: 'desc' } });

it.each([
  ['the bus carries it', false],
  ['the bus is down (Redis gone): the writer reads it at its next save', true],
])('a cancel stops the reply when %s', async (_case, busDown) => {
  const user = await ai.user();
  const { id } = (await ai.ok(user.token, CREATE)).createConversation;
  ai.openai.reply(Array.from({ length: 400 }, (_, i) => `word${i}`).join(' '));
  ai.openai.delay({ perTokenMs: 10 });
  if (busDown) jest.spyOn(ai.runtime.hub, 'request').mockRejectedValue(new Error('Connection is closed.'));
  await ai.ok(user.token, SEND, { id });
  // Let it write for a while (a save happens every 250 ms).
  for (let i = 0; i < 50 && !(await streaming())?.content; i += 1)
    await new Promise((r) => setTimeout(r, 100));
  expect((await ai.ok(user.token, CANCEL, { id })).cancelGeneration).toBe(true);
  await ai.settle();
  const reply = await ai.em().findOneOrFail(Message, { conversationId: id, role: 'ASSISTANT' });
  expect(reply.status).toBe('CANCELLED');
  expect(reply.content.split(' ').length).toBeLessThan(400);
});
