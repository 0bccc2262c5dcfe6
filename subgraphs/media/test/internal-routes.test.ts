import { randomUUID } from 'node:crypto';
import { createInternalClient, type InternalClient } from '@lattice/subgraph-kit';
import type { FileDescription } from '../src/service/describe';
import { silentWav } from './support/audio';
import { type MediaFixture, noisePng, startMedia, uploadImage } from './support/fixture';

const SECRET = 'the-secret-media-and-ai-share-for-tests';
const DESCRIBE = '/internal/files/describe';

let media: MediaFixture;
let client: InternalClient;
beforeAll(async () => {
  media = await startMedia({ SUBGRAPH_SECRET: SECRET, MEDIA_KEEP_ORIGINALS: 'true' });
  client = createInternalClient({ service: 'media', baseUrl: media.origin, secret: SECRET, caller: 'ai' });
});
afterAll(() => media?.stop());

const describeFile = (input: unknown) => client.call<FileDescription>(DESCRIBE, input);

async function user() {
  const id = randomUUID();
  return { id, token: await media.token('user', id) };
}

/** A user with an uploaded voice note. */
async function withVoiceNote() {
  const owner = await user();
  const wav = silentWav(1200);
  const response = await media.upload(owner.token, 'Voice note.wav', 'audio/wav', wav);
  const body = (await response.json()) as any;
  expect(response.status).toBe(200);
  return { ...owner, mediaId: body.media.id as string, wav };
}

async function storedSize(key: string) {
  return (await media.runtime.storage.stat(key))?.size;
}

describe("media's internal route /internal/files/describe", () => {
  it("answers the owner's voice note with the key of its bytes as uploaded", async () => {
    const { id, mediaId, wav } = await withVoiceNote();
    const described = await describeFile({ userId: id, mediaId });
    expect(described).toEqual({
      mediaId,
      type: 'AUDIO',
      contentType: 'audio/wav',
      filename: 'Voice note.wav',
      size: wav.length,
      storageKey: `media/${id}/${mediaId}/file.wav`,
    });
    expect(await storedSize(described.storageKey)).toBe(wav.length);
    const object = await media.runtime.storage.read(described.storageKey);
    const chunks: Buffer[] = [];
    for await (const chunk of object.body) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks)).toEqual(wav);
  });

  it("is NOT_FOUND, with one message, for another user's media, a missing one and a deleted one", async () => {
    const owner = await withVoiceNote();
    const stranger = await user();
    const refusals = [
      { userId: stranger.id, mediaId: owner.mediaId },
      { userId: owner.id, mediaId: randomUUID() },
    ];
    for (const input of refusals) {
      await expect(describeFile(input)).rejects.toMatchObject({
        message: 'No such media',
        extensions: { code: 'NOT_FOUND' },
      });
    }
    await media.post(owner.token, 'mutation($id: ID!) { deleteMedia(id: $id) { id } }', {
      id: owner.mediaId,
    });
    await expect(describeFile({ userId: owner.id, mediaId: owner.mediaId })).rejects.toMatchObject({
      message: 'No such media',
      extensions: { code: 'NOT_FOUND' },
    });
  });

  it('answers a user the media is shared with through an audience, as a Media reference resolves for them', async () => {
    const owner = await withVoiceNote();
    const named = await user();
    await expect(describeFile({ userId: named.id, mediaId: owner.mediaId })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    await media.publish('support.attachments_shared', {
      mediaIds: [owner.mediaId],
      ownerId: owner.id,
      use: `ticket:${randomUUID()}`,
      audiences: [`user:${named.id}`],
    });
    await expect(describeFile({ userId: named.id, mediaId: owner.mediaId })).resolves.toMatchObject({
      mediaId: owner.mediaId,
      storageKey: `media/${owner.id}/${owner.mediaId}/file.wav`,
    });
  });

  it("gives an image's kept original to its owner only; others get the optimised file", async () => {
    const owner = await user();
    const png = await noisePng(40, 30);
    const { status, body } = await uploadImage(media, owner.token, png, 'scan.png');
    expect(status).toBe(200);
    const mediaId = body.media.id;
    const own = await describeFile({ userId: owner.id, mediaId });
    expect(own).toEqual({
      mediaId,
      type: 'IMAGE',
      contentType: 'image/png',
      filename: 'scan.png',
      size: png.length,
      storageKey: `media/${owner.id}/${mediaId}/original.png`,
    });
    expect(await storedSize(own.storageKey)).toBe(png.length);

    const named = await user();
    await media.publish('support.attachments_shared', {
      mediaIds: [mediaId],
      ownerId: owner.id,
      use: `ticket:${randomUUID()}`,
      audiences: [`user:${named.id}`],
    });
    const shared = await describeFile({ userId: named.id, mediaId });
    expect(shared).toMatchObject({ contentType: 'image/webp', filename: 'scan.webp' });
    expect(shared.storageKey).toBe(`media/${owner.id}/${mediaId}/file.webp`);
    expect(await storedSize(shared.storageKey)).toBe(shared.size);
  });

  it('refuses malformed ids with BAD_USER_INPUT naming the field', async () => {
    const { id, mediaId } = await withVoiceNote();
    const bad: Array<[unknown, string]> = [
      [{ userId: 'not-a-uuid', mediaId }, 'userId'],
      [{ userId: id, mediaId: 'x' }, 'mediaId'],
      [{ userId: id, mediaId: 42 }, 'mediaId'],
      [{ userId: id }, 'mediaId'],
      ['not an object', 'userId'],
    ];
    for (const [input, field] of bad) {
      await expect(describeFile(input)).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT', field },
      });
    }
  });

  it('refuses unsigned requests and any other secret', async () => {
    const { id, mediaId } = await withVoiceNote();
    const unsigned = await fetch(`${media.origin}${DESCRIBE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: id, mediaId }),
    });
    expect(unsigned.status).toBe(401);
    expect(JSON.stringify(await unsigned.json())).not.toContain(mediaId);
    const forged = createInternalClient({
      service: 'media',
      baseUrl: media.origin,
      secret: 'not-the-secret-though-just-as-long!!!!',
    });
    await expect(forged.call(DESCRIBE, { userId: id, mediaId })).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'media' },
    });
  });
});
