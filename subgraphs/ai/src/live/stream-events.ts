import type { MessageStatus } from '../entities';

/** The bus channel replies stream on, to every ai replica. */
export const STREAM_CHANNEL = 'ai.stream';
/** The bus channel of requests to the replica generating a reply (catch-up, cancel). */
export const CONTROL_CHANNEL = 'ai.control';

/** A reply as sent on the bus once it ended (dates as ISO strings). */
export interface StoredReply {
  id: string;
  conversationId: string;
  content: string;
  status: MessageStatus;
  model: string | null;
  provider: string | null;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number | null;
  costPicos: number | null;
  error: string | null;
  createdAt: string;
}

/** What travels on STREAM_CHANNEL. Offsets and lengths are in UTF-16 code units. */
export type StreamMessage =
  | { kind: 'delta'; conversationId: string; messageId: string; offset: number; delta: string }
  /** Everything written so far, answering a catch-up request. */
  | { kind: 'snapshot'; conversationId: string; messageId: string; content: string }
  | { kind: 'end'; conversationId: string; messageId: string; reply: StoredReply };

export type ControlMessage = { kind: 'catch-up'; messageId: string } | { kind: 'cancel'; messageId: string };
