import { PushQueue } from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Message } from '../entities';
import { isUuid } from '../service/conversations';
import { storedReply } from '../service/generation';
import type { ReplyHub } from './hub';
import { ReplyStream, type StreamEvent } from './reply-stream';

/** Far more events than a reply has: a subscriber this far behind is let go (it can resume). */
const CAPACITY = 100_000;

/**
 * The replies of a conversation as they are written, for one subscriber: it listens first,
 * then catches up on the reply being written (the text saved so far, then a snapshot from the
 * replica writing it), so nothing between is missed; `resume` names the reply and offset a
 * reconnecting client already has. Ends when the client leaves.
 */
export async function watchReplies(
  hub: ReplyHub,
  em: EntityManager,
  conversationId: string,
  resume: { messageId?: string | null; offset?: number | null },
): Promise<AsyncIterableIterator<StreamEvent>> {
  const queue: PushQueue<StreamEvent> = new PushQueue(CAPACITY, () => stop());
  const stream = new ReplyStream((event) => {
    queue.push(event);
    if (queue.dropped) void queue.return();
  });
  if (resume.messageId) stream.resumeFrom(resume.messageId, Math.max(resume.offset ?? 0, 0));
  const stop = hub.listen(conversationId, (message) => stream.accept(message));

  try {
    // An id that is no message's (not even a UUID) resumes nothing, like an unknown one.
    const wanted =
      resume.messageId && isUuid(resume.messageId)
        ? await em.findOne(Message, { id: resume.messageId, conversationId, role: 'ASSISTANT' })
        : null;
    const current = await em.findOne(Message, { conversationId, status: 'STREAMING' });
    for (const reply of new Set([wanted, current].filter((message) => message !== null))) {
      if (reply.status === 'STREAMING') {
        stream.accept({ kind: 'snapshot', conversationId, messageId: reply.id, content: reply.content });
        await hub.request({ kind: 'catch-up', messageId: reply.id });
      } else {
        stream.accept({ kind: 'end', conversationId, messageId: reply.id, reply: storedReply(reply) });
      }
    }
  } catch (error) {
    // No subscription: stop listening, or the hub keeps the listener forever.
    await queue.return();
    throw error;
  }
  return queue;
}
