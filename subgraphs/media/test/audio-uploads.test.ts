import { randomUUID } from 'node:crypto';
import { Media } from '../src/entities';
import { silentMp3, silentWav, webm } from './support/audio';
import { type MediaFixture, startMedia } from './support/fixture';

/**
 * Voice notes: audio uploads through the usual path, typed AUDIO by their bytes, stored and
 * served as uploaded; a name or a declared type does not make a file audio.
 */
let media: MediaFixture;
beforeAll(async () => {
  media = await startMedia();
});
afterAll(() => media?.stop());

const READ = `query($id: ID!) { media(id: $id) { type contentType filename size checksum url } }`;

async function user() {
  const id = randomUUID();
  return { id, token: await media.token('user', id) };
}

async function upload(token: string, filename: string, contentType: string, bytes: Buffer) {
  const response = await media.upload(token, filename, contentType, bytes);
  return { status: response.status, body: (await response.json()) as any };
}

describe('audio uploads', () => {
  it.each([
    ['WAV', 'voice note.wav', 'audio/wav', silentWav(), 'audio/wav', 'voice note.wav'],
    ['WAV declared audio/x-wav', 'memo.wav', 'audio/x-wav', silentWav(400), 'audio/wav', 'memo.wav'],
    ['MP3 (MPEG frames)', 'memo.mp3', 'audio/mpeg', silentMp3(), 'audio/mpeg', 'memo.mp3'],
    ['MP3 with an ID3 tag', 'tagged.mp3', 'audio/mpeg', silentMp3(3, true), 'audio/mpeg', 'tagged.mp3'],
    [
      'WebM of audio alone',
      'recording',
      'audio/webm;codecs=opus',
      webm(['audio']),
      'audio/webm',
      'recording.webm',
    ],
  ])('stores %s as AUDIO, as uploaded', async (_name, filename, declared, bytes, contentType, storedName) => {
    const { id, token } = await user();
    const { status, body } = await upload(token, filename, declared, bytes);
    expect(status).toBe(200);
    expect(body.media).toMatchObject({ type: 'AUDIO', size: bytes.length });

    const { data, errors } = await media.post(token, READ, { id: body.media.id });
    expect(errors).toBeUndefined();
    expect(data.media).toMatchObject({
      type: 'AUDIO',
      contentType,
      filename: storedName,
      size: bytes.length,
    });
    const row = await media.em().findOneOrFail(Media, { id: body.media.id });
    expect(row).toMatchObject({ originalKey: null, thumbnailKey: null, storedBytes: bytes.length });
    expect(await media.storedKeys()).toContain(row.storageKey);
    expect(row.storageKey).toBe(`media/${id}/${row.id}/file.${storedName.split('.').pop()}`);

    const served = await fetch(media.direct(data.media.url));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe(contentType);
    expect(served.headers.get('content-disposition')).toMatch(/^inline/);
    expect(Buffer.from(await served.arrayBuffer())).toEqual(bytes);
  });

  it('lists AUDIO media by type', async () => {
    const { token } = await user();
    const audio = (await upload(token, 'a.wav', 'audio/wav', silentWav())).body.media.id;
    await upload(token, 'notes.txt', 'text/plain', Buffer.from('not audio\n'));
    const { data } = await media.post(token, 'query { myMedia(type: AUDIO) { edges { node { id type } } } }');
    expect(data.myMedia.edges.map((edge: any) => edge.node)).toEqual([{ id: audio, type: 'AUDIO' }]);
  });

  it('types a file named .mp3 by its bytes: text stays text (renamed), other bytes are refused', async () => {
    const { id, token } = await user();
    const text = await upload(token, 'song.mp3', 'audio/mpeg', Buffer.from('just some words\n'));
    expect(text.status).toBe(200);
    expect(text.body.media.type).toBe('TEXT');
    const { data } = await media.post(token, READ, { id: text.body.media.id });
    expect(data.media).toMatchObject({ type: 'TEXT', contentType: 'text/plain', filename: 'song.txt' });

    const junk = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7 + 1) % 256 || 1));
    junk[0] = 0x00; // no magic number, not text
    const refused = await upload(token, 'song.mp3', 'audio/mpeg', junk);
    expect(refused).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });

    // A WebM with video is not audio, and video/webm is not accepted by default.
    const video = await upload(token, 'clip.webm', 'video/webm', webm(['video', 'audio']));
    expect(video.status).toBe(415);
    expect(await media.em().count(Media, { ownerId: id })).toBe(1);
  });

  it('narrows to the types the settings name', async () => {
    const narrow = await startMedia({ MEDIA_ALLOWED_TYPES: 'audio/mpeg,text/plain' });
    try {
      const token = await narrow.token('user', randomUUID());
      const { errors } = await narrow.post(
        token,
        'mutation($input: CreateUploadInput!) { createUpload(input: $input) { id } }',
        { input: { filename: 'a.wav', contentType: 'audio/x-wav', size: 100 } },
      );
      expect(errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      // Declared as MP3, the bytes are WAV: refused.
      const response = await narrow.upload(token, 'a.mp3', 'audio/mpeg', silentWav());
      expect(response.status).toBe(415);
      const mp3 = await narrow.upload(token, 'a.mp3', 'audio/mpeg', silentMp3());
      expect(mp3.status).toBe(200);
    } finally {
      await narrow.stop();
    }
  });
});
