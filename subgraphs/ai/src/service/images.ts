import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { createEvent, recordEvent } from '@lattice/events';
import { badUserInput, notFound, validateInput } from '@lattice/server-kit';
import { type Connection, type PageArgs, paginate } from '@lattice/subgraph-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { GeneratedImage } from '../entities';
import { withRetries } from '../providers/retries';
import type { AiRuntime } from '../runtime';
import { isUuid } from './conversations';

const SIZES = ['1024x1024', '1536x1024', '1024x1536'] as const;
const STYLES = ['natural', 'vivid'] as const;

const imageInput = z.object({
  prompt: z.string().trim().min(1).max(4000),
  size: z.enum(SIZES).default('1024x1024'),
  style: z.enum(STYLES).nullish(),
});

/**
 * Generates an image for the owner. Under a per-user lock held until the generation is
 * recorded (one transaction, so a pooled connection for the provider's time): the plan's
 * monthly image limit is checked (QUOTA_EXCEEDED, no provider call), the provider answers in
 * base64 (current image models do), the bytes wait in the object storage shared with media,
 * and the generation, its cost, its use of the limit and `ai.image_generated` are recorded;
 * media then stores the bytes as the Media named here, with a thumbnail.
 */
export async function generateImage(
  em: EntityManager,
  runtime: AiRuntime,
  ownerId: string,
  args: unknown,
): Promise<GeneratedImage> {
  const { prompt, size, style } = validateInput(imageInput, args, '');
  const model = runtime.models.image();
  const id = randomUUID();
  const mediaId = randomUUID();
  const storageKey = `imports/ai/${mediaId}.png`;
  try {
    // One generation at a time per user, the limit checked and the provider called under the
    // lock: concurrent calls with one image left reach the provider once, not once each.
    return await em.transactional(async (tx) => {
      await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`ai.images:${ownerId}`]);
      await runtime.meter.check(tx, ownerId, 'imageGenerations', 1);
      const started = Date.now();
      const controller = new AbortController();
      const answer = await withRetries(
        () =>
          model.provider.client.images.generate(
            { model: model.id, prompt: style ? `${prompt}\n\nStyle: ${style}.` : prompt, size, n: 1 },
            { signal: controller.signal },
          ),
        runtime.settings.AI_MAX_RETRIES,
        controller.signal,
      );
      const base64 = answer.data?.[0]?.b64_json;
      if (!base64) throw badUserInput('The provider returned no image; try another prompt', 'prompt');
      await runtime.storage.write(storageKey, Readable.from([Buffer.from(base64, 'base64')]), 'image/png');
      await runtime.meter.record(tx, {
        userId: ownerId,
        meter: 'imageGenerations',
        amount: 1,
        key: `image:${id}`,
      });
      const image = tx.create(GeneratedImage, {
        id,
        ownerId,
        prompt,
        size,
        style: style ?? null,
        provider: model.provider.id,
        model: model.id,
        mediaId,
        costPicos: Number(model.pricePerImage),
      });
      recordEvent(
        tx,
        createEvent('ai.image_generated', {
          actor: ownerId,
          subject: ownerId,
          data: {
            imageId: id,
            userId: ownerId,
            mediaId,
            storageKey,
            filename: `generated-${id.slice(0, 8)}.png`,
            provider: model.provider.id,
            model: model.id,
            size,
            costPicos: image.costPicos,
            latencyMs: Date.now() - started,
          },
        }),
      );
      return image;
    });
  } catch (error) {
    await runtime.storage.remove(storageKey);
    throw error;
  }
}

export function listImages(
  em: EntityManager,
  ownerId: string,
  args: PageArgs,
): Promise<Connection<GeneratedImage>> {
  return paginate(em, GeneratedImage, { ownerId, deletedAt: null }, args, {
    orderBy: ['createdAt', 'id'],
    direction: 'desc',
  });
}

/** Deletes one of the owner's images from their list (its media stays theirs, in media). */
export async function deleteImage(em: EntityManager, ownerId: string, id: string): Promise<boolean> {
  const image = isUuid(id) ? await em.findOne(GeneratedImage, { id, ownerId, deletedAt: null }) : null;
  if (!image) throw notFound('No such image');
  image.deletedAt = new Date();
  await em.flush();
  return true;
}
