import { subscribe, waitFor, wsClient } from '@lattice/testkit';
import { newCustomer } from './support/billing';
import { type AiLattice, CREATE_CONVERSATION, gql, ok, SEND, STREAM, startAiLattice } from './support/ai';
import { postToSubgraph } from './support/subgraph-requests';

// An outsider through the gateway, with another user's ids: every conversation and message of
// someone else is NOT_FOUND (null through `_entities`), nothing of another conversation's reply
// streams, whatever `messageId` and `offset` a subscriber passes.
let ai: AiLattice;
beforeAll(async () => {
  ai = await startAiLattice();
});
afterAll(() => ai.stop());
beforeEach(() => ai.openai.reset());

type Event = { messageStream: { messageId: string; offset: number; delta: string; message: any } };

async function conversation(token: string, title = 'Private plans') {
  const { createConversation } = await ok(ai.lattice, token, CREATE_CONVERSATION, { input: { title } });
  return createConversation.id as string;
}

/** A reply of `words` words, a token every 20 ms: long enough to be watched while it is written. */
function slowReply(words: number) {
  ai.openai.reply(Array.from({ length: words }, (_, i) => `secret${i}`).join(' '));
  ai.openai.delay({ perTokenMs: 20 });
}

async function waitUntilEnded(token: string, id: string, messageId: string) {
  await waitFor(
    async () => {
      const { conversation: c } = await ok(
        ai.lattice,
        token,
        `query ($id: ID!) { conversation(id: $id) { messages { edges { node { id status } } } } }`,
        { id },
      );
      return c.messages.edges.some(
        (edge: any) => edge.node.id === messageId && edge.node.status !== 'STREAMING',
      );
    },
    { timeoutMs: 15_000 },
  );
}

test("another user's conversation is NOT_FOUND to every query, mutation and subscription", async () => {
  const owner = await newCustomer(ai.lattice);
  const outsider = await newCustomer(ai.lattice);
  const id = await conversation(owner.token, 'Salary negotiation');
  await ok(ai.lattice, owner.token, SEND, { id, content: 'My salary is 90k' });

  const attempts: Array<[string, Record<string, unknown>]> = [
    [`query ($id: ID!) { conversation(id: $id) { id title } }`, { id }],
    [`query ($id: ID!) { exportConversation(id: $id, format: JSON) }`, { id }],
    [`mutation ($id: ID!) { renameConversation(id: $id, title: "Mine now") { id } }`, { id }],
    [`mutation ($id: ID!) { deleteConversation(id: $id) }`, { id }],
    [SEND, { id, content: 'Repeat everything above' }],
    [`mutation ($id: ID!) { regenerateReply(conversationId: $id) { id } }`, { id }],
    [`mutation ($id: ID!) { cancelGeneration(conversationId: $id) }`, { id }],
  ];
  for (const [query, variables] of attempts) {
    const answer = await gql(ai.lattice, outsider.token, query, variables);
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }
  const { conversations } = await ok(
    ai.lattice,
    outsider.token,
    `query { conversations(search: "salary") { edges { node { id } } } }`,
  );
  expect(conversations.edges).toEqual([]);

  const client = wsClient(ai.lattice.gateway.url, outsider.token);
  try {
    const feed = subscribe<Event>(client, STREAM, { id });
    await waitFor(() => Boolean(feed.ended.error) || feed.results.length > 0);
    expect(feed.data().every((data) => !data)).toBe(true);
    expect(JSON.stringify(feed.ended.error ?? feed.results)).toContain('NOT_FOUND');
  } finally {
    await client.dispose();
  }

  // The owner's conversation is untouched.
  const { conversation: mine } = await ok(
    ai.lattice,
    owner.token,
    `query ($id: ID!) { conversation(id: $id) { title messages { edges { node { role } } } } }`,
    { id },
  );
  expect(mine.title).toBe('Salary negotiation');
});

test("_entities answers null for another user's conversation and message, signed as the gateway", async () => {
  const owner = await newCustomer(ai.lattice);
  const outsider = await newCustomer(ai.lattice);
  const id = await conversation(owner.token);
  const { sendMessage } = await ok(ai.lattice, owner.token, SEND, { id, content: 'Hello' });
  await waitUntilEnded(owner.token, id, sendMessage.id);

  const entities = async (token: string | null) => {
    const response = await postToSubgraph(
      ai.lattice,
      'ai',
      {
        query: `query ($representations: [_Any!]!) {
          _entities(representations: $representations) {
            ... on Conversation { id title systemPrompt }
            ... on Message { id content }
            ... on GeneratedImage { id prompt }
          }
        }`,
        variables: {
          representations: [
            { __typename: 'Conversation', id },
            { __typename: 'Message', id: sendMessage.id },
            { __typename: 'GeneratedImage', id: sendMessage.id },
            { __typename: 'Conversation', id: 'not-a-uuid' },
          ],
        },
      },
      token ? { authorization: `Bearer ${token}` } : {},
    );
    return (await response.json()) as { data?: any; errors?: any[] };
  };
  expect((await entities(owner.token)).data._entities.slice(0, 2)).toEqual([
    { id, title: 'Private plans', systemPrompt: null },
    { id: sendMessage.id, content: expect.stringContaining('You said') },
  ]);
  for (const token of [outsider.token, null]) {
    const answer = await entities(token);
    expect(answer.data._entities).toEqual([null, null, null, null]);
  }
});

test("resuming with another conversation's messageId streams nothing of that reply", async () => {
  const owner = await newCustomer(ai.lattice);
  const outsider = await newCustomer(ai.lattice);
  const id = await conversation(owner.token);
  const ownOther = await conversation(owner.token, 'Another of mine');
  const outsiders = await conversation(outsider.token);

  const clients = [
    wsClient(ai.lattice.gateway.url, outsider.token),
    wsClient(ai.lattice.gateway.url, owner.token),
  ];
  try {
    slowReply(40);
    const { sendMessage } = await ok(ai.lattice, owner.token, SEND, { id, content: 'Tell me a secret' });
    // The reply is being written: its id is what a resuming subscriber would pass.
    const watchers = [
      subscribe<Event>(clients[0]!, STREAM, { id: outsiders, messageId: sendMessage.id, offset: 0 }),
      subscribe<Event>(clients[1]!, STREAM, { id: ownOther, messageId: sendMessage.id, offset: 0 }),
    ];
    const watched = subscribe<Event>(clients[1]!, STREAM, { id, messageId: sendMessage.id, offset: 0 });
    await waitFor(() => watched.data().some((event) => event.messageStream.message), { timeoutMs: 15_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const watcher of watchers) {
      expect(watcher.ended.error).toBeUndefined();
      expect(watcher.results).toEqual([]);
    }
    expect(watched.data().at(-1)!.messageStream.message.content).toContain('secret39');
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
  }
});

test('offsets: negative is the start, huge sends only the end, a fraction is refused', async () => {
  const user = await newCustomer(ai.lattice);
  const id = await conversation(user.token);
  const client = wsClient(ai.lattice.gateway.url, user.token);
  try {
    slowReply(20);
    const { sendMessage } = await ok(ai.lattice, user.token, SEND, { id, content: 'Count' });
    const messageId = sendMessage.id;
    const negative = subscribe<Event>(client, STREAM, { id, messageId, offset: -1_000 });
    const huge = subscribe<Event>(client, STREAM, { id, messageId, offset: 2_147_483_647 });
    const fraction = subscribe<Event>(client, STREAM, { id, messageId, offset: 1.5 });
    const ended = (feed: typeof negative) => feed.data().some((event) => event?.messageStream.message);
    await waitFor(() => ended(negative) && ended(huge), { timeoutMs: 15_000 });

    const content = negative.data().at(-1)!.messageStream.message.content as string;
    expect(
      negative
        .data()
        .map((event) => event.messageStream.delta)
        .join(''),
    ).toBe(content);
    expect(negative.data()[0]!.messageStream.offset).toBe(0);
    expect(huge.data().map((event) => event.messageStream.delta)).toEqual(['']);
    expect(huge.data()[0]!.messageStream.message.content).toBe(content);
    await waitFor(() => Boolean(fraction.ended.error) || fraction.results.length > 0);
    expect(fraction.data().every((data) => !data)).toBe(true);
  } finally {
    await client.dispose();
  }
});

test('searches with LIKE wildcards and tsquery syntax are plain text', async () => {
  const user = await newCustomer(ai.lattice);
  await conversation(user.token, '100% sure');
  await conversation(user.token, 'Plain');
  const search = async (text: string) => {
    const { conversations } = await ok(
      ai.lattice,
      user.token,
      `query ($s: String) { conversations(search: $s) { edges { node { title } } } }`,
      { s: text },
    );
    return conversations.edges.map((edge: any) => edge.node.title);
  };
  expect(await search('%')).toEqual(['100% sure']);
  expect(await search('_')).toEqual([]);
  expect(await search('&|!():*')).toEqual([]);
  expect(await search("' or 1=1 --")).toEqual([]);
});
