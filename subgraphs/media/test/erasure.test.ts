import { randomUUID } from 'node:crypto';
import { Media, ShareLink, Upload } from '../src/entities';
import { sweep } from '../src/service/janitor';
import { type MediaFixture, noisePng, startMedia, uploadImage, uploadText } from './support/fixture';

/**
 * `identity.user_deleted`: every file of the user is due for purge at once (the janitor's
 * next pass removes it), links stop, unfinished uploads expire; nobody else's are touched.
 */
let media: MediaFixture;

const DELETE = 'mutation($id: ID!) { deleteMedia(id: $id) { id } }';
const SHARE = 'mutation($id: ID!) { createShareLink(mediaId: $id) { id url } }';
const AVATAR = 'mutation($id: ID) { setAvatar(mediaId: $id) { id url } }';

beforeAll(async () => {
  media = await startMedia();
});
afterAll(() => media?.stop());

/** A user with an avatar, another active file shared by a link, a file in the bin and an unfinished upload. */
async function userWithFiles() {
  const id = randomUUID();
  const token = await media.token('user', id);
  const png = await noisePng(40, 30);
  const image = await uploadImage(media, token, png);
  expect(image.status).toBe(200);
  const avatar = image.body.media.id as string;
  const avatarUrl = (await media.post(token, AVATAR, { id: avatar })).data.setAvatar.url as string;
  const shared = await uploadText(media, token, `shared by ${id}`);
  const link = (await media.post(token, SHARE, { id: shared })).data.createShareLink;
  const binned = await uploadText(media, token, `binned by ${id}`);
  await media.post(token, DELETE, { id: binned });
  const pending = await media.createUpload(token, { filename: 'p.txt', contentType: 'text/plain', size: 50 });
  return {
    id,
    token,
    mediaIds: [avatar, shared, binned],
    avatarUrl: media.direct(avatarUrl),
    link: { id: link.id as string, url: media.direct(link.url) },
    pendingUpload: pending.id,
  };
}

const keysOf = async (ownerId: string) =>
  (await media.storedKeys()).filter((key) => key.startsWith(`media/${ownerId}/`));

describe('identity.user_deleted', () => {
  it('makes every file of the user due for purge, revokes the links and expires the uploads', async () => {
    const erased = await userWithFiles();
    const other = await userWithFiles();
    expect((await fetch(erased.link.url)).status).toBe(200);
    expect((await fetch(erased.avatarUrl)).status).toBe(200);
    const before = Date.now();

    await media.publish('identity.user_deleted', { userId: erased.id });

    const em = media.em();
    const files = await em.find(Media, { ownerId: erased.id });
    expect(files.map((file) => file.id).sort()).toEqual([...erased.mediaIds].sort());
    for (const file of files) {
      expect(file.deletedAt).not.toBeNull();
      expect(file.isAvatar).toBe(false);
      expect(file.purgeAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(file.purgeAt!.getTime()).toBeLessThanOrEqual(Date.now());
    }
    expect((await em.findOneOrFail(ShareLink, { id: erased.link.id })).revokedAt).not.toBeNull();
    expect(
      (await em.findOneOrFail(Upload, { id: erased.pendingUpload })).expiresAt.getTime(),
    ).toBeLessThanOrEqual(Date.now());
    // Stopped at once, before any purge.
    expect((await fetch(erased.link.url)).status).toBe(410);
    expect((await fetch(erased.avatarUrl)).status).toBe(404);

    // The other user's: untouched.
    const others = await em.find(Media, { ownerId: other.id });
    expect(others.filter((file) => file.deletedAt === null).map((file) => file.id)).toEqual(
      expect.arrayContaining(other.mediaIds.slice(0, 2)),
    );
    expect(others.find((file) => file.id === other.mediaIds[0])!.isAvatar).toBe(true);
    expect(others.find((file) => file.id === other.mediaIds[2])!.purgeAt!.getTime()).toBeGreaterThan(
      Date.now() + 86_400_000,
    );
    expect((await em.findOneOrFail(ShareLink, { id: other.link.id })).revokedAt).toBeNull();
    expect((await em.findOneOrFail(Upload, { id: other.pendingUpload })).expiresAt.getTime()).toBeGreaterThan(
      Date.now(),
    );
    expect((await fetch(other.link.url)).status).toBe(200);
    expect((await fetch(other.avatarUrl)).status).toBe(200);

    // The janitor's next pass removes the bytes and the rows.
    await sweep(media.runtime);
    const after = media.em();
    expect(await after.find(Media, { ownerId: erased.id })).toEqual([]);
    expect(await after.find(ShareLink, { ownerId: erased.id })).toEqual([]);
    expect(await after.find(Upload, { ownerId: erased.id, mediaId: null })).toEqual([]);
    expect(await keysOf(erased.id)).toEqual([]);
    expect((await media.stagedFiles()).filter((file) => file.startsWith(erased.pendingUpload))).toEqual([]);
    const purged = (await media.outbox('media.purged')).map((event) => event.data.mediaId);
    expect(purged).toEqual(expect.arrayContaining(erased.mediaIds));
    for (const id of other.mediaIds) expect(purged).not.toContain(id);

    expect(await after.count(Media, { ownerId: other.id })).toBe(3);
    expect(await keysOf(other.id)).toHaveLength(4); // the avatar's file and thumbnail, two texts
    expect(await after.findOne(Upload, { id: other.pendingUpload })).not.toBeNull();
  });

  it('erases a user with nothing stored, and applies a second erasure without harm', async () => {
    const userId = randomUUID();
    await media.publish('identity.user_deleted', { userId });
    const erased = await userWithFiles();
    await media.publish('identity.user_deleted', { userId: erased.id });
    await media.publish('identity.user_deleted', { userId: erased.id });
    const files = await media.em().find(Media, { ownerId: erased.id });
    expect(files).toHaveLength(3);
    expect(files.every((file) => file.deletedAt && file.purgeAt)).toBe(true);
  });
});
