import { Message } from '../src/entities';
import { type AiFixture, startAi } from './support/fixture';

// A provider that sends its first tokens and then goes silent: the SDK's timeout covers only
// the wait for headers, so the reply is let go once no chunk came for AI_REQUEST_TIMEOUT_MS.
let ai: AiFixture;
beforeAll(async () => {
  ai = await startAi({ AI_REQUEST_TIMEOUT_MS: '300', AI_MAX_RETRIES: '0' });
});
afterAll(() => ai?.stop());

const SEND = `mutation($id: ID!, $content: String!) {
  sendMessage(conversationId: $id, content: $content) { id status }
}`;

test('a reply whose provider stalls midway fails as a timeout, keeping what was written', async () => {
  const user = await ai.user();
  const { conversation } = await ai.seed(user.id);
  ai.openai.delay({ perTokenMs: 5_000 });
  const { sendMessage } = await ai.ok(user.token, SEND, { id: conversation.id, content: 'Hello there' });
  await ai.settle();
  const reply = await ai.em().findOneOrFail(Message, { id: sendMessage.id });
  expect(reply).toMatchObject({ status: 'FAILED', error: 'The provider did not answer in time' });
  expect(reply.content).toBe('You');
  ai.openai.reset();
});
