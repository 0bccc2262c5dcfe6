import type { StoredReply, StreamMessage } from './stream-events';

/** What a subscriber is sent: a piece of a reply, or its end. */
export interface StreamEvent {
  messageId: string;
  offset: number;
  delta: string;
  reply?: StoredReply;
}

/**
 * One subscriber's view of a conversation's replies: whatever order deltas, snapshots and ends
 * arrive in (live ones, and the catch-up asked for on (re)subscribing), each character is sent
 * once and in order. A delta beyond what is known waits for the snapshot that fills the gap.
 */
export class ReplyStream {
  /** Per reply: characters already sent, deltas waiting for a gap to fill, whether it ended. */
  private readonly replies = new Map<string, { sent: number; waiting: StreamMessage[]; ended: boolean }>();

  constructor(private readonly emit: (event: StreamEvent) => void) {}

  /** The subscriber already has `offset` characters of `messageId` (a resumed subscription). */
  resumeFrom(messageId: string, offset: number): void {
    this.state(messageId).sent = offset;
  }

  accept(message: StreamMessage): void {
    const reply = this.state(message.messageId);
    if (reply.ended) return;
    switch (message.kind) {
      case 'delta':
        if (message.offset > reply.sent) {
          reply.waiting.push(message);
          return;
        }
        this.sendText(message.messageId, message.offset, message.delta);
        break;
      case 'snapshot':
        this.sendText(message.messageId, 0, message.content);
        break;
      case 'end':
        this.sendText(message.messageId, 0, message.reply.content);
        reply.ended = true;
        reply.waiting = [];
        this.emit({ messageId: message.messageId, offset: reply.sent, delta: '', reply: message.reply });
        return;
    }
    this.drain(message.messageId);
  }

  private sendText(messageId: string, offset: number, text: string) {
    const reply = this.state(messageId);
    const end = offset + text.length;
    if (offset > reply.sent || end <= reply.sent) return;
    const delta = text.slice(reply.sent - offset);
    this.emit({ messageId, offset: reply.sent, delta });
    reply.sent = end;
  }

  private drain(messageId: string) {
    const reply = this.state(messageId);
    for (;;) {
      const next = reply.waiting.findIndex(
        (waiting) => waiting.kind === 'delta' && waiting.offset <= reply.sent,
      );
      if (next < 0) return;
      const [message] = reply.waiting.splice(next, 1);
      if (message?.kind === 'delta') this.sendText(messageId, message.offset, message.delta);
    }
  }

  private state(messageId: string) {
    let reply = this.replies.get(messageId);
    if (!reply) {
      reply = { sent: 0, waiting: [], ended: false };
      this.replies.set(messageId, reply);
    }
    return reply;
  }
}
