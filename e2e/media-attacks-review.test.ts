import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import {
  CREATE_UPLOAD,
  gql,
  type MediaLattice,
  newUser,
  ok,
  putFile,
  startMediaLattice,
  uploadFile,
} from './support/media';

// A security review's attacks through the gateway: each test is a hole that was found open.
let media: MediaLattice;
beforeAll(async () => {
  media = await startMediaLattice();
});
afterAll(() => media.stop());

const png = (width = 40, height = 30) =>
  sharp({ create: { width, height, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer();

/** Every object stored (staged uploads aside). */
function objectsUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.parentPath.includes('staging'))
    .map((entry) => join(entry.parentPath, entry.name));
}

const LIBRARY = `{ myMedia { edges { node { id filename } } } myStorage { files bytes } }`;

test('an image refused once its bytes are in leaves no media row behind', async () => {
  const { lattice, storageDir } = media;
  const user = await newUser(lattice);
  const jpeg = await sharp({ create: { width: 200, height: 200, channels: 3, background: '#ff0000' } })
    .jpeg()
    .toBuffer();
  const before = objectsUnder(storageDir).length;
  const put = await putFile(lattice, user.token, {
    filename: 'truncated.jpg',
    contentType: 'image/jpeg',
    bytes: jpeg.subarray(0, jpeg.length / 2),
  });
  expect(put.status).toBe(422);
  expect(objectsUnder(storageDir).length).toBe(before);
  expect(await ok(lattice, user.token, LIBRARY)).toEqual({
    myMedia: { edges: [] },
    myStorage: { files: 0, bytes: 0 },
  });
});

test('an image over the quota once stored (with its original kept) leaves no media row counting against it', async () => {
  const small = await startMediaLattice({
    env: {
      MEDIA_KEEP_ORIGINALS: 'true',
      PLANS: JSON.stringify({ free: { limits: { storageBytes: 10_000 } } }),
    },
  });
  try {
    const { lattice, storageDir } = small;
    const user = await newUser(lattice);
    // Noise compresses badly: the original, the WebP and the thumbnail together pass the limit.
    const noisy = await sharp(Buffer.from(Array.from({ length: 50 * 50 * 3 }, () => Math.random() * 256)), {
      raw: { width: 50, height: 50, channels: 3 },
    })
      .png()
      .toBuffer();
    expect(noisy.length).toBeLessThan(10_000);
    const put = await putFile(lattice, user.token, {
      filename: 'noise.png',
      contentType: 'image/png',
      bytes: noisy,
    });
    expect(put.status).toBe(413);
    expect(put.json.code).toBe('QUOTA_EXCEEDED');
    expect(objectsUnder(storageDir)).toEqual([]);
    expect(await ok(lattice, user.token, LIBRARY)).toEqual({
      myMedia: { edges: [] },
      myStorage: { files: 0, bytes: 0 },
    });
  } finally {
    await small.stop();
  }
});

test('deleting a file ends its share links for good: restoring it does not bring them back', async () => {
  const { lattice } = media;
  const user = await newUser(lattice);
  const photo = await uploadFile(lattice, user.token, {
    filename: 'private.png',
    contentType: 'image/png',
    bytes: await png(),
  });
  const { createShareLink } = await ok(
    lattice,
    user.token,
    `mutation ($id: ID!) { createShareLink(mediaId: $id, expiresInSeconds: 86400) { id url } }`,
    { id: photo.id },
  );
  expect((await fetch(createShareLink.url)).status).toBe(200);

  await ok(lattice, user.token, `mutation ($id: ID!) { deleteMedia(id: $id) { id } }`, { id: photo.id });
  expect((await fetch(createShareLink.url)).status).toBe(410);
  await ok(lattice, user.token, `mutation ($id: ID!) { restoreMedia(id: $id) { id } }`, { id: photo.id });
  expect((await fetch(createShareLink.url)).status).toBe(410);
  const { media: restored } = await ok(
    lattice,
    user.token,
    `query ($id: ID!) { media(id: $id) { shareLinks { edges { node { id revokedAt } } } } }`,
    { id: photo.id },
  );
  expect(restored.shareLinks.edges[0].node.revokedAt).not.toBeNull();
});

test('a share token that is not valid percent-encoding is not found, not a server error', async () => {
  const { lattice } = media;
  const user = await newUser(lattice);
  const { createUpload } = await ok(lattice, user.token, CREATE_UPLOAD, {
    input: { filename: 'a.txt', contentType: 'text/plain', size: 5 },
  });
  const { origin } = new URL(createUpload.url);
  for (const token of ['%E0%A4%A', '%', 'abc%zz'])
    expect((await fetch(`${origin}/media/shared/${token}`)).status).toBe(404);
});

test('setAvatar sent several times at once never fails: one of them is the avatar', async () => {
  const { lattice } = media;
  const user = await newUser(lattice);
  const photos = [];
  for (let i = 0; i < 4; i++)
    photos.push(
      await uploadFile(lattice, user.token, {
        filename: `p${i}.png`,
        contentType: 'image/png',
        bytes: await png(40 + i, 30),
      }),
    );
  const answers = await Promise.all(
    photos.map((photo) =>
      gql(lattice, user.token, `mutation ($id: ID) { setAvatar(mediaId: $id) { id } }`, { id: photo.id }),
    ),
  );
  expect(answers.flatMap((answer) => answer.errors ?? [])).toEqual([]);
  const { origin } = new URL(photos[0].url);
  const statuses = await Promise.all(
    photos.map(async (photo) => (await fetch(`${origin}/media/public/${photo.id}/file`)).status),
  );
  expect(statuses.filter((status) => status === 200)).toHaveLength(1);
});
