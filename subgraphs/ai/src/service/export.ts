import type { EntityManager } from '@mikro-orm/postgresql';
import type { Message } from '../entities';
import { allMessages, findConversation } from './conversations';
import { picosToDollars } from './money';

/** One of the owner's conversations with all its messages, as JSON or Markdown. */
export async function exportConversation(
  em: EntityManager,
  ownerId: string,
  id: string,
  format: 'JSON' | 'MARKDOWN',
): Promise<string> {
  const conversation = await findConversation(em, ownerId, id);
  const messages = await allMessages(em, conversation.id);
  if (format === 'JSON') {
    return JSON.stringify(
      {
        id: conversation.id,
        title: conversation.title,
        model: conversation.model,
        systemPrompt: conversation.systemPrompt,
        createdAt: conversation.createdAt.toISOString(),
        messages: messages.map((message) => ({
          id: message.id,
          role: message.role,
          content: message.content,
          status: message.status,
          model: message.model,
          promptTokens: message.promptTokens,
          completionTokens: message.completionTokens,
          cost: message.costPicos === null ? null : picosToDollars(message.costPicos),
          createdAt: message.createdAt.toISOString(),
        })),
      },
      null,
      2,
    );
  }
  const header = [`# ${conversation.title}`, '', `Model: ${conversation.model}`];
  if (conversation.systemPrompt) header.push('', `> ${conversation.systemPrompt.replace(/\n/g, '\n> ')}`);
  return [...header, ...messages.map(markdownTurn)].join('\n') + '\n';
}

function markdownTurn(message: Message): string {
  const who = message.role === 'USER' ? 'You' : `Assistant (${message.model ?? 'model'})`;
  const note =
    message.status === 'CANCELLED' ? ' — cancelled' : message.status === 'FAILED' ? ' — failed' : '';
  return `\n## ${who}${note}\n\n${message.content}`;
}
