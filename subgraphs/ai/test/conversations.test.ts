import { randomUUID } from 'node:crypto';
import { countTokens } from '@lattice/openai-simulator';
import { type AiFixture, onlyError, startAi } from './support/fixture';

/**
 * Conversations through ai's GraphQL API as the gateway sends it: create, rename, list, search,
 * export, delete, each for the caller's own conversations only.
 */
let ai: AiFixture;
beforeAll(async () => {
  ai = await startAi();
});
afterAll(() => ai?.stop());
beforeEach(() => ai.openai.reset());
afterEach(() => ai.settle());

const CREATE = `mutation($input: CreateConversationInput!) {
  createConversation(input: $input) { id title model systemPrompt createdAt updatedAt }
}`;
const RENAME = `mutation($id: ID!, $title: String!) { renameConversation(id: $id, title: $title) { id title } }`;
const DELETE = `mutation($id: ID!) { deleteConversation(id: $id) }`;
const SEND = `mutation($id: ID!, $content: String!) { sendMessage(conversationId: $id, content: $content) { id status } }`;
const REGENERATE = `mutation($id: ID!) { regenerateReply(conversationId: $id) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelGeneration(conversationId: $id) }`;
const CONVERSATION = `query($id: ID!) {
  conversation(id: $id) { id title messages { edges { node { role content status } } } }
}`;
const LIST = `query($search: String, $first: Int, $after: String) {
  conversations(search: $search, first: $first, after: $after) {
    edges { cursor node { id title } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const EXPORT = `query($id: ID!, $format: ExportFormat!) { exportConversation(id: $id, format: $format) }`;

async function create(token: string, input: Record<string, unknown> = {}) {
  const { createConversation } = await ai.ok(token, CREATE, { input });
  return createConversation as { id: string; title: string; model: string; systemPrompt: string | null };
}
/** Sends a message and waits for its reply to be stored. */
async function chat(token: string, id: string, content: string) {
  const { sendMessage } = await ai.ok(token, SEND, { id, content });
  await ai.settle();
  return sendMessage as { id: string; status: string };
}
async function list(token: string, variables: Record<string, unknown> = {}) {
  const { conversations } = await ai.ok(token, LIST, variables);
  return conversations as {
    edges: Array<{ node: { id: string; title: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}
const idsOf = (connection: { edges: Array<{ node: { id: string } }> }) =>
  connection.edges.map((edge) => edge.node.id);
const search = async (token: string, text: string) => idsOf(await list(token, { search: text }));

describe('createConversation', () => {
  it('creates with the default title and the first chat model', async () => {
    const { token } = await ai.user();
    const conversation = await create(token);
    expect(conversation).toMatchObject({
      title: 'New conversation',
      model: 'gpt-4o-mini',
      systemPrompt: null,
    });
    const { conversation: read } = await ai.ok(token, CONVERSATION, { id: conversation.id });
    expect(read).toEqual({ id: conversation.id, title: 'New conversation', messages: { edges: [] } });
  });

  it('takes a title, a chat model and a system prompt (trimmed)', async () => {
    const { token } = await ai.user();
    const conversation = await create(token, {
      title: '  Trip planning ',
      model: 'gpt-4o',
      systemPrompt: '  Be brief.  ',
    });
    expect(conversation).toMatchObject({
      title: 'Trip planning',
      model: 'gpt-4o',
      systemPrompt: 'Be brief.',
    });
  });

  it.each([
    [{ model: 'gpt-5-imaginary' }, 'input.model'],
    [{ model: 'gpt-image-1' }, 'input.model'],
    [{ title: '   ' }, 'input.title'],
    [{ title: 'x'.repeat(201) }, 'input.title'],
    [{ systemPrompt: 'x'.repeat(10_001) }, 'input.systemPrompt'],
  ])('refuses %p with BAD_USER_INPUT on %s, and creates nothing', async (input, field) => {
    const user = await ai.user();
    const error = onlyError(await ai.post(user.token, CREATE, { input }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(idsOf(await list(user.token))).toEqual([]);
  });

  it('wants a signed-in caller', async () => {
    expect(onlyError(await ai.post(null, CREATE, { input: {} }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('renameConversation', () => {
  it('renames, trimmed', async () => {
    const { token } = await ai.user();
    const { id } = await create(token);
    const { renameConversation } = await ai.ok(token, RENAME, { id, title: ' Recipes ' });
    expect(renameConversation).toEqual({ id, title: 'Recipes' });
    expect((await ai.ok(token, CONVERSATION, { id })).conversation.title).toBe('Recipes');
  });

  it.each(['', '   ', 'x'.repeat(201)])('refuses the title %p with BAD_USER_INPUT', async (title) => {
    const { token } = await ai.user();
    const { id } = await create(token, { title: 'Kept' });
    expect(onlyError(await ai.post(token, RENAME, { id, title }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'title',
    });
    expect((await ai.ok(token, CONVERSATION, { id })).conversation.title).toBe('Kept');
  });
});

describe('conversations', () => {
  it('lists the most recently active first, page by page', async () => {
    const { token } = await ai.user();
    const a = await create(token, { title: 'A' });
    const b = await create(token, { title: 'B' });
    const c = await create(token, { title: 'C' });
    expect(idsOf(await list(token))).toEqual([c.id, b.id, a.id]);
    await chat(token, a.id, 'Bring A back to the top');

    const first = await list(token, { first: 2 });
    expect(idsOf(first)).toEqual([a.id, c.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await list(token, { first: 2, after: first.pageInfo.endCursor });
    expect(idsOf(second)).toEqual([b.id]);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
  });

  it('refuses a cursor that is not one of its own', async () => {
    const { token } = await ai.user();
    expect(onlyError(await ai.post(token, LIST, { after: 'bogus' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
  });
});

describe('search', () => {
  let owner: { id: string; token: string };
  let other: { id: string; token: string };
  let byTitle: string;
  let byMessage: string;
  let byReply: string;
  let plain: string;
  let othersId: string;

  beforeAll(async () => {
    owner = await ai.user();
    other = await ai.user();
    byTitle = (await create(owner.token, { title: 'Châteaux of the Loire' })).id;
    byMessage = (await create(owner.token, { title: 'Holidays' })).id;
    await chat(owner.token, byMessage, 'Which châteaux open in winter? Chambord perhaps');
    byReply = (await create(owner.token, { title: 'Gardening' })).id;
    ai.openai.reply('Tomatoes want sunshine and patience');
    await chat(owner.token, byReply, 'What grows well on a balcony?');
    plain = (await create(owner.token, { title: 'Taxes 100% done' })).id;
    // Another user's conversation matching everything.
    othersId = (await create(other.token, { title: 'Châteaux and tomatoes' })).id;
    await chat(other.token, othersId, 'Chambord châteaux tomatoes sunshine');
  });

  it('matches titles, case-insensitively, within words', async () => {
    expect(await search(owner.token, 'loire')).toEqual([byTitle]);
    expect(await search(owner.token, 'HOLIDAY')).toEqual([byMessage]);
  });

  it('matches the words of messages, the caller’s and the replies, in any language', async () => {
    expect(await search(owner.token, 'chambord')).toEqual([byMessage]);
    expect(await search(owner.token, 'châteaux')).toEqual([byMessage, byTitle]);
    expect(await search(owner.token, 'patience sunshine')).toEqual([byReply]);
    // The `simple` configuration: words, not stems.
    expect(await search(owner.token, 'tomato')).toEqual([]);
  });

  it('never finds another user’s conversations, and finds nothing for no match', async () => {
    expect(await search(other.token, 'loire')).toEqual([]);
    expect(await search(other.token, 'chambord')).toEqual([othersId]);
    expect(await search(owner.token, 'zeppelin')).toEqual([]);
    expect((await search(owner.token, 'sunshine')).includes(othersId)).toBe(false);
  });

  it('reaches every match page by page, however many there are', async () => {
    const many = await ai.user();
    await ai
      .em()
      .getConnection()
      .execute(
        `insert into ai.conversation (id, owner_id, title, model, created_at, updated_at)
         select gen_random_uuid(), ?, 'Marathon plan ' || n, 'gpt-4o-mini', now(), now() - n * interval '1 second'
         from generate_series(1, 1050) n`,
        [many.id],
      );
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await list(many.token, { search: 'marathon', first: 100, after });
      seen.push(...idsOf(page));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(1050);
    expect(new Set(seen).size).toBe(1050);
    const forged = await ai.post(many.token, LIST, {
      search: 'marathon',
      after: Buffer.from('["2030",1]').toString('base64url'),
    });
    expect(onlyError(forged)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('takes LIKE wildcards literally, and a blank search lists everything', async () => {
    expect(await search(owner.token, '%')).toEqual([plain]);
    expect(await search(owner.token, '_')).toEqual([]);
    expect(await search(owner.token, '  ')).toEqual([plain, byReply, byMessage, byTitle]);
  });

  it('leaves out a reply once it was replaced', async () => {
    ai.openai.reply('Basil and mint instead');
    const { regenerateReply } = await ai.ok(owner.token, REGENERATE, { id: byReply });
    expect(regenerateReply.status).toBe('STREAMING');
    await ai.settle();
    expect(await search(owner.token, 'patience')).toEqual([]);
    expect(await search(owner.token, 'basil')).toEqual([byReply]);
  });
});

describe('exportConversation', () => {
  it('exports the messages as JSON and as Markdown', async () => {
    const { token } = await ai.user();
    const { id } = await create(token, { title: 'Weekend', systemPrompt: 'Be brief.\nUse lists.' });
    ai.openai.reply('Go hiking.');
    await chat(token, id, 'What should I do on Saturday?');

    const json = JSON.parse((await ai.ok(token, EXPORT, { id, format: 'JSON' })).exportConversation);
    expect(json).toMatchObject({
      id,
      title: 'Weekend',
      model: 'gpt-4o-mini',
      systemPrompt: 'Be brief.\nUse lists.',
      messages: [
        { role: 'USER', content: 'What should I do on Saturday?', status: 'COMPLETE', cost: null },
        {
          role: 'ASSISTANT',
          content: 'Go hiking.',
          status: 'COMPLETE',
          model: 'gpt-4o-mini',
          // The provider's usage: the system prompt's and the message's tokens, then the reply's.
          promptTokens: countTokens('Be brief.\nUse lists.') + countTokens('What should I do on Saturday?'),
          completionTokens: countTokens('Go hiking.'),
          cost: expect.stringMatching(/^0\.\d+$/),
        },
      ],
    });

    const markdown: string = (await ai.ok(token, EXPORT, { id, format: 'MARKDOWN' })).exportConversation;
    expect(markdown).toBe(
      [
        '# Weekend',
        '',
        'Model: gpt-4o-mini',
        '',
        '> Be brief.',
        '> Use lists.',
        '',
        '## You',
        '',
        'What should I do on Saturday?',
        '',
        '## Assistant (gpt-4o-mini)',
        '',
        'Go hiking.',
        '',
      ].join('\n'),
    );
  });
});

describe('deleteConversation', () => {
  it('hides it everywhere: by id, in the list, in search, in export', async () => {
    const { token } = await ai.user();
    const kept = await create(token, { title: 'Kept lighthouse' });
    const gone = await create(token, { title: 'Gone lighthouse' });
    await chat(token, gone.id, 'Lighthouses of Brittany');
    expect(await search(token, 'lighthouse')).toEqual([gone.id, kept.id]);

    expect((await ai.ok(token, DELETE, { id: gone.id })).deleteConversation).toBe(true);
    expect(onlyError(await ai.post(token, CONVERSATION, { id: gone.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(idsOf(await list(token))).toEqual([kept.id]);
    expect(await search(token, 'lighthouse')).toEqual([kept.id]);
    expect(await search(token, 'brittany')).toEqual([]);
    expect(onlyError(await ai.post(token, EXPORT, { id: gone.id, format: 'JSON' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    // Once.
    expect(onlyError(await ai.post(token, DELETE, { id: gone.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(onlyError(await ai.post(token, SEND, { id: gone.id, content: 'Hello?' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(ai.openai.requestCount('POST /v1/chat/completions')).toBe(1);
  });
});

describe('another user’s conversation', () => {
  let ownerToken: string;
  let strangerToken: string;
  let id: string;

  beforeAll(async () => {
    ownerToken = (await ai.user()).token;
    strangerToken = (await ai.user()).token;
    id = (await create(ownerToken, { title: 'Private' })).id;
    await chat(ownerToken, id, 'A secret');
  });

  it.each([
    ['conversation', CONVERSATION, {}],
    ['exportConversation (JSON)', EXPORT, { format: 'JSON' }],
    ['exportConversation (MARKDOWN)', EXPORT, { format: 'MARKDOWN' }],
    ['renameConversation', RENAME, { title: 'Mine now' }],
    ['deleteConversation', DELETE, {}],
    ['sendMessage', SEND, { content: 'Hello' }],
    ['regenerateReply', REGENERATE, {}],
    ['cancelGeneration', CANCEL, {}],
  ])('is NOT_FOUND for %s, and left as it was', async (_name, operation, variables) => {
    ai.openai.reset();
    const body = await ai.post(strangerToken, operation, { id, ...variables });
    expect(body.data).toBeNull();
    expect(onlyError(body)).toMatchObject({ code: 'NOT_FOUND', message: 'No such conversation' });
    expect(ai.openai.requestCount()).toBe(0);
    const { conversation } = await ai.ok(ownerToken, CONVERSATION, { id });
    expect(conversation.title).toBe('Private');
    expect(conversation.messages.edges).toHaveLength(2);
  });

  it('is just as NOT_FOUND as an id that does not exist, or is no id', async () => {
    for (const unknown of [randomUUID(), 'not-an-id']) {
      expect(onlyError(await ai.post(strangerToken, CONVERSATION, { id: unknown }))).toMatchObject({
        code: 'NOT_FOUND',
        message: 'No such conversation',
      });
    }
  });

  it('never appears in the stranger’s list', async () => {
    expect(idsOf(await list(strangerToken))).toEqual([]);
  });
});
