import { randomUUID } from 'node:crypto';
import type { EventData } from '@lattice/events';
import { event } from './events';

type Reply = EventData<'ai.message_completed'>;

/** A reply to `userId` that ended at `occurredAt` (ai publishes it with the user as actor). */
export function reply(
  userId: string,
  occurredAt: string,
  figures: Pick<Reply, 'provider' | 'model' | 'status' | 'promptTokens' | 'completionTokens'> &
    Partial<Pick<Reply, 'latencyMs' | 'firstTokenMs' | 'costPicos' | 'error'>>,
) {
  const data: Reply = {
    messageId: randomUUID(),
    conversationId: randomUUID(),
    userId,
    latencyMs: 1000,
    firstTokenMs: 100,
    costPicos: 0,
    error: figures.status === 'FAILED' ? 'provider_error' : null,
    ...figures,
  };
  return event('ai.message_completed', data, { actor: userId, subject: userId, occurredAt });
}

/** An image `userId` generated at `occurredAt`. */
export function image(
  userId: string,
  occurredAt: string,
  figures: { provider: string; model: string; costPicos: number },
) {
  const imageId = randomUUID();
  const data: EventData<'ai.image_generated'> = {
    imageId,
    userId,
    mediaId: randomUUID(),
    storageKey: `ai-images/${imageId}.png`,
    filename: `generated-${imageId.slice(0, 8)}.png`,
    size: '1024x1024',
    latencyMs: 8000,
    ...figures,
  };
  return event('ai.image_generated', data, { actor: userId, subject: userId, occurredAt });
}
