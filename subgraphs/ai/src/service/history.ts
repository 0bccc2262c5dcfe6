import { badUserInput } from '@lattice/server-kit';
import type { Message } from '../entities';
import type { ChatModel } from '../providers/catalogue';
import { estimateTokens, TOKENS_PER_MESSAGE } from './tokens';

export interface PromptMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * What is sent to the model: the system prompt, then as many of the latest turns as fit the
 * context window with room for the reply (the oldest are dropped first; the newest message
 * always goes). Failed replies and replaced ones are left out. With its token estimate.
 */
export function fitHistory(
  model: ChatModel,
  systemPrompt: string | null,
  messages: ReadonlyArray<Pick<Message, 'role' | 'content' | 'status' | 'replacedAt'>>,
  replyTokens: number,
): { prompt: PromptMessage[]; estimatedTokens: number } {
  const budget = model.contextWindow - replyTokens;
  const system: PromptMessage[] = systemPrompt ? [{ role: 'system', content: systemPrompt }] : [];
  let used = system.reduce((sum, message) => sum + cost(message), 0);
  const turns: PromptMessage[] = [];
  for (const message of [...messages].reverse()) {
    if (
      message.replacedAt ||
      message.status === 'FAILED' ||
      message.status === 'STREAMING' ||
      !message.content
    )
      continue;
    const turn: PromptMessage = {
      role: message.role === 'USER' ? 'user' : 'assistant',
      content: message.content,
    };
    if (used + cost(turn) > budget) {
      if (turns.length === 0)
        throw badUserInput(`The message is too long for ${model.id}'s context window`, 'content');
      break;
    }
    used += cost(turn);
    turns.unshift(turn);
  }
  return { prompt: [...system, ...turns], estimatedTokens: used };
}

const cost = (message: PromptMessage) => estimateTokens(message.content) + TOKENS_PER_MESSAGE;
