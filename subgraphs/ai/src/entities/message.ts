import { randomUUID } from 'node:crypto';
import { BigIntType, EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type MessageRole = 'USER' | 'ASSISTANT';
export type MessageStatus = 'STREAMING' | 'COMPLETE' | 'CANCELLED' | 'FAILED';

/**
 * A message of a conversation. A reply is written while it streams (`content` so far, flushed
 * a few times a second) and completed with its usage; `replacedAt` marks a reply that
 * `regenerateReply` replaced (kept for the accounts of its tokens, left out of the history).
 */
export class Message {
  [OptionalProps]?:
    | 'id'
    | 'status'
    | 'model'
    | 'provider'
    | 'promptTokens'
    | 'completionTokens'
    | 'latencyMs'
    | 'costPicos'
    | 'error'
    | 'createdAt'
    | 'writtenAt'
    | 'cancelRequestedAt'
    | 'replacedAt';
  id: string = randomUUID();
  conversationId!: string;
  ownerId!: string;
  role!: MessageRole;
  content!: string;
  status: MessageStatus = 'COMPLETE';
  model: string | null = null;
  provider: string | null = null;
  promptTokens: number | null = null;
  completionTokens: number | null = null;
  latencyMs: number | null = null;
  /** US dollars in picodollars (10⁻¹² USD), exact. */
  costPicos: number | null = null;
  error: string | null = null;
  createdAt: Date = new Date();
  /** The last time a reply's text was saved: a STREAMING reply not written for long is orphaned. */
  writtenAt: Date = new Date();
  /**
   * When its owner asked to stop a STREAMING reply: the writer reads it with each save, so a
   * cancel holds even when the bus cannot carry it.
   */
  cancelRequestedAt: Date | null = null;
  replacedAt: Date | null = null;
}

export const MessageSchema = new EntitySchema<Message>({
  class: Message,
  tableName: 'message',
  indexes: [
    { properties: ['conversationId', 'createdAt', 'id'] },
    // The owner's replies being written, which a budget check counts.
    { properties: ['ownerId', 'status'] },
    {
      name: 'message_search_index',
      expression: `create index "message_search_index" on "ai"."message" using gin (to_tsvector('simple', "content"))`,
    },
  ],
  properties: {
    id: { type: 'uuid', primary: true },
    conversationId: { type: 'uuid' },
    ownerId: { type: 'uuid' },
    role: { type: 'string', length: 16 },
    content: { type: 'text' },
    status: { type: 'string', length: 16, default: 'COMPLETE' },
    model: { type: 'string', length: 100, nullable: true },
    provider: { type: 'string', length: 64, nullable: true },
    promptTokens: { type: 'integer', nullable: true },
    completionTokens: { type: 'integer', nullable: true },
    latencyMs: { type: 'integer', nullable: true },
    costPicos: { type: new BigIntType('number'), nullable: true },
    error: { type: 'string', length: 500, nullable: true },
    createdAt: { type: 'datetime' },
    writtenAt: { type: 'datetime' },
    cancelRequestedAt: { type: 'datetime', nullable: true },
    replacedAt: { type: 'datetime', nullable: true },
  },
});
