import { countTokens } from '@lattice/openai-simulator';
import { subscribe, waitFor, wsClient } from '@lattice/testkit';
import { newCustomer } from './support/billing';
import { type AiLattice, CREATE_CONVERSATION, gql, ok, SEND, STREAM, startAiLattice } from './support/ai';

// Chat through the gateway: a reply streams to subscribers in order and ends with the stored
// message; tokens count against the plan; a reconnecting client gets the rest exactly once;
// cancels and provider failures leave the conversation usable.
let ai: AiLattice;
beforeAll(async () => {
  ai = await startAiLattice();
});
afterAll(() => ai.stop());
beforeEach(() => ai.openai.reset());

type Event = { messageStream: { messageId: string; offset: number; delta: string; message: any } };

async function conversation(token: string) {
  const { createConversation } = await ok(ai.lattice, token, CREATE_CONVERSATION, {
    input: { title: 'Trip planning', systemPrompt: 'Be brief.' },
  });
  return createConversation.id as string;
}

/** The text of a subscription's deltas, checking they arrive in order with no gap or repeat. */
function textOf(events: Event[]): string {
  let text = '';
  for (const { messageStream } of events) {
    expect(messageStream.offset).toBe(text.length);
    text += messageStream.delta;
  }
  return text;
}

test('a reply streams in order, ends with the stored message, and its tokens count against the plan', async () => {
  const user = await newCustomer(ai.lattice);
  const id = await conversation(user.token);
  const client = wsClient(ai.lattice.gateway.url, user.token);
  try {
    const feed = subscribe<Event>(client, STREAM, { id });
    await new Promise((resolve) => setTimeout(resolve, 300)); // the subscription is up
    ai.openai.delay({ perTokenMs: 60 }); // slower than the batching window: an event per token
    const { sendMessage } = await ok(ai.lattice, user.token, SEND, {
      id,
      content: 'Where should I go in May?',
    });
    expect(sendMessage.status).toBe('STREAMING');
    await waitFor(() => feed.data().some((event) => event.messageStream.message), { timeoutMs: 10_000 });
    const events = feed.data();
    const final = events.at(-1)!.messageStream;
    expect(final.message).toMatchObject({
      id: sendMessage.id,
      status: 'COMPLETE',
      content: 'You said: Where should I go in May?',
      model: 'gpt-4o-mini',
      provider: 'openai',
      error: null,
    });
    expect(events.length).toBeGreaterThan(3);
    expect(textOf(events)).toBe(final.message.content);
    expect(final.message.promptTokens).toBeGreaterThan(0);
    expect(final.message.completionTokens).toBe(countTokens(final.message.content));
    expect(final.message.cost).toMatch(/^0\.\d+$/);

    const used = final.message.promptTokens + final.message.completionTokens;
    await waitFor(async () => {
      const { me } = await ok(ai.lattice, user.token, `{ me { usage { meter used } } }`);
      return me.usage.find((meter: any) => meter.meter === 'aiTokens')?.used === used;
    });
    const { conversation: stored } = await ok(
      ai.lattice,
      user.token,
      `query ($id: ID!) { conversation(id: $id) { messages { edges { node { role content status } } } } }`,
      { id },
    );
    expect(stored.messages.edges.map((edge: any) => edge.node)).toEqual([
      { role: 'USER', content: 'Where should I go in May?', status: 'COMPLETE' },
      { role: 'ASSISTANT', content: final.message.content, status: 'COMPLETE' },
    ]);
  } finally {
    await client.dispose();
  }
});

test('a client that reconnects mid-reply receives the rest exactly once, in order', async () => {
  const user = await newCustomer(ai.lattice);
  const id = await conversation(user.token);
  ai.openai.reply(Array.from({ length: 60 }, (_, i) => `word${i}`).join(' '));
  ai.openai.delay({ perTokenMs: 25 });
  const first = wsClient(ai.lattice.gateway.url, user.token);
  const feed = subscribe<Event>(first, STREAM, { id });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const { sendMessage } = await ok(ai.lattice, user.token, SEND, { id, content: 'Count for me' });
  await feed.received(10);
  await first.dispose(); // the page reloads
  const before = feed.data();
  const had = textOf(before);

  const second = wsClient(ai.lattice.gateway.url, user.token);
  try {
    const resumed = subscribe<Event>(second, STREAM, { id, messageId: sendMessage.id, offset: had.length });
    await waitFor(() => resumed.data().some((event) => event.messageStream.message), { timeoutMs: 15_000 });
    let text = had;
    for (const { messageStream } of resumed.data()) {
      expect(messageStream.offset).toBe(text.length);
      text += messageStream.delta;
    }
    expect(text).toBe(resumed.data().at(-1)!.messageStream.message.content);
    expect(text.split(' ')).toHaveLength(60);
  } finally {
    await second.dispose();
  }
});

test('cancelling mid-stream keeps the partial reply; a cut stream fails it; the conversation goes on', async () => {
  const user = await newCustomer(ai.lattice);
  const id = await conversation(user.token);
  const client = wsClient(ai.lattice.gateway.url, user.token);
  try {
    const feed = subscribe<Event>(client, STREAM, { id });
    await new Promise((resolve) => setTimeout(resolve, 300));
    ai.openai.reply(Array.from({ length: 200 }, (_, i) => `w${i}`).join(' '));
    ai.openai.delay({ perTokenMs: 20 });
    await ok(ai.lattice, user.token, SEND, { id, content: 'Go on and on' });
    await feed.received(5);
    expect(
      await ok(ai.lattice, user.token, `mutation ($id: ID!) { cancelGeneration(conversationId: $id) }`, {
        id,
      }),
    ).toEqual({
      cancelGeneration: true,
    });
    const cancelled = await waitFor(
      () => feed.data().find((event) => event.messageStream.message)?.messageStream.message,
    );
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.content.length).toBeGreaterThan(0);
    expect(cancelled.completionTokens).toBeGreaterThan(0);

    ai.openai.delay({ perTokenMs: 0 });
    ai.openai.cutStreamAfter(3);
    const cut = await ok(ai.lattice, user.token, SEND, { id, content: 'Again' });
    const failed = await waitFor(
      () =>
        feed.data().find((event) => event.messageStream.message?.id === cut.sendMessage.id)?.messageStream
          .message,
    );
    expect(failed).toMatchObject({
      status: 'FAILED',
      error: 'The provider stopped in the middle of the reply',
    });

    ai.openai.failNext({ status: 503, times: 1 });
    const retried = await ok(ai.lattice, user.token, SEND, { id, content: 'Once more' });
    const done = await waitFor(
      () =>
        feed.data().find((event) => event.messageStream.message?.id === retried.sendMessage.id)?.messageStream
          .message,
    );
    expect(done).toMatchObject({ status: 'COMPLETE', content: 'You said: Once more' });
  } finally {
    await client.dispose();
  }
});

test('over the token budget: QUOTA_EXCEEDED and the provider never hears of it', async () => {
  const small = await startAiLattice({
    env: { PLANS: JSON.stringify({ free: { limits: { aiTokens: 5 } } }) },
  });
  try {
    const user = await newCustomer(small.lattice);
    const { createConversation } = await ok(small.lattice, user.token, CREATE_CONVERSATION, { input: {} });
    const answer = await gql(small.lattice, user.token, SEND, {
      id: createConversation.id,
      content: 'Tell me everything about the history of the Roman Empire, in detail please',
    });
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      meter: 'aiTokens',
      limit: 5,
    });
    expect(small.openai.requestCount('POST /v1/chat/completions')).toBe(0);
  } finally {
    await small.stop();
  }
});

test('a provider too slow to answer fails the reply after its retries, and the conversation goes on', async () => {
  const slow = await startAiLattice({ env: { AI_REQUEST_TIMEOUT_MS: '400', AI_MAX_RETRIES: '1' } });
  try {
    const user = await newCustomer(slow.lattice);
    const { createConversation } = await ok(slow.lattice, user.token, CREATE_CONVERSATION, { input: {} });
    const id = createConversation.id;
    slow.openai.delay({ firstTokenMs: 3_000 });
    const { sendMessage } = await ok(slow.lattice, user.token, SEND, { id, content: 'Hello?' });
    const failed = await waitFor(
      async () => {
        const { conversation: c } = await ok(
          slow.lattice,
          user.token,
          `query ($id: ID!) { conversation(id: $id) { messages { edges { node { id status error } } } } }`,
          { id },
        );
        const reply = c.messages.edges
          .map((edge: any) => edge.node)
          .find((node: any) => node.id === sendMessage.id);
        return reply?.status === 'FAILED' ? reply : undefined;
      },
      { timeoutMs: 15_000 },
    );
    expect(failed.error).toEqual(expect.any(String));
    // Tried, then tried once more.
    expect(slow.openai.requestCount('POST /v1/chat/completions')).toBe(2);

    slow.openai.delay({ firstTokenMs: 0 });
    const again = await ok(slow.lattice, user.token, SEND, { id, content: 'Still there?' });
    await waitFor(
      async () => {
        const { conversation: c } = await ok(
          slow.lattice,
          user.token,
          `query ($id: ID!) { conversation(id: $id) { messages { edges { node { id status } } } } }`,
          { id },
        );
        return c.messages.edges.some(
          (edge: any) => edge.node.id === again.sendMessage.id && edge.node.status === 'COMPLETE',
        );
      },
      { timeoutMs: 10_000 },
    );
  } finally {
    await slow.stop();
  }
});

test("no one reads, streams, exports, renames or deletes another user's conversation", async () => {
  const owner = await newCustomer(ai.lattice);
  const other = await newCustomer(ai.lattice);
  const id = await conversation(owner.token);
  await ok(ai.lattice, owner.token, SEND, { id, content: 'private thoughts' });
  for (const [query, variables] of [
    [`query ($id: ID!) { conversation(id: $id) { id } }`, { id }],
    [`query ($id: ID!) { exportConversation(id: $id, format: MARKDOWN) }`, { id }],
    [`mutation ($id: ID!) { renameConversation(id: $id, title: "mine now") { id } }`, { id }],
    [`mutation ($id: ID!) { deleteConversation(id: $id) }`, { id }],
    [SEND, { id, content: 'hijack' }],
    [`mutation ($id: ID!) { regenerateReply(conversationId: $id) { id } }`, { id }],
    [`mutation ($id: ID!) { cancelGeneration(conversationId: $id) }`, { id }],
  ] as const) {
    const answer = await gql(ai.lattice, other.token, query, variables);
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }
  const { conversations } = await ok(
    ai.lattice,
    other.token,
    `{ conversations(search: "private") { edges { node { id } } } }`,
  );
  expect(conversations.edges).toEqual([]);
  const client = wsClient(ai.lattice.gateway.url, other.token);
  try {
    const feed = subscribe<Event>(client, STREAM, { id });
    await waitFor(() => feed.results.length > 0 || feed.ended.error || feed.ended.complete);
    expect(feed.results[0]?.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(feed.data().filter(Boolean)).toEqual([]);
  } finally {
    await client.dispose();
  }
});
