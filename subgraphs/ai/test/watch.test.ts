import { watchReplies } from '../src/live/watch';
import { type AiFixture, startAi } from './support/fixture';

/** watchReplies, what `messageStream` returns: the catch-up of a resumed subscription. */
let ai: AiFixture;
beforeAll(async () => {
  ai = await startAi();
});
afterAll(() => ai?.stop());

/** Conversations the hub still delivers to (one entry per conversation with a listener). */
const listened = () => (ai.runtime.hub as unknown as { subscribers: Map<string, unknown> }).subscribers;

it('resumes an ended reply from the offset the client had: the rest, then the final event', async () => {
  const user = await ai.user();
  const { conversation, messages } = await ai.seed(user.id, {}, [
    { role: 'USER', content: 'Hello' },
    { role: 'ASSISTANT', content: 'Hi there 👋', model: 'gpt-4o-mini', provider: 'openai' },
  ]);
  const reply = messages[1]!;
  const events = await watchReplies(ai.runtime.hub, ai.em(), conversation.id, {
    messageId: reply.id,
    offset: 3,
  });
  expect((await events.next()).value).toEqual({ messageId: reply.id, offset: 3, delta: 'there 👋' });
  expect((await events.next()).value).toMatchObject({
    messageId: reply.id,
    offset: 'Hi there 👋'.length,
    delta: '',
    reply: { id: reply.id, status: 'COMPLETE', content: 'Hi there 👋' },
  });
  expect(listened().has(conversation.id)).toBe(true);
  await events.return!();
  expect(listened().has(conversation.id)).toBe(false);
});

// Was an INTERNAL_SERVER_ERROR (PostgreSQL refused the id as a uuid), and the listener stayed.
it.each(['not-a-uuid', ''])('takes a messageId of %p as nothing to resume', async (messageId) => {
  const user = await ai.user();
  const { conversation } = await ai.seed(user.id, {}, [{ role: 'USER', content: 'Hello' }]);
  const events = await watchReplies(ai.runtime.hub, ai.em(), conversation.id, { messageId, offset: 5 });
  await events.return!();
  expect(listened().has(conversation.id)).toBe(false);
});

it('stops listening when the catch-up fails', async () => {
  const user = await ai.user();
  const { conversation } = await ai.seed(user.id);
  const em = ai.em();
  jest.spyOn(em, 'findOne').mockRejectedValueOnce(new Error('database down'));
  await expect(watchReplies(ai.runtime.hub, em, conversation.id, {})).rejects.toThrow('database down');
  expect(listened().has(conversation.id)).toBe(false);
});
