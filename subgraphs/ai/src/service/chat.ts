import { notFound, validateInput } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Message } from '../entities';
import type { AiRuntime } from '../runtime';
import { assertNotStreaming, findConversation, isUuid, streamingReply } from './conversations';
import { startReply } from './generation';
import { fitHistory } from './history';

/**
 * Stores the owner's message and starts the reply: the plan's token budget is checked for the
 * prompt first (QUOTA_EXCEEDED and no provider call), one reply at a time per conversation.
 * Answers the reply as it starts (STREAMING); it streams on `messageStream`.
 */
export async function sendMessage(
  em: EntityManager,
  runtime: AiRuntime,
  ownerId: string,
  conversationId: string,
  content: unknown,
): Promise<Message> {
  const text = validateInput(
    z.string().trim().min(1).max(runtime.settings.AI_MAX_MESSAGE_CHARS),
    content,
    'content',
  );
  return reply(em, runtime, ownerId, conversationId, (_tx, history, conversation) => {
    const message = newMessage({ conversationId: conversation.id, ownerId, role: 'USER', content: text });
    history.push(message);
    return [message];
  });
}

/** Replaces the last reply (kept for its accounts, out of the history) with a new one. */
export async function regenerateReply(
  em: EntityManager,
  runtime: AiRuntime,
  ownerId: string,
  conversationId: string,
) {
  return reply(em, runtime, ownerId, conversationId, async (tx, history) => {
    const last = history.at(-1);
    if (!last) throw notFound('This conversation has no message to reply to');
    if (last.role === 'ASSISTANT') {
      last.replacedAt = new Date();
      await tx.nativeUpdate(Message, { id: last.id }, { replacedAt: last.replacedAt });
    }
    return [];
  });
}

/** Stops the reply being written in one of the owner's conversations; false if none was. */
export async function cancelGeneration(
  em: EntityManager,
  runtime: AiRuntime,
  ownerId: string,
  conversationId: string,
) {
  const conversation = await findConversation(em, ownerId, conversationId);
  const running = await streamingReply(em, conversation.id);
  if (!running) return false;
  // Stored first: the writer sees it at its next save even if the bus is down; the bus only
  // makes it immediate.
  await em.nativeUpdate(Message, { id: running.id, status: 'STREAMING' }, { cancelRequestedAt: new Date() });
  await runtime.hub
    .request({ kind: 'cancel', messageId: running.id })
    .catch((error: unknown) =>
      runtime.log.warn(
        { err: error, messageId: running.id },
        'cancel not broadcast; the writer reads it at its next save',
      ),
    );
  return true;
}

/** What a conversation's reply needs of it. */
interface LockedConversation {
  id: string;
  model: string;
  systemPrompt: string | null;
}

/** A message of the history, as fitted to the context window (and the last one regenerated). */
type HistoryMessage = Pick<Message, 'id' | 'role' | 'content' | 'status' | 'replacedAt' | 'createdAt'>;

/**
 * One transaction of few statements (a reply is on the path to the first token): the
 * conversation locked and touched in one, its history read once (which also tells whether a
 * reply is being written), the budget checked, the new rows inserted in one.
 */
async function reply(
  em: EntityManager,
  runtime: AiRuntime,
  ownerId: string,
  conversationId: string,
  /** Changes the history for this reply (mutating it); answers the messages to insert before the reply. */
  before: (
    tx: EntityManager,
    history: HistoryMessage[],
    conversation: LockedConversation,
  ) => Message[] | Promise<Message[]>,
): Promise<Message> {
  if (!isUuid(conversationId)) throw notFound('No such conversation');
  const {
    reply: placeholder,
    model,
    prompt,
    estimatedTokens,
  } = await em.transactional(async (tx) => {
    // One reply at a time per conversation, also across replicas: the row lock (taken by the
    // update) serialises senders, and a deletion committed while this one waited for it is seen.
    const [row] = await tx.execute<Array<{ model: string; system_prompt: string | null }>>(
      `update ai.conversation set updated_at = ? where id = ? and owner_id = ? and deleted_at is null
       returning model, system_prompt`,
      [new Date(), conversationId, ownerId],
    );
    if (!row) throw notFound('No such conversation');
    const conversation: LockedConversation = {
      id: conversationId,
      model: row.model,
      systemPrompt: row.system_prompt,
    };
    // Read after the lock: a reply another sender committed while this one waited is seen.
    const history = await conversationHistory(tx, conversationId);
    assertNotStreaming(history.find((message) => message.status === 'STREAMING') ?? null);
    const inserted = await before(tx, history, conversation);
    const model = runtime.models.chat(conversation.model);
    const fitted = fitHistory(
      model,
      conversation.systemPrompt,
      history,
      runtime.settings.AI_REPLY_MAX_TOKENS,
    );
    await runtime.meter.check(
      tx,
      ownerId,
      'aiTokens',
      fitted.estimatedTokens + (await tokensInFlight(tx, runtime, ownerId)),
    );
    const reply = newMessage({
      conversationId: conversation.id,
      ownerId,
      role: 'ASSISTANT',
      content: '',
      status: 'STREAMING',
      // The estimate, until the provider's usage replaces it: what the budget holds for it meanwhile.
      promptTokens: fitted.estimatedTokens,
      model: model.id,
      provider: model.provider.id,
    });
    // After the message it answers, in the conversation's order (created_at, then id), even
    // within one millisecond.
    const previous = history.at(-1)?.createdAt.getTime() ?? 0;
    if (reply.createdAt.getTime() <= previous) reply.createdAt = reply.writtenAt = new Date(previous + 1);
    await tx.insertMany([...inserted, reply]);
    return { reply, model, prompt: fitted.prompt, estimatedTokens: fitted.estimatedTokens };
  });
  startReply(runtime, { reply: placeholder, ownerId, model, prompt, estimatedPromptTokens: estimatedTokens });
  return placeholder;
}

function newMessage(
  fields: Pick<Message, 'conversationId' | 'ownerId' | 'role' | 'content'> & Partial<Message>,
) {
  return Object.assign(new Message(), fields);
}

/**
 * The conversation's history, oldest first: every message not replaced, and a reply being
 * written (never a replaced one, but it is what matters: one reply at a time), read as rows.
 */
async function conversationHistory(tx: EntityManager, conversationId: string): Promise<HistoryMessage[]> {
  const rows = await tx.execute<
    Array<{
      id: string;
      role: Message['role'];
      content: string;
      status: Message['status'];
      replaced_at: Date | string | null;
      created_at: Date | string;
    }>
  >(
    `select id, role, content, status, replaced_at, created_at from ai.message
      where conversation_id = ? and (replaced_at is null or status = 'STREAMING')
      order by created_at, id`,
    [conversationId],
  );
  return rows.map((row) => ({
    id: row.id,
    role: row.role,
    content: row.content,
    status: row.status,
    replacedAt: row.replaced_at === null ? null : new Date(row.replaced_at),
    createdAt: new Date(row.created_at),
  }));
}

/**
 * What the owner's replies being written (in any conversation) may still spend: their prompts
 * and the longest reply each, not recorded until they end. A check counts them, so messages sent
 * at once in many conversations cannot all pass it against a budget none has used yet; the
 * owner's senders queue on a lock for that (each reply row commits before the next counts).
 */
async function tokensInFlight(tx: EntityManager, runtime: AiRuntime, ownerId: string): Promise<number> {
  await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`ai.tokens:${ownerId}`]);
  return repliesInFlight(tx, runtime, ownerId);
}

/** What the owner's replies being written may still spend (their prompts and the longest reply each). */
export async function repliesInFlight(
  tx: EntityManager,
  runtime: AiRuntime,
  ownerId: string,
): Promise<number> {
  const [row] = await tx.execute<{ tokens: string }[]>(
    `select coalesce(sum(coalesce(prompt_tokens, 0) + ?), 0) as tokens
       from ai.message where owner_id = ? and status = 'STREAMING'`,
    [runtime.settings.AI_REPLY_MAX_TOKENS, ownerId],
  );
  return Number(row?.tokens ?? 0);
}
