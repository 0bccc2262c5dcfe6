import { randomUUID } from 'node:crypto';
import { Conversation, GeneratedImage, Message } from '../src/entities';
import { type AiFixture, startAi } from './support/fixture';

/**
 * Conversation, Message and GeneratedImage as other subgraphs resolve them, through
 * `_entities`: batched (any number of keys, the same SQL), and for their owner only.
 */
let ai: AiFixture;
const ownerId = randomUUID();
let owner: string;
let stranger: string;
let admin: string;
let conversationIds: string[];
let messageIds: string[];
let imageIds: string[];

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Conversation { id title model }
    ... on Message { id conversationId role content status cost }
    ... on GeneratedImage { id prompt imageCost: cost image { id } }
  }
}`;
type Typename = 'Conversation' | 'Message' | 'GeneratedImage';
const refs = (typename: Typename, ids: string[]) => ids.map((id) => ({ __typename: typename, id }));
const resolve = async (token: string | null, representations: Array<{ __typename: string; id: string }>) => {
  const { data, errors } = await ai.post(token, ENTITIES, { representations });
  expect(errors).toBeUndefined();
  return data._entities as any[];
};

beforeAll(async () => {
  ai = await startAi();
  owner = await ai.issuer.token('user', ownerId);
  stranger = await ai.issuer.token('user');
  admin = await ai.issuer.token('admin');
  const em = ai.em();
  const base = Date.now() - 100_000;
  const conversations = Array.from({ length: 50 }, (_, index) =>
    em.create(Conversation, {
      ownerId,
      title: `Conversation ${index}`,
      model: 'gpt-4o-mini',
      createdAt: new Date(base + index),
      updatedAt: new Date(base + index),
    }),
  );
  // One message in each conversation: 50 messages across 50 conversations.
  const messages = conversations.map((conversation, index) =>
    em.create(Message, {
      conversationId: conversation.id,
      ownerId,
      role: index % 2 ? 'ASSISTANT' : 'USER',
      content: `Message ${index}`,
      costPicos: index % 2 ? 18_450_000 : null,
      createdAt: new Date(base + index),
    }),
  );
  const images = Array.from({ length: 50 }, (_, index) =>
    em.create(GeneratedImage, {
      ownerId,
      prompt: `A lighthouse ${index}`,
      size: '1024x1024',
      provider: 'openai',
      model: 'gpt-image-1',
      mediaId: randomUUID(),
      costPicos: 42_000_000_000,
      createdAt: new Date(base + index),
    }),
  );
  await em.flush();
  conversationIds = conversations.map((row) => row.id);
  messageIds = messages.map((row) => row.id);
  imageIds = images.map((row) => row.id);
});
afterAll(() => ai?.stop());

describe('_entities', () => {
  // One statement for the keys; a message also needs its conversation (not deleted): one more for all.
  it.each([
    ['Conversation', () => conversationIds, 1],
    ['Message', () => messageIds, 2],
    ['GeneratedImage', () => imageIds, 1],
  ] as const)('resolves 5 and 50 %s keys with the same SQL', async (typename, ids, statements) => {
    const sqlFor = async (keys: string[]) => {
      ai.fixture.subgraph.sql.reset();
      const entities = await resolve(owner, refs(typename, keys));
      expect(entities.map((entity) => entity?.id)).toEqual(keys);
      return ai.fixture.subgraph.sql.count;
    };
    const five = await sqlFor(ids().slice(0, 5));
    const fifty = await sqlFor(ids());
    expect(five).toBe(statements);
    expect(fifty).toBe(five);
  });

  it('answers its owner the fields', async () => {
    const [conversation, message, reply, image] = await resolve(owner, [
      ...refs('Conversation', conversationIds.slice(0, 1)),
      ...refs('Message', messageIds.slice(0, 2)),
      ...refs('GeneratedImage', imageIds.slice(0, 1)),
    ]);
    expect(conversation).toEqual({ id: conversationIds[0], title: 'Conversation 0', model: 'gpt-4o-mini' });
    expect(message).toEqual({
      id: messageIds[0],
      conversationId: conversationIds[0],
      role: 'USER',
      content: 'Message 0',
      status: 'COMPLETE',
      cost: null,
    });
    expect(reply).toMatchObject({ id: messageIds[1], role: 'ASSISTANT', cost: '0.00001845' });
    expect(image).toMatchObject({ id: imageIds[0], prompt: 'A lighthouse 0', imageCost: '0.042' });
    expect(image.image.id).toEqual(expect.any(String));
  });

  it.each(['Conversation', 'Message', 'GeneratedImage'] as const)(
    'resolves another user’s %s as null, even for an admin or anonymously',
    async (typename) => {
      const ids = { Conversation: conversationIds, Message: messageIds, GeneratedImage: imageIds }[typename];
      const keys = refs(typename, ids.slice(0, 3));
      for (const token of [stranger, admin, null])
        expect(await resolve(token, keys)).toEqual([null, null, null]);
    },
  );

  it('resolves a deleted conversation as null, and its messages too', async () => {
    const { conversation, messages } = await ai.seed(ownerId, { title: 'To delete' }, [
      { role: 'USER', content: 'Hello' },
      { role: 'ASSISTANT', content: 'Hi' },
    ]);
    const keys = [
      ...refs('Conversation', [conversation.id]),
      ...refs(
        'Message',
        messages.map((m) => m.id),
      ),
    ];
    expect((await resolve(owner, keys)).map((entity) => entity?.id)).toEqual([
      conversation.id,
      ...messages.map((m) => m.id),
    ]);
    const { deleteConversation } = await ai.ok(owner, `mutation($id: ID!) { deleteConversation(id: $id) }`, {
      id: conversation.id,
    });
    expect(deleteConversation).toBe(true);
    expect(await resolve(owner, keys)).toEqual([null, null, null]);
  });

  it('resolves a deleted image as null', async () => {
    const em = ai.em();
    const image = em.create(GeneratedImage, {
      ownerId,
      prompt: 'Gone',
      size: '1024x1024',
      provider: 'openai',
      model: 'gpt-image-1',
      mediaId: randomUUID(),
      costPicos: 1,
      deletedAt: new Date(),
    });
    await em.flush();
    expect(await resolve(owner, refs('GeneratedImage', [image.id]))).toEqual([null]);
  });

  it('resolves unknown and malformed keys as null, without failing the others', async () => {
    const entities = await resolve(owner, [
      { __typename: 'Conversation', id: randomUUID() },
      { __typename: 'Conversation', id: 'not-a-uuid' },
      { __typename: 'Conversation', id: conversationIds[0]! },
      { __typename: 'Message', id: 'nope' },
      { __typename: 'GeneratedImage', id: '' },
    ]);
    expect(entities.map((entity) => entity?.id ?? null)).toEqual([
      null,
      null,
      conversationIds[0],
      null,
      null,
    ]);
  });
});
