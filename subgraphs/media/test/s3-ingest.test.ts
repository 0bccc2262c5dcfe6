import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createObjectStorage, type ObjectStorage, storageSettings } from '@lattice/object-storage';
import { type LocalS3, startLocalS3 } from '@lattice/testkit';
import sharp from 'sharp';
import { type MediaFixture, noisePng, startMedia } from './support/fixture';

/**
 * The whole path on the S3 backend (s3rver): an image uploaded with createUpload and a PUT to
 * media's own route, stored optimised in the bucket, downloaded by its signed URL with a range.
 */
const BUCKET = 'media-test';
let s3: LocalS3;
let media: MediaFixture;
/** The bucket, seen through a storage of the test's own. */
let bucket: ObjectStorage;

const MEDIA = `query($id: ID!) {
  media(id: $id) { id type contentType size width height checksum url thumbnailUrl originalUrl blurhash }
}`;

beforeAll(async () => {
  s3 = await startLocalS3({ buckets: [BUCKET] });
  const s3Env = {
    STORAGE_BACKEND: 's3',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: BUCKET,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  };
  media = await startMedia(s3Env);
  bucket = createObjectStorage(
    storageSettings.parse({ ...s3Env, STORAGE_DIR: join(media.storageDir, 'inspector') }),
    { defaultDirectory: join(media.storageDir, 'unused') },
  );
});
afterAll(async () => {
  await bucket?.close();
  await media?.stop();
  await s3?.close();
});

async function listBucket(prefix: string) {
  const objects: Array<{ key: string; size: number }> = [];
  for await (const { key, size } of bucket.list(prefix)) objects.push({ key, size });
  return objects.sort((a, b) => a.key.localeCompare(b.key));
}

describe('media on S3', () => {
  it('ingests an uploaded PNG into the bucket and serves it by ranges', async () => {
    expect(media.runtime.storage.backend).toBe('s3');
    const ownerId = randomUUID();
    const token = await media.token('user', ownerId);
    const png = await noisePng(120, 80);

    const upload = await media.createUpload(token, {
      filename: 'holiday.png',
      contentType: 'image/png',
      size: png.length,
    });
    expect(new URL(upload.url).pathname).toBe(`/media/uploads/${upload.id}`);
    const put = await fetch(upload.url, { method: 'PUT', body: png });
    expect(put.status).toBe(200);
    const stored = ((await put.json()) as any).media;
    expect(stored).toMatchObject({
      type: 'IMAGE',
      checksum: `sha256:${createHash('sha256').update(png).digest('hex')}`,
    });

    const { data } = await media.post(token, MEDIA, { id: stored.id });
    const item = data.media;
    expect(item).toMatchObject({
      id: stored.id,
      contentType: 'image/webp',
      width: 120,
      height: 80,
      originalUrl: null,
    });
    expect(item.blurhash).toEqual(expect.any(String));

    // In the bucket: the optimised file and its thumbnail, nothing else; nothing left staged.
    expect(await listBucket(`media/${ownerId}/`)).toEqual([
      { key: `media/${ownerId}/${stored.id}/file.webp`, size: item.size },
      { key: `media/${ownerId}/${stored.id}/thumbnail.webp`, size: expect.any(Number) },
    ]);
    expect((await media.stagedFiles()).filter((file) => file.startsWith(upload.id))).toEqual([]);
    expect(await media.storedKeys()).toEqual([]); // no local object

    // Downloaded whole, then by a range, from media's own origin.
    const url = media.direct(item.url);
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('image/webp');
    const bytes = Buffer.from(await whole.arrayBuffer());
    expect(bytes.length).toBe(item.size);
    expect((await sharp(bytes).metadata()).format).toBe('webp');

    const partial = await fetch(url, { headers: { range: 'bytes=10-99' } });
    expect(partial.status).toBe(206);
    expect(partial.headers.get('content-range')).toBe(`bytes 10-99/${item.size}`);
    expect(partial.headers.get('content-length')).toBe('90');
    expect(Buffer.from(await partial.arrayBuffer())).toEqual(bytes.subarray(10, 100));

    const tail = await fetch(url, { headers: { range: 'bytes=-16' } });
    expect(tail.status).toBe(206);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(item.size - 16));

    const unsatisfiable = await fetch(url, { headers: { range: `bytes=${item.size}-` } });
    expect(unsatisfiable.status).toBe(416);
    await unsatisfiable.arrayBuffer();

    const thumbnail = await fetch(media.direct(item.thumbnailUrl));
    expect(thumbnail.status).toBe(200);
    const preview = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
    expect(Math.max(preview.width, preview.height)).toBeLessThanOrEqual(320);
  });

  it('removes the objects from the bucket when the media is purged', async () => {
    const ownerId = randomUUID();
    const token = await media.token('user', ownerId);
    const png = await noisePng(30, 30, 7);
    const put = await media.upload(token, 'small.png', 'image/png', png);
    expect(put.status).toBe(200);
    const { id } = ((await put.json()) as any).media;
    expect(await listBucket(`media/${ownerId}/`)).toHaveLength(2);

    const { data } = await media.post(token, 'mutation($id: ID!) { purgeMedia(id: $id) }', { id });
    expect(data.purgeMedia).toBe(true);
    expect(await listBucket(`media/${ownerId}/`)).toEqual([]);
  });
});
