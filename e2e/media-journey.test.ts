import sharp from 'sharp';
import { waitFor } from '@lattice/testkit';
import {
  type MediaLattice,
  MEDIA_FIELDS,
  newUser,
  ok,
  sha256,
  startMediaLattice,
  uploadFile,
} from './support/media';

// The journey through the gateway: upload an image → optimised variant, thumbnail and
// blurhash, GPS gone → avatar → range download → share link works, then expires → soft
// delete → restore.
let media: MediaLattice;
beforeAll(async () => {
  media = await startMediaLattice({ subgraphs: ['accounts'] });
});
afterAll(() => media.stop());

/** A 3000×2000 JPEG with GPS coordinates and a camera model in its EXIF. */
function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: { r: 200, g: 90, b: 30 } } })
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: 'Lattice', Model: 'Test Camera' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '48/1 51/1 2400/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '2/1 21/1 300/100',
      },
    })
    .toBuffer();
}

test('an uploaded photo is optimised, becomes the avatar, downloads by ranges, is shared, deleted and restored', async () => {
  const { lattice } = media;
  const user = await newUser(lattice);
  const original = await photoWithGps();
  expect((await sharp(original).metadata()).exif).toBeDefined();

  const photo = await uploadFile(lattice, user.token, {
    filename: 'holiday.jpg',
    contentType: 'image/jpeg',
    bytes: original,
  });
  expect(photo).toMatchObject({
    type: 'IMAGE',
    contentType: 'image/webp',
    filename: 'holiday.webp',
    width: 2000,
    height: 1333,
    checksum: sha256(original),
    owner: { id: user.id },
    deletedAt: null,
    originalUrl: null,
  });
  expect(photo.blurhash).toMatch(/^[0-9A-Za-z#$%*+,-.:;=?@[\]^_{|}~]{6,}$/);

  // The optimised file and its thumbnail: no EXIF left (GPS included), within their sizes.
  const optimised = Buffer.from(await (await fetch(photo.url)).arrayBuffer());
  expect(optimised.length).toBe(photo.size);
  const optimisedMeta = await sharp(optimised).metadata();
  expect(optimisedMeta).toMatchObject({ format: 'webp', width: 2000, height: 1333 });
  expect(optimisedMeta.exif).toBeUndefined();
  const thumbnail = await fetch(photo.thumbnailUrl);
  const thumbnailMeta = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
  expect(Math.max(thumbnailMeta.width!, thumbnailMeta.height!)).toBe(320);
  expect(thumbnailMeta.exif).toBeUndefined();

  // Avatar: the profile refers to the media, and its public URL serves it to anyone.
  await ok(lattice, user.token, `mutation ($id: ID) { setAvatar(mediaId: $id) { id } }`, { id: photo.id });
  const profile = await waitFor(async () => {
    const { me } = await ok(lattice, user.token, `{ me { profile { avatarUrl avatar { id width } } } }`);
    return me.profile.avatar ? me.profile : undefined;
  });
  expect(profile.avatar).toEqual({ id: photo.id, width: 2000 });
  const avatar = await fetch(profile.avatarUrl);
  expect(avatar.status).toBe(200);
  expect(avatar.headers.get('cache-control')).toBe('public, max-age=3600');

  // A range request: the bytes asked for, and only those.
  const ranged = await fetch(photo.url, { headers: { range: 'bytes=100-1099' } });
  expect(ranged.status).toBe(206);
  expect(ranged.headers.get('content-range')).toBe(`bytes 100-1099/${photo.size}`);
  expect(Buffer.from(await ranged.arrayBuffer())).toEqual(optimised.subarray(100, 1100));
  const suffix = await fetch(photo.url, { headers: { range: `bytes=-10` } });
  expect(Buffer.from(await suffix.arrayBuffer())).toEqual(optimised.subarray(optimised.length - 10));
  expect((await fetch(photo.url, { headers: { range: `bytes=${photo.size}-` } })).status).toBe(416);

  // A share link works without signing in, then expires: 410 Gone.
  const { createShareLink } = await ok(
    lattice,
    user.token,
    `mutation ($id: ID!) { createShareLink(mediaId: $id, expiresInSeconds: 2) { id url expiresAt downloads } }`,
    { id: photo.id },
  );
  const shared = await fetch(createShareLink.url);
  expect(shared.status).toBe(200);
  expect(Buffer.from(await shared.arrayBuffer())).toEqual(optimised);
  // Polled with HEAD, which is not a download.
  await waitFor(
    async () => ((await fetch(createShareLink.url, { method: 'HEAD' })).status === 410 ? true : undefined),
    {
      timeoutMs: 10_000,
    },
  );
  const { media: withLinks } = await ok(
    lattice,
    user.token,
    `query ($id: ID!) { media(id: $id) { shareLinks { edges { node { id downloads } } } } }`,
    { id: photo.id },
  );
  expect(withLinks.shareLinks.edges).toEqual([{ node: { id: createShareLink.id, downloads: 1 } }]);

  // Soft delete: the file leaves the list, its URLs stop, the avatar goes; restore brings it back.
  const { deleteMedia } = await ok(
    lattice,
    user.token,
    `mutation ($id: ID!) { deleteMedia(id: $id) { ${MEDIA_FIELDS} } }`,
    {
      id: photo.id,
    },
  );
  expect(deleteMedia.deletedAt).not.toBeNull();
  expect(deleteMedia.url).toBeNull();
  expect(new Date(deleteMedia.purgeAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  expect((await fetch(photo.url)).status).toBe(404);
  const lists = `{ active: myMedia { edges { node { id } } } bin: myMedia(deleted: true) { edges { node { id } } } }`;
  expect(await ok(lattice, user.token, lists)).toEqual({
    active: { edges: [] },
    bin: { edges: [{ node: { id: photo.id } }] },
  });
  await waitFor(async () => {
    const { me } = await ok(lattice, user.token, `{ me { profile { avatarUrl avatar { id } } } }`);
    return me.profile.avatar === null && me.profile.avatarUrl === null ? true : undefined;
  });

  const { restoreMedia } = await ok(
    lattice,
    user.token,
    `mutation ($id: ID!) { restoreMedia(id: $id) { id deletedAt url } }`,
    {
      id: photo.id,
    },
  );
  expect(restoreMedia).toMatchObject({ id: photo.id, deletedAt: null });
  expect((await fetch(restoreMedia.url)).status).toBe(200);
  expect(await ok(lattice, user.token, lists)).toEqual({
    active: { edges: [{ node: { id: photo.id } }] },
    bin: { edges: [] },
  });

  const { myStorage } = await ok(
    lattice,
    user.token,
    `{ myStorage { files activeFiles bytes limit remaining readableSize } }`,
  );
  expect(myStorage).toMatchObject({ files: 1, activeFiles: 1, limit: 100 * 1024 * 1024 });
  expect(myStorage.bytes).toBeGreaterThan(photo.size);
  expect(myStorage.remaining).toBe(myStorage.limit - myStorage.bytes);
});
