import { notFound, validateInput } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Conversation, Message } from '../entities';
import type { AiRuntime } from '../runtime';
import { allMessages, assertNotStreaming, findConversation, streamingReply } from './conversations';
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
  return reply(em, runtime, ownerId, conversationId, (tx, conversation) =>
    tx.create(Message, { conversationId: conversation.id, ownerId, role: 'USER', content: text }),
  );
}

/** Replaces the last reply (kept for its accounts, out of the history) with a new one. */
export async function regenerateReply(
  em: EntityManager,
  runtime: AiRuntime,
  ownerId: string,
  conversationId: string,
) {
  return reply(em, runtime, ownerId, conversationId, async (tx, conversation) => {
    const last = await tx.findOne(
      Message,
      { conversationId: conversation.id, replacedAt: null },
      { orderBy: { createdAt: 'desc', id: 'desc' } },
    );
    if (!last) throw notFound('This conversation has no message to reply to');
    if (last.role === 'ASSISTANT') last.replacedAt = new Date();
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

async function reply(
  em: EntityManager,
  runtime: AiRuntime,
  ownerId: string,
  conversationId: string,
  before: (tx: EntityManager, conversation: Conversation) => unknown,
): Promise<Message> {
  const {
    reply: placeholder,
    model,
    prompt,
    estimatedTokens,
  } = await em.transactional(async (tx) => {
    const conversation = await findConversation(tx, ownerId, conversationId);
    // One reply at a time per conversation, also across replicas: the row lock serialises senders
    // (and a deletion committed while this one waited for it is seen).
    const locked = await tx.execute(
      'select 1 from ai.conversation where id = ? and deleted_at is null for update',
      [conversation.id],
    );
    if (!locked.length) throw notFound('No such conversation');
    assertNotStreaming(await streamingReply(tx, conversation.id));
    await before(tx, conversation);
    await tx.flush();
    const model = runtime.models.chat(conversation.model);
    const history = fitHistory(
      model,
      conversation.systemPrompt,
      await allMessages(tx, conversation.id),
      runtime.settings.AI_REPLY_MAX_TOKENS,
    );
    await runtime.meter.check(
      tx,
      ownerId,
      'aiTokens',
      history.estimatedTokens + (await tokensInFlight(tx, runtime, ownerId)),
    );
    conversation.updatedAt = new Date();
    const reply = tx.create(Message, {
      conversationId: conversation.id,
      ownerId,
      role: 'ASSISTANT',
      content: '',
      status: 'STREAMING',
      // The estimate, until the provider's usage replaces it: what the budget holds for it meanwhile.
      promptTokens: history.estimatedTokens,
      model: model.id,
      provider: model.provider.id,
    });
    return { reply, model, prompt: history.prompt, estimatedTokens: history.estimatedTokens };
  });
  startReply(runtime, { reply: placeholder, ownerId, model, prompt, estimatedPromptTokens: estimatedTokens });
  return placeholder;
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
