import { waitFor } from '@lattice/testkit';
import { Message } from '../src/entities';
import { describeFailure } from '../src/providers/retries';
import { failStaleReplies } from '../src/service/janitor';
import { type AiFixture, onlyError, startAi } from './support/fixture';

/**
 * The janitor fails replies left STREAMING by a process that died, so their conversations take
 * messages again; it leaves alone recent ones and those this replica is writing.
 */
let ai: AiFixture;
beforeAll(async () => {
  ai = await startAi();
});
afterAll(() => ai?.stop());

const SEND = `mutation($id: ID!, $content: String!) {
  sendMessage(conversationId: $id, content: $content) { id status }
}`;
const MINUTE = 60_000;

const reload = (id: string) => ai.em().findOneOrFail(Message, id);

it('fails an orphaned reply, leaves a recent one and one being written here; the conversation goes on', async () => {
  const user = await ai.user();
  const ago = (ms: number) => new Date(Date.now() - ms);
  // A reply whose process died ten minutes ago, halfway through.
  const orphaned = await ai.seed(user.id, { title: 'Orphaned' }, [
    {
      role: 'USER',
      content: 'Tell me a story',
      createdAt: ago(10 * MINUTE + 1000),
      writtenAt: ago(10 * MINUTE + 1000),
    },
    {
      role: 'ASSISTANT',
      content: 'Once upon a',
      status: 'STREAMING',
      model: 'gpt-4o-mini',
      provider: 'openai',
      createdAt: ago(10 * MINUTE),
      writtenAt: ago(10 * MINUTE),
    },
  ]);
  // One started ten seconds ago (on another replica, still alive).
  const recent = await ai.seed(user.id, { title: 'Recent' }, [
    { role: 'USER', content: 'Hello', createdAt: ago(11_000) },
    { role: 'ASSISTANT', content: 'Hi', status: 'STREAMING', createdAt: ago(10_000), writtenAt: ago(10_000) },
  ]);
  // One this replica is writing (the provider never answers), as old as the orphan.
  const local = await ai.seed(user.id, { title: 'Local' });
  ai.openai.hangNext();
  const { sendMessage: writing } = await ai.ok(user.token, SEND, {
    id: local.conversation.id,
    content: 'Hi',
  });
  expect(writing.status).toBe('STREAMING');
  await ai
    .em()
    .nativeUpdate(Message, { id: writing.id }, { createdAt: ago(10 * MINUTE), writtenAt: ago(10 * MINUTE) });

  // Until the janitor has run, the orphan blocks its conversation.
  expect(
    onlyError(await ai.post(user.token, SEND, { id: orphaned.conversation.id, content: 'Go on' })),
  ).toMatchObject({ code: 'CONFLICT' });

  expect(await failStaleReplies(ai.runtime)).toBe(1);
  expect(await reload(orphaned.messages[1]!.id)).toMatchObject({
    status: 'FAILED',
    content: 'Once upon a',
    error: describeFailure('interrupted'),
  });
  expect((await reload(recent.messages[1]!.id)).status).toBe('STREAMING');
  expect((await reload(writing.id)).status).toBe('STREAMING');
  expect(await failStaleReplies(ai.runtime)).toBe(0);

  // The conversation takes messages again; the failed reply stays out of the history.
  // (The hung request stays hung: a reset would drop it and the reply would be retried.)
  ai.openai.reply('Once upon a time, the end.');
  const { sendMessage } = await ai.ok(user.token, SEND, { id: orphaned.conversation.id, content: 'Go on' });
  expect(sendMessage.status).toBe('STREAMING');
  await waitFor(async () => (await reload(sendMessage.id)).status !== 'STREAMING', { message: 'the reply' });
  const requests = ai.openai.requests();
  expect(requests).toHaveLength(2); // the hung one, then this one
  expect((requests[1]!.body as { messages: unknown }).messages).toEqual([
    { role: 'user', content: 'Tell me a story' },
    { role: 'user', content: 'Go on' },
  ]);
  expect(await reload(sendMessage.id)).toMatchObject({
    status: 'COMPLETE',
    content: 'Once upon a time, the end.',
  });

  // The one written here ends as its writer decides (cancelled here), not as the janitor does.
  const { cancelGeneration } = await ai.ok(
    user.token,
    `mutation($id: ID!) { cancelGeneration(conversationId: $id) }`,
    { id: local.conversation.id },
  );
  expect(cancelGeneration).toBe(true);
  await ai.settle();
  expect((await reload(writing.id)).status).toBe('CANCELLED');
  expect(ai.openai.requestCount()).toBe(2);

  // The recent one's replica finishes it.
  await ai.em().nativeUpdate(Message, { id: recent.messages[1]!.id }, { status: 'COMPLETE' });
});

it('counts a reply stale once it has not been written for AI_STALE_REPLY_SECONDS', async () => {
  const user = await ai.user();
  const { messages } = await ai.seed(user.id, {}, [
    { role: 'USER', content: 'Hello' },
    { role: 'ASSISTANT', content: '', status: 'STREAMING' },
  ]);
  const reply = messages[1]!;
  expect(await ai.em().count(Message, { status: 'STREAMING' })).toBe(1);
  const seconds = ai.runtime.settings.AI_STALE_REPLY_SECONDS;
  const at = (offsetSeconds: number) => new Date(reply.writtenAt.getTime() + offsetSeconds * 1000);
  expect(await failStaleReplies(ai.runtime, at(seconds - 1))).toBe(0);
  expect((await reload(reply.id)).status).toBe('STREAMING');
  expect(await failStaleReplies(ai.runtime, at(seconds + 1))).toBe(1);
  expect((await reload(reply.id)).status).toBe('FAILED');
});
