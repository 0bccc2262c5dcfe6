import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { Media } from '../src/entities';
import { importObject } from '../src/service/imports';
import { sweep } from '../src/service/janitor';
import { type MediaFixture, noisePng, startMedia } from './support/fixture';

/**
 * Images ai generated: their bytes wait in the shared storage under `imports/`, and
 * `ai.image_generated` makes media store them as the Media it names, for its owner, through
 * the pipeline of uploads (judged from the bytes, optimised, a thumbnail), then remove them.
 */
let media: MediaFixture;

const MEDIA = `query($id: ID!) {
  media(id: $id) { id type filename contentType width height url thumbnailUrl blurhash }
}`;
const STORAGE = 'query { myStorage { files bytes limit remaining } }';

beforeAll(async () => {
  media = await startMedia();
});
afterAll(() => media?.stop());

async function user() {
  const id = randomUUID();
  return { id, token: await media.token('user', id) };
}

/** Leaves `bytes` at `key` as ai does. */
function leave(key: string, bytes: Buffer, contentType = 'image/png') {
  return media.runtime.storage.write(key, Readable.from([bytes]), contentType);
}

/** The event ai records for an image `mediaId` of `userId` waiting at `storageKey`. */
function generated(userId: string, mediaId: string, storageKey = `imports/ai/${mediaId}.png`) {
  const imageId = randomUUID();
  return {
    imageId,
    userId,
    mediaId,
    storageKey,
    filename: `generated-${imageId.slice(0, 8)}.png`,
    provider: 'openai',
    model: 'gpt-image-1',
    size: '1536x1024',
    costPicos: 42_000_000_000,
    latencyMs: 1200,
  };
}

const uploadedEvents = async (mediaId: string) =>
  (await media.outbox('media.uploaded')).filter((event) => event.data.mediaId === mediaId);

describe('ai.image_generated', () => {
  it('stores the import as the Media it names: the owner’s, an optimised image with a thumbnail; the import is removed', async () => {
    const owner = await user();
    const mediaId = randomUUID();
    const key = `imports/ai/${mediaId}.png`;
    await leave(key, await noisePng(300, 200));

    await media.publish('ai.image_generated', generated(owner.id, mediaId));

    const stored = await media.em().findOneOrFail(Media, { id: mediaId });
    expect(stored).toMatchObject({
      ownerId: owner.id,
      type: 'IMAGE',
      contentType: 'image/webp',
      width: 300,
      height: 200,
      deletedAt: null,
    });
    expect(stored.thumbnailKey).toBe(`media/${owner.id}/${mediaId}/thumbnail.webp`);
    expect(stored.filename).toMatch(/^generated-[0-9a-f]{8}\.webp$/);
    expect(await media.runtime.storage.stat(key)).toBeNull();
    expect((await media.storedKeys()).filter((stored) => stored.includes(mediaId))).toEqual([
      `media/${owner.id}/${mediaId}/file.webp`,
      `media/${owner.id}/${mediaId}/thumbnail.webp`,
    ]);
    expect(await uploadedEvents(mediaId)).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({
          mediaId,
          userId: owner.id,
          type: 'IMAGE',
          bytes: stored.storedBytes,
        }),
      }),
    ]);

    // The owner sees it like an upload, and downloads it; anyone else does not.
    const { data } = await media.post(owner.token, MEDIA, { id: mediaId });
    expect(data.media).toMatchObject({ id: mediaId, type: 'IMAGE', width: 300, height: 200 });
    expect(data.media.blurhash).toEqual(expect.any(String));
    const download = await fetch(media.direct(data.media.url));
    expect(download.status).toBe(200);
    expect(await sharp(Buffer.from(await download.arrayBuffer())).metadata()).toMatchObject({
      format: 'webp',
      width: 300,
      height: 200,
    });
    const thumbnail = await sharp(
      Buffer.from(await (await fetch(media.direct(data.media.thumbnailUrl))).arrayBuffer()),
    ).metadata();
    expect(Math.max(thumbnail.width!, thumbnail.height!)).toBe(300);
    const other = await user();
    const refused = await media.post(other.token, MEDIA, { id: mediaId });
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const { data: storage } = await media.post(owner.token, STORAGE);
    expect(storage.myStorage).toMatchObject({ files: 1, bytes: stored.storedBytes });
  });

  it('is harmless delivered again, or asked again for the same media', async () => {
    const owner = await user();
    const mediaId = randomUUID();
    const key = `imports/ai/${mediaId}.png`;
    await leave(key, await noisePng(120, 80));
    const event = await media.publish('ai.image_generated', generated(owner.id, mediaId));
    const first = await media.em().findOneOrFail(Media, { id: mediaId });

    // The same event again (at-least-once delivery): already applied.
    await media.fixture.bus.publish(event);
    // Another event naming the same media, its import written again: the Media stands, the import goes.
    await leave(key, await noisePng(64, 64, 7));
    await media.publish('ai.image_generated', generated(owner.id, mediaId));
    // And once more with the import already gone.
    await media.publish('ai.image_generated', generated(owner.id, mediaId));

    const after = await media.em().find(Media, { ownerId: owner.id });
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: mediaId, width: 120, height: 80, checksum: first.checksum });
    expect(await media.runtime.storage.stat(key)).toBeNull();
    expect(await uploadedEvents(mediaId)).toHaveLength(1);
  });

  it('stores nothing for a user erased before the import arrived, and removes the import', async () => {
    const owner = await user();
    const mediaId = randomUUID();
    const key = `imports/ai/${mediaId}.png`;
    await leave(key, await noisePng(32, 32));
    await media.publish('identity.user_deleted', { userId: owner.id });
    await media.publish('ai.image_generated', generated(owner.id, mediaId));
    expect(await media.em().find(Media, { id: mediaId })).toEqual([]);
    expect(await media.runtime.storage.stat(key)).toBeNull();
    expect(await uploadedEvents(mediaId)).toEqual([]);
  });

  it('refuses an import that is not an allowed image, from its bytes: logged, removed, no Media', async () => {
    const owner = await user();
    const imports = {
      text: Buffer.from('plain text, called a PNG'),
      pdf: Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
      broken: Buffer.concat([(await noisePng(40, 40)).subarray(0, 60), Buffer.alloc(200, 7)]),
      html: Buffer.from('<!doctype html><script>alert(1)</script>'),
    };
    const mediaIds: string[] = [];
    for (const bytes of Object.values(imports)) {
      const mediaId = randomUUID();
      mediaIds.push(mediaId);
      await leave(`imports/ai/${mediaId}.png`, bytes);
      await media.publish('ai.image_generated', generated(owner.id, mediaId));
      expect(await media.runtime.storage.stat(`imports/ai/${mediaId}.png`)).toBeNull();
    }

    expect(await media.em().count(Media, { ownerId: owner.id })).toBe(0);
    const keys = await media.storedKeys();
    expect(keys.filter((key) => key.startsWith(`media/${owner.id}/`) || key.startsWith('imports/'))).toEqual(
      [],
    );
    for (const mediaId of mediaIds) expect(await uploadedEvents(mediaId)).toEqual([]);
  });

  it('ignores a key outside imports/: no object of anyone else is adopted or removed', async () => {
    const victim = await user();
    const attacker = await user();
    const victimKey = `media/${victim.id}/${randomUUID()}/file.png`;
    await leave(victimKey, await noisePng(50, 50));

    for (const storageKey of [victimKey, `imports/../${victimKey}`, `/${victimKey}`, 'imports', 'imports/']) {
      const mediaId = randomUUID();
      await media.publish('ai.image_generated', generated(attacker.id, mediaId, storageKey));
      expect(await media.em().findOne(Media, { id: mediaId })).toBeNull();
    }

    expect(await media.runtime.storage.stat(victimKey)).toMatchObject({ contentType: 'image/png' });
    expect(await media.em().count(Media, { ownerId: attacker.id })).toBe(0);
  });

  it('stores a generated image over the storage limit (it was paid for already); the storage shows it', async () => {
    const owner = await user();
    await media.publish('billing.entitlements_changed', {
      userId: owner.id,
      plan: 'free',
      periodStart: new Date(Date.now() - 86_400_000).toISOString(),
      periodEnd: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      limits: { aiTokens: null, imageGenerations: 5, siteGenerations: null, storageBytes: 1000 },
    });
    const mediaId = randomUUID();
    await leave(`imports/ai/${mediaId}.png`, await noisePng(100, 100));

    await media.publish('ai.image_generated', generated(owner.id, mediaId));

    const stored = await media.em().findOneOrFail(Media, { id: mediaId });
    const { data } = await media.post(owner.token, STORAGE);
    expect(data.myStorage).toMatchObject({ files: 1, bytes: stored.storedBytes, limit: 1000 });
    expect(stored.storedBytes).toBeGreaterThan(1000);
  });

  it('keeps the import until the Media is committed: a rollback leaves it (and removes what was written)', async () => {
    const owner = await user();
    const mediaId = randomUUID();
    const key = `imports/ai/${mediaId}.png`;
    await leave(key, await noisePng(80, 60));
    const request = { mediaId, ownerId: owner.id, key, filename: 'generated.png', types: ['IMAGE'] as const };

    await expect(
      media.em().transactional(async (tx) => {
        expect(await importObject(tx, media.runtime, request)).toMatchObject({ id: mediaId });
        throw new Error('the commit fails');
      }),
    ).rejects.toThrow('the commit fails');
    expect(await media.em().findOne(Media, { id: mediaId })).toBeNull();
    expect(await media.runtime.storage.stat(key)).not.toBeNull();
    expect((await media.storedKeys()).filter((stored) => stored.includes(mediaId))).toEqual([key]);

    // Delivered again: stored.
    await media.publish('ai.image_generated', generated(owner.id, mediaId));
    expect(await media.em().findOne(Media, { id: mediaId })).toMatchObject({ ownerId: owner.id, width: 80 });
    expect(await media.runtime.storage.stat(key)).toBeNull();
  });

  it('the janitor removes imports left behind longer than an upload may take', async () => {
    const key = `imports/ai/${randomUUID()}.png`;
    await leave(key, await noisePng(10, 10));
    await sweep(media.runtime);
    expect(await media.runtime.storage.stat(key)).not.toBeNull();

    media.setClockOffset((media.runtime.settings.MEDIA_UPLOAD_TTL_SECONDS + 60) * 1000);
    try {
      expect((await sweep(media.runtime)).staleImports).toBeGreaterThanOrEqual(1);
    } finally {
      media.setClockOffset(0);
    }
    expect(await media.runtime.storage.stat(key)).toBeNull();
  });
});
