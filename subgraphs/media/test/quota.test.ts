import { randomUUID } from 'node:crypto';
import { Media, Upload } from '../src/entities';
import { type MediaFixture, noisePng, startMedia, uploadImage } from './support/fixture';

/**
 * The plan's storage at ingest: with originals kept, an image stores more than it declared
 * (original + optimised + thumbnail). What does not fit is refused 413 and leaves nothing;
 * `billing.entitlements_changed` raising the limit lets it through.
 */
let media: MediaFixture;
let png: Buffer;

const STORAGE = 'query { myStorage { files bytes limit remaining } }';
const CREATE_UPLOAD = 'mutation($input: CreateUploadInput!) { createUpload(input: $input) { id } }';

beforeAll(async () => {
  png = await noisePng(100, 100);
  // The free plan holds the PNG as declared, not what storing it takes.
  media = await startMedia({
    MEDIA_KEEP_ORIGINALS: 'true',
    PLANS: JSON.stringify({ free: { limits: { storageBytes: png.length } } }),
  });
});
afterAll(() => media?.stop());

async function user() {
  const id = randomUUID();
  return { id, token: await media.token('user', id) };
}

/** The plan's storage limit for `userId`, as billing announces it. */
const allowStorage = (userId: string, storageBytes: number) =>
  media.publish('billing.entitlements_changed', {
    userId,
    plan: 'starter',
    periodStart: new Date(Date.now() - 86_400_000).toISOString(),
    periodEnd: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    limits: { aiTokens: null, imageGenerations: null, siteGenerations: null, storageBytes },
  });

/** Uploads the PNG; for a refusal, also what it left: rows, objects, staged bytes. */
async function attempt(userId: string, token: string) {
  const { status, body } = await uploadImage(media, token, png);
  const em = media.em();
  return {
    status,
    body,
    uploads: await em.count(Upload, { ownerId: userId }),
    media: await em.count(Media, { ownerId: userId }),
    objects: (await media.storedKeys()).filter((key) => key.startsWith(`media/${userId}/`)),
  };
}

describe('storage quota at ingest', () => {
  it('refuses an image whose stored bytes pass the limit (413), leaving nothing; a raised limit lets it through', async () => {
    const { id, token } = await user();
    const staged = await media.stagedFiles();

    const refused = await attempt(id, token);
    expect(refused).toMatchObject({
      status: 413,
      body: { code: 'QUOTA_EXCEEDED' },
      uploads: 0,
      media: 0,
      objects: [],
    });
    expect(refused.body.error).toMatch(/storage/);
    expect(await media.stagedFiles()).toEqual(staged);
    const rejected = (await media.outbox('media.upload_rejected')).filter(
      (event) => event.data.userId === id,
    );
    expect(rejected.map((event) => event.data)).toEqual([
      expect.objectContaining({ reason: 'QUOTA_EXCEEDED' }),
    ]);
    expect((await media.post(token, STORAGE)).data.myStorage).toEqual({
      files: 0,
      bytes: 0,
      limit: png.length,
      remaining: png.length,
    });

    await allowStorage(id, 10 * png.length);
    const accepted = await attempt(id, token);
    expect(accepted).toMatchObject({ status: 200, uploads: 1, media: 1 });
    const stored = await media.em().findOneOrFail(Media, { id: accepted.body.media.id });
    expect(stored.originalSize).toBe(png.length);
    expect(stored.storedBytes).toBe(png.length + stored.size + stored.thumbnailSize!);
    expect(stored.storedBytes).toBeGreaterThan(png.length);
    expect(accepted.objects.map((key) => key.split('/').pop()).sort()).toEqual([
      'file.webp',
      'original.png',
      'thumbnail.webp',
    ]);
    expect((await media.post(token, STORAGE)).data.myStorage).toEqual({
      files: 1,
      bytes: stored.storedBytes,
      limit: 10 * png.length,
      remaining: 10 * png.length - stored.storedBytes,
    });

    // The original, as uploaded.
    const { data } = await media.post(token, 'query($id: ID!) { media(id: $id) { originalUrl } }', {
      id: stored.id,
    });
    const original = await fetch(media.direct(data.media.originalUrl));
    expect(original.status).toBe(200);
    expect(Buffer.from(await original.arrayBuffer())).toEqual(png);
  });

  it('judges the stored bytes to the byte: one short is refused, exactly the limit fits', async () => {
    const first = await user();
    await allowStorage(first.id, 10 * png.length);
    const { body } = await uploadImage(media, first.token, png);
    const needed = (await media.em().findOneOrFail(Media, { id: body.media.id })).storedBytes;

    const { id, token } = await user();
    await allowStorage(id, needed - 1);
    expect(await attempt(id, token)).toMatchObject({ status: 413, uploads: 0, media: 0, objects: [] });
    await allowStorage(id, needed);
    expect(await attempt(id, token)).toMatchObject({ status: 200, uploads: 1, media: 1 });
    expect((await media.post(token, STORAGE)).data.myStorage).toMatchObject({ bytes: needed, remaining: 0 });
  });

  // The same cleanup, for another refusal after the type was judged (a row was once left behind).
  it('leaves no row for an image that cannot be decoded (422) either', async () => {
    const { id, token } = await user();
    await allowStorage(id, 10 * png.length);
    const broken = Buffer.concat([png.subarray(0, 64), Buffer.alloc(png.length - 64, 7)]);
    const { status, body } = await uploadImage(media, token, broken);
    expect({ status, code: body.code }).toEqual({ status: 422, code: 'IMAGE_UNREADABLE' });
    const em = media.em();
    expect(await em.count(Media, { ownerId: id })).toBe(0);
    expect(await em.count(Upload, { ownerId: id })).toBe(0);
    expect((await media.storedKeys()).filter((key) => key.startsWith(`media/${id}/`))).toEqual([]);
    expect((await media.post(token, STORAGE)).data.myStorage).toMatchObject({ files: 0, bytes: 0 });
  });

  it('refuses at createUpload a declared size that does not fit, with the numbers', async () => {
    const { token } = await user();
    const { errors } = await media.post(token, CREATE_UPLOAD, {
      input: { filename: 'big.png', contentType: 'image/png', size: png.length + 1 },
    });
    expect(errors[0].extensions).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      meter: 'storageBytes',
      limit: png.length,
      used: 0,
      requested: png.length + 1,
    });
  });
});
