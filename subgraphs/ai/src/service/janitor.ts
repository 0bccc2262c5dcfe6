import { Message } from '../entities';
import type { AiRuntime } from '../runtime';
import { describeFailure } from '../providers/retries';

/**
 * Marks FAILED the replies left STREAMING by a process that died (none of this replica's own,
 * and not written for AI_STALE_REPLY_SECONDS: a live reply saves its text every 250 ms, and
 * a provider silent that long has timed out), so their conversations take messages again.
 */
export async function failStaleReplies(runtime: AiRuntime, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - runtime.settings.AI_STALE_REPLY_SECONDS * 1000);
  const em = runtime.orm.em.fork();
  const stale = await em.find(Message, { status: 'STREAMING', writtenAt: { $lt: before } }, { limit: 500 });
  const orphans = stale.filter((reply) => !runtime.hub.isGeneratingHere(reply.id)).map((reply) => reply.id);
  if (!orphans.length) return 0;
  return em.nativeUpdate(
    Message,
    { id: { $in: orphans }, status: 'STREAMING' },
    { status: 'FAILED', error: describeFailure('interrupted') },
  );
}
