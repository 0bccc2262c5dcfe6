import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { badUserInput, type Logger, validateInput } from '@lattice/server-kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { withRetries } from '../providers/retries';
import type { AiRuntime } from '../runtime';

const imageFileInput = z.object({
  userId: z.guid('must be a user id (a UUID)'),
  purpose: z
    .string({ error: 'must be a slug naming the use, e.g. site-image' })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug naming the use, e.g. site-image')
    .max(64, 'must be at most 64 characters'),
  /** The caller's name for this image: asked again (a resumed job), it is not paid twice. */
  key: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  prompt: z.string().trim().min(1, 'must not be blank').max(4000, 'must be at most 4,000 characters'),
  size: z.enum(['1024x1024', '1536x1024', '1024x1536']).default('1536x1024'),
});

export interface ImageFile {
  /** Where the PNG is, in the object storage shared with the caller. */
  storageKey: string;
  size: number;
  provider: string;
  model: string;
  simulated: boolean;
  costPicos: string;
  /** True when this key had been generated before: that image, not a new one. */
  replayed: boolean;
}

/**
 * An image another domain needs for one of its users (a site's pictures), written to the
 * object storage rather than stored as the user's media. It counts against the user's image
 * generations (QUOTA_EXCEEDED before any provider call), once per `key`: the same key asked
 * again answers the image already made, so a job that resumes does not pay twice.
 */
export async function createImageFile(
  em: EntityManager,
  runtime: AiRuntime,
  input: unknown,
  log: Logger,
): Promise<ImageFile> {
  const { userId, purpose, key, prompt, size } = validateInput(imageFileInput, input, '');
  const model = runtime.models.image();
  const digest = createHash('sha256').update(`${userId}\n${purpose}\n${key}`).digest('hex');
  const storageKey = `generated/${purpose}/${digest}.png`;
  const answer = (bytes: number, replayed: boolean): ImageFile => ({
    storageKey,
    size: bytes,
    provider: model.provider.id,
    model: model.id,
    simulated: model.provider.simulated,
    costPicos: model.pricePerImage.toString(),
    replayed,
  });
  return em.transactional(async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`ai.images:${userId}`]);
    const spendKey = `${purpose}:${digest}`;
    const made = await runtime.storage.stat(storageKey);
    if (made) return answer(made.size, true);
    await runtime.meter.check(tx, userId, 'imageGenerations', 1);
    const controller = new AbortController();
    const generated = await withRetries(
      () =>
        model.provider.client.images.generate(
          { model: model.id, prompt, size, n: 1 },
          { signal: controller.signal },
        ),
      runtime.settings.AI_MAX_RETRIES,
      controller.signal,
    );
    const base64 = generated.data?.[0]?.b64_json;
    if (!base64) throw badUserInput('The provider returned no image; try another prompt', 'prompt');
    const bytes = Buffer.from(base64, 'base64');
    await runtime.storage.write(storageKey, Readable.from([bytes]), 'image/png');
    try {
      await runtime.meter.record(tx, { userId, meter: 'imageGenerations', amount: 1, key: spendKey });
    } catch (error) {
      await runtime.storage.remove(storageKey);
      throw error;
    }
    log.info({ userId, purpose, storageKey, bytes: bytes.length }, 'an image file was generated');
    return answer(bytes.length, false);
  });
}
