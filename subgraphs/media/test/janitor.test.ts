import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Media, ShareLink, Upload } from '../src/entities';
import { sweep } from '../src/service/janitor';
import { type MediaFixture, startMedia, uploadText } from './support/fixture';

/**
 * The janitor's pass (`sweep`) over the subgraph's own runtime, whose clock the tests move:
 * the scheduled janitor is left idle, so only the tests' sweeps run.
 */
let media: MediaFixture;
const DAY = 86_400_000;
const HOUR = 3_600_000;

const DELETE = 'mutation($id: ID!) { deleteMedia(id: $id) { id purgeAt } }';
const SHARE = 'mutation($id: ID!) { createShareLink(mediaId: $id) { id } }';
const UPLOAD = 'query($id: ID!) { upload(id: $id) { id offset media { id } } }';

beforeAll(async () => {
  media = await startMedia();
});
afterEach(() => media.setClockOffset(0));
afterAll(() => media?.stop());

/** A new user with a token. */
async function user() {
  const id = randomUUID();
  return { id, token: await media.token('user', id) };
}

const keysOf = async (ownerId: string, mediaId: string) =>
  (await media.storedKeys()).filter((key) => key.startsWith(`media/${ownerId}/${mediaId}/`));
const stagedOf = async (uploadId: string) =>
  (await media.stagedFiles()).filter((file) => file.startsWith(uploadId));
const purgedEvents = async (mediaId: string) =>
  (await media.outbox('media.purged')).filter((event) => event.data.mediaId === mediaId);

/** Sends the first `bytes` of an upload with tus (PATCH from offset 0): it stays unfinished. */
async function sendPart(url: string, bytes: Buffer) {
  const response = await fetch(url, {
    method: 'PATCH',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    },
    body: bytes,
  });
  expect(response.status).toBe(204);
  expect(response.headers.get('upload-offset')).toBe(String(bytes.length));
}

describe('the janitor', () => {
  it('purges deleted media past retention, and keeps those not yet due', async () => {
    const { id: ownerId, token } = await user();
    const due = await uploadText(media, token, 'deleted first');
    const later = await uploadText(media, token, 'deleted later');
    const active = await uploadText(media, token, 'never deleted');
    const link = (await media.post(token, SHARE, { id: due })).data.createShareLink.id;
    expect(await keysOf(ownerId, due)).toEqual([`media/${ownerId}/${due}/file.txt`]);

    const deleted = await media.post(token, DELETE, { id: due });
    expect(new Date(deleted.data.deleteMedia.purgeAt).getTime()).toBeGreaterThan(Date.now() + 29 * DAY);
    media.setClockOffset(20 * DAY);
    await media.post(token, DELETE, { id: later }); // due 50 days from the start
    media.setClockOffset(31 * DAY);

    await sweep(media.runtime);

    const em = media.em();
    expect(await em.findOne(Media, { id: due })).toBeNull();
    expect(await em.findOne(ShareLink, { id: link })).toBeNull();
    expect(await keysOf(ownerId, due)).toEqual([]);
    const purged = await purgedEvents(due);
    expect(purged).toHaveLength(1);
    expect(purged[0]!.data).toMatchObject({ mediaId: due, userId: ownerId, bytes: 'deleted first'.length });

    for (const kept of [later, active]) {
      expect(await em.findOne(Media, { id: kept })).not.toBeNull();
      expect(await keysOf(ownerId, kept)).toHaveLength(1);
      expect(await purgedEvents(kept)).toEqual([]);
    }
  });

  it('drops uploads that expired unfinished with their staged bytes, and keeps the others', async () => {
    const { token } = await user();
    const expired = await media.createUpload(token, {
      filename: 'a.txt',
      contentType: 'text/plain',
      size: 10,
    });
    await sendPart(expired.url, Buffer.from('abcd'));
    media.setClockOffset(12 * HOUR);
    const running = await media.createUpload(token, {
      filename: 'b.txt',
      contentType: 'text/plain',
      size: 10,
    });
    await sendPart(running.url, Buffer.from('efgh'));
    expect(await stagedOf(expired.id)).toEqual([expired.id, `${expired.id}.json`]);

    media.setClockOffset(25 * HOUR); // the first's day is over, the second's is not
    await sweep(media.runtime);

    const em = media.em();
    expect(await em.findOne(Upload, { id: expired.id })).toBeNull();
    expect(await stagedOf(expired.id)).toEqual([]);
    expect(await em.findOne(Upload, { id: running.id })).not.toBeNull();
    expect(await stagedOf(running.id)).toEqual([running.id, `${running.id}.json`]);
    // The one still running goes on where it was.
    const { data } = await media.post(token, UPLOAD, { id: running.id });
    expect(data.upload).toMatchObject({ id: running.id, offset: 4, media: null });
  });

  it('forgets a finished upload once it expires, and keeps its media', async () => {
    const { token } = await user();
    const upload = await media.createUpload(token, { filename: 'c.txt', contentType: 'text/plain', size: 5 });
    const response = await fetch(upload.url, { method: 'PUT', body: Buffer.from('hello') });
    expect(response.status).toBe(200);
    const mediaId = ((await response.json()) as any).media.id;
    expect((await media.post(token, UPLOAD, { id: upload.id })).data.upload.media).toEqual({ id: mediaId });

    await sweep(media.runtime); // not expired yet: kept
    expect(await media.em().findOne(Upload, { id: upload.id })).toMatchObject({ mediaId });

    media.setClockOffset(25 * HOUR);
    await sweep(media.runtime);

    expect(await media.em().findOne(Upload, { id: upload.id })).toBeNull();
    expect(await media.em().findOne(Media, { id: mediaId })).not.toBeNull();
    const { errors } = await media.post(token, UPLOAD, { id: upload.id });
    expect(errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('completes a purge whose objects are already gone', async () => {
    const { id: ownerId, token } = await user();
    const mediaId = await uploadText(media, token, 'lost bytes');
    await media.post(token, DELETE, { id: mediaId });
    await rm(join(media.storageDir, 'objects', 'media', ownerId, mediaId), { recursive: true });
    media.setClockOffset(31 * DAY);

    await expect(sweep(media.runtime)).resolves.toBeDefined();

    expect(await media.em().findOne(Media, { id: mediaId })).toBeNull();
    expect(await purgedEvents(mediaId)).toHaveLength(1);
  });

  it('drops an expired upload whose staged bytes are already gone', async () => {
    const { token } = await user();
    const upload = await media.createUpload(token, { filename: 'd.txt', contentType: 'text/plain', size: 3 });
    await media.runtime.storage.removeStaged(upload.id);
    media.setClockOffset(25 * HOUR);

    await sweep(media.runtime);

    expect(await media.em().findOne(Upload, { id: upload.id })).toBeNull();
  });

  it('purges each media once when two sweeps run at the same time (two replicas)', async () => {
    const { id: ownerId, token } = await user();
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push(await uploadText(media, token, `twice ${i}`));
    for (const id of ids) await media.post(token, DELETE, { id });
    media.setClockOffset(31 * DAY);

    await Promise.all([sweep(media.runtime), sweep(media.runtime)]);

    for (const id of ids) {
      expect(await media.em().findOne(Media, { id })).toBeNull();
      expect(await keysOf(ownerId, id)).toEqual([]);
      expect(await purgedEvents(id)).toHaveLength(1);
    }
  });
});
