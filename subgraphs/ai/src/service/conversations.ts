import { badUserInput, conflict, notFound, validateInput } from '@lattice/server-kit';
import {
  type Connection,
  decodeCursor,
  encodeCursor,
  isUuid,
  type PageArgs,
  pageSize,
  paginate,
} from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { Conversation, Message } from '../entities';
import type { AiRuntime } from '../runtime';

export { isUuid };

const title = z.string().trim().min(1).max(200);
const createInput = z.object({
  title: title.nullish(),
  model: z.string().max(100).nullish(),
  systemPrompt: z.string().max(10_000).nullish(),
});

export async function createConversation(
  em: EntityManager,
  runtime: AiRuntime,
  ownerId: string,
  input: unknown,
): Promise<Conversation> {
  const fields = validateInput(createInput, input);
  const model = runtime.models.chat(fields.model, 'input.model');
  const conversation = em.create(Conversation, {
    ownerId,
    title: fields.title ?? 'New conversation',
    model: model.id,
    systemPrompt: fields.systemPrompt?.trim() || null,
  });
  await em.flush();
  return conversation;
}

/** One of the owner's conversations, not deleted; NOT_FOUND for anything else. */
export async function findConversation(
  em: EntityManager,
  ownerId: string,
  id: string,
): Promise<Conversation> {
  const conversation = isUuid(id) ? await em.findOne(Conversation, { id, ownerId, deletedAt: null }) : null;
  if (!conversation) throw notFound('No such conversation');
  return conversation;
}

export async function renameConversation(em: EntityManager, ownerId: string, id: string, newTitle: string) {
  const conversation = await findConversation(em, ownerId, id);
  conversation.title = validateInput(title, newTitle, 'title');
  await em.flush();
  return conversation;
}

/** Deletes the conversation (soft): it leaves every list, search and stream; a reply running is stopped. */
export async function deleteConversation(em: EntityManager, runtime: AiRuntime, ownerId: string, id: string) {
  const conversation = await findConversation(em, ownerId, id);
  conversation.deletedAt = new Date();
  await em.flush();
  const streaming = await em.findOne(Message, { conversationId: id, status: 'STREAMING' });
  if (streaming) await runtime.hub.request({ kind: 'cancel', messageId: streaming.id });
  return true;
}

/**
 * The owner's conversations, most recently active first; with `search`, those whose title or
 * any message matches it (PostgreSQL full text, `simple` configuration: every language), every
 * match reachable page by page.
 */
export function listConversations(
  em: EntityManager,
  ownerId: string,
  args: PageArgs & { search?: string | null },
): Promise<Connection<Conversation>> {
  const search = args.search?.trim();
  if (search) return searchConversations(em, ownerId, search, args);
  return paginate(em, Conversation, { ownerId, deletedAt: null }, args, {
    orderBy: ['updatedAt', 'id'],
    direction: 'desc',
  });
}

/** How cursors spell an instant (`toISOString`). */
const INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** One keyset page of the owner's conversations matching `search`, in one statement. */
async function searchConversations(
  em: EntityManager,
  ownerId: string,
  search: string,
  args: PageArgs,
): Promise<Connection<Conversation>> {
  const first = pageSize(args);
  const params: unknown[] = [ownerId, `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, search];
  let after = '';
  if (args.after) {
    const [updatedAt, id] = decodeCursor(args.after, 2);
    if (typeof updatedAt !== 'string' || !INSTANT.test(updatedAt) || typeof id !== 'string' || !isUuid(id)) {
      throw badUserInput('after: not a cursor returned by this list', 'after');
    }
    after = 'and (c.updated_at, c.id) < (?, ?)';
    params.push(new Date(updatedAt), id);
  }
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `select c.* from ai.conversation c
      where c.owner_id = ? and c.deleted_at is null
        and (c.title ilike ? escape '\\'
             or exists (select 1 from ai.message m
                         where m.conversation_id = c.id and m.replaced_at is null
                           and to_tsvector('simple', m.content) @@ plainto_tsquery('simple', ?)))
        ${after}
      order by c.updated_at desc, c.id desc
      limit ?`,
    [...params, first + 1],
  );
  const edges = rows.slice(0, first).map((row) => {
    const node = em.map(Conversation, row);
    return { node, cursor: encodeCursor([node.updatedAt.toISOString(), node.id]) };
  });
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** A page of a conversation's messages, oldest first (replaced replies left out). */
export function listMessages(
  em: EntityManager,
  conversationId: string,
  args: PageArgs,
): Promise<Connection<Message>> {
  return paginate(em, Message, { conversationId, replacedAt: null }, args, {
    orderBy: ['createdAt', 'id'],
    direction: 'asc',
    defaultFirst: 50,
    maxFirst: 200,
  });
}

/** Every message of a conversation, oldest first (history, export). */
export function allMessages(em: EntityManager, conversationId: string): Promise<Message[]> {
  return em.find(Message, { conversationId, replacedAt: null }, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

/** The reply being generated in a conversation, if any. */
export function streamingReply(em: EntityManager, conversationId: string): Promise<Message | null> {
  return em.findOne(Message, { conversationId, status: 'STREAMING' });
}

export function assertNotStreaming(reply: object | null): void {
  if (reply) throw conflict('A reply is being written in this conversation; wait for it or cancel it');
}
