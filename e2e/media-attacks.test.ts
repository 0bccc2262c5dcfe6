import { readdirSync } from 'node:fs';
import { request } from 'node:http';
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
import { promoteToAdmin } from './support/accounts';

// What an outsider or a careless client tries against uploads and files, through the gateway.
let media: MediaLattice;
beforeAll(async () => {
  media = await startMediaLattice();
});
afterAll(() => media.stop());

const png = () =>
  sharp({ create: { width: 40, height: 30, channels: 3, background: '#3366aa' } })
    .png()
    .toBuffer();

/** Every file under a folder, recursively (what storage holds). */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

test('a 200 MB file is refused before any byte is sent, and a body longer than declared is cut off at once', async () => {
  const { lattice } = media;
  const user = await newUser(lattice);
  const answer = await gql(lattice, user.token, CREATE_UPLOAD, {
    input: { filename: 'big.mp4', contentType: 'video/mp4', size: 200 * 1024 * 1024 },
  });
  expect(answer.errors?.[0]?.extensions).toMatchObject({
    code: 'PAYLOAD_TOO_LARGE',
    field: 'input.size',
    limit: 100 * 1024 * 1024,
  });

  // An upload declared at 1 KB, then a request announcing 200 MB: answered 413 without reading it.
  const { createUpload } = await ok(lattice, user.token, CREATE_UPLOAD, {
    input: { filename: 'small.txt', contentType: 'text/plain', size: 1024 },
  });
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(createUpload.url, {
      method: 'PUT',
      headers: { 'content-length': String(200 * 1024 * 1024) },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode!);
      req.destroy();
    });
    req.on('error', reject);
    req.write(Buffer.alloc(64 * 1024, 'a')); // a first chunk, and never the rest
  });
  expect(status).toBe(413);
});

test('an executable named .png is refused by its bytes and leaves nothing behind', async () => {
  const { lattice, storageDir } = media;
  const user = await newUser(lattice);
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(5000, 1)]);
  const before = filesUnder(storageDir).length;
  const put = await putFile(lattice, user.token, {
    filename: 'cute-cat.png',
    contentType: 'image/png',
    bytes: elf,
  });
  expect(put.status).toBe(415);
  expect(put.json.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  const upload = await gql(lattice, user.token, `query ($id: ID!) { upload(id: $id) { id } }`, {
    id: put.upload.id,
  });
  expect(upload.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  expect(filesUnder(storageDir).length).toBe(before);
  expect(
    await ok(lattice, user.token, `{ myMedia { edges { node { id } } } myStorage { files bytes } }`),
  ).toEqual({
    myMedia: { edges: [] },
    myStorage: { files: 0, bytes: 0 },
  });
});

test('path-traversal names are stored harmlessly', async () => {
  const { lattice, storageDir } = media;
  const user = await newUser(lattice);
  const photo = await uploadFile(lattice, user.token, {
    filename: '../../../etc/passwd\u202Egnp.png',
    contentType: 'image/png',
    bytes: await png(),
  });
  expect(photo.filename).not.toMatch(/[/\\]|\.\.|\u202E/);
  for (const file of filesUnder(storageDir)) expect(file.startsWith(storageDir)).toBe(true);
  const download = await fetch(photo.url);
  expect(download.headers.get('content-disposition')).not.toMatch(/\.\.|\//);
});

test("another user's media is NOT_FOUND by every path, and signed URLs cannot be bent", async () => {
  const { lattice } = media;
  const owner = await newUser(lattice);
  const other = await newUser(lattice);
  const photo = await uploadFile(lattice, owner.token, {
    filename: 'mine.png',
    contentType: 'image/png',
    bytes: await png(),
  });

  for (const [query, variables] of [
    [`query ($id: ID!) { media(id: $id) { id } }`, { id: photo.id }],
    [`mutation ($id: ID!) { deleteMedia(id: $id) { id } }`, { id: photo.id }],
    [`mutation ($id: ID!) { restoreMedia(id: $id) { id } }`, { id: photo.id }],
    [`mutation ($id: ID!) { purgeMedia(id: $id) }`, { id: photo.id }],
    [`mutation ($id: ID!) { createShareLink(mediaId: $id) { id } }`, { id: photo.id }],
  ] as const) {
    const answer = await gql(lattice, other.token, query, variables);
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  }
  const avatar = await gql(lattice, other.token, `mutation ($id: ID) { setAvatar(mediaId: $id) { id } }`, {
    id: photo.id,
  });
  expect(avatar.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const storage = await gql(
    lattice,
    other.token,
    `query ($id: ID!) { user(id: $id) { storage { files } } }`,
    {
      id: owner.id,
    },
  );
  expect(storage.data?.user?.storage ?? null).toBeNull();

  // The owner's file is still there, untouched.
  const { media: still } = await ok(
    lattice,
    owner.token,
    `query ($id: ID!) { media(id: $id) { id deletedAt } }`,
    {
      id: photo.id,
    },
  );
  expect(still).toEqual({ id: photo.id, deletedAt: null });

  // A signed URL with another id, variant or expiry is refused; so is one without a signature.
  const url = new URL(photo.url);
  const tampered = [
    url.href.replace(
      photo.id,
      photo.id.replace(/.$/, (c: string) => (c === '0' ? '1' : '0')),
    ),
    url.href.replace('/file?', '/original?'),
    url.href.replace(/expires=\d+/, (e: string) => `expires=${Number(e.slice(8)) + 3600}`),
    `${url.origin}${url.pathname}`,
  ];
  for (const href of tampered) expect([403, 404]).toContain((await fetch(href)).status);
  // Not an avatar: no public address.
  expect((await fetch(`${url.origin}/media/public/${photo.id}/file`)).status).toBe(404);
});

test('storage is limited by the plan, and racing uploads cannot pass the limit together', async () => {
  const small = await startMediaLattice({
    env: { PLANS: JSON.stringify({ free: { limits: { storageBytes: 1_000_000 } } }) },
  });
  try {
    const { lattice } = small;
    const user = await newUser(lattice);
    const tooBig = await gql(lattice, user.token, CREATE_UPLOAD, {
      input: { filename: 'a.pdf', contentType: 'application/pdf', size: 1_000_001 },
    });
    expect(tooBig.errors?.[0]?.extensions).toMatchObject({
      code: 'QUOTA_EXCEEDED',
      meter: 'storageBytes',
      limit: 1_000_000,
    });

    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        gql(lattice, user.token, CREATE_UPLOAD, {
          input: { filename: `part-${i}.pdf`, contentType: 'application/pdf', size: 300_000 },
        }),
      ),
    );
    expect(answers.filter((answer) => answer.data?.createUpload).length).toBe(3);
    expect(answers.filter((answer) => answer.errors?.[0]?.extensions?.code === 'QUOTA_EXCEEDED').length).toBe(
      3,
    );
  } finally {
    await small.stop();
  }
});

test("the platform's storage is for admins only", async () => {
  const { lattice } = media;
  const user = await newUser(lattice);
  await uploadFile(lattice, user.token, { filename: 'x.png', contentType: 'image/png', bytes: await png() });
  const refused = await gql(lattice, user.token, `{ storageStatistics { files } }`);
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const admin = await newUser(lattice);
  const adminToken = await promoteToAdmin(lattice, admin.email);
  const { storageStatistics } = await ok(
    lattice,
    adminToken,
    `{ storageStatistics { files activeFiles bytes limit } }`,
  );
  expect(storageStatistics.files).toBeGreaterThanOrEqual(1);
  expect(storageStatistics.bytes).toBeGreaterThan(0);
  expect(storageStatistics.limit).toBeNull();
});
