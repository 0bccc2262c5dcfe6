import { randomUUID } from 'node:crypto';
import { createInternalClient, type InternalClient } from '@lattice/subgraph-kit';
import type { FileDescription } from '../src/service/describe';
import { type MediaFixture, noisePng, startMedia, uploadImage } from './support/fixture';

/**
 * describe answers what the user may read (a public avatar included); `ownOnly` narrows it to
 * the user's own files, which is what a logo or a voice note must be.
 */
const SECRET = 'the-secret-media-and-accounts-share-for-tests';
let media: MediaFixture;
let client: InternalClient;
beforeAll(async () => {
  media = await startMedia({ SUBGRAPH_SECRET: SECRET });
  client = createInternalClient({
    service: 'media',
    baseUrl: media.origin,
    secret: SECRET,
    caller: 'accounts',
  });
});
afterAll(() => media?.stop());

it("describes another user's public avatar to a stranger, but not as their own", async () => {
  const victim = randomUUID();
  const victimToken = await media.token('user', victim);
  const { body } = await uploadImage(media, victimToken, await noisePng(40, 30), 'brand.png');
  const mediaId = body.media.id as string;
  await media.post(victimToken, 'mutation($id: ID) { setAvatar(mediaId: $id) { id } }', { id: mediaId });

  const stranger = randomUUID();
  const described = await client.call<FileDescription>('/internal/files/describe', {
    userId: stranger,
    mediaId,
  });
  expect(described.type).toBe('IMAGE');
  await expect(
    client.call('/internal/files/describe', { userId: stranger, mediaId, ownOnly: true }),
  ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  const own = await client.call<FileDescription>('/internal/files/describe', {
    userId: victim,
    mediaId,
    ownOnly: true,
  });
  expect(own.mediaId).toBe(mediaId);
});
