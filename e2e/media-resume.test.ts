import { randomBytes } from 'node:crypto';
import * as tus from 'tus-js-client';
import {
  type MediaLattice,
  CREATE_UPLOAD,
  MEDIA_FIELDS,
  newUser,
  ok,
  sha256,
  startMediaLattice,
} from './support/media';

// A large upload broken at 60 % resumes with a standard tus client from where it stopped,
// through the gateway's host, and completes with the right checksum.
let media: MediaLattice;
beforeAll(async () => {
  media = await startMediaLattice();
});
afterAll(() => media.stop());

const MiB = 1024 * 1024;

/** Runs a tus upload of `bytes` to `uploadUrl` until it completes, or until `stopAt` is reached. */
function tusUpload(uploadUrl: string, bytes: Buffer, stopAt?: number) {
  return new Promise<{ completed: boolean; firstOffset: number; lastBody?: string }>((resolve, reject) => {
    let firstOffset = -1;
    const upload: tus.Upload = new tus.Upload(bytes, {
      uploadUrl,
      chunkSize: MiB,
      retryDelays: null,
      onProgress(sent) {
        if (firstOffset < 0) firstOffset = sent;
        if (stopAt !== undefined && sent >= stopAt) {
          void upload.abort().then(() => resolve({ completed: false, firstOffset }));
        }
      },
      onSuccess: (payload) =>
        resolve({ completed: true, firstOffset, lastBody: payload.lastResponse.getBody() }),
      onError: reject,
    });
    upload.start();
  });
}

test('an upload interrupted at 60 % resumes from there and completes with the right checksum', async () => {
  const { lattice } = media;
  const user = await newUser(lattice);
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(10 * MiB - 9)]);
  const { createUpload } = await ok(lattice, user.token, CREATE_UPLOAD, {
    input: { filename: 'report.pdf', contentType: 'application/pdf', size: bytes.length },
  });

  const first = await tusUpload(createUpload.url, bytes, 0.6 * bytes.length);
  expect(first.completed).toBe(false);
  const { upload } = await ok(
    lattice,
    user.token,
    `query ($id: ID!) { upload(id: $id) { offset media { id } } }`,
    {
      id: createUpload.id,
    },
  );
  expect(upload.media).toBeNull();
  expect(upload.offset).toBeGreaterThanOrEqual(6 * MiB);
  expect(upload.offset).toBeLessThan(bytes.length);

  const second = await tusUpload(createUpload.url, bytes);
  expect(second.completed).toBe(true);
  // The resumed upload started where the first stopped: nothing was sent twice.
  expect(second.firstOffset).toBeGreaterThanOrEqual(upload.offset);
  const mediaId = JSON.parse(second.lastBody!).media.id;

  const { media: stored } = await ok(
    lattice,
    user.token,
    `query ($id: ID!) { media(id: $id) { ${MEDIA_FIELDS} } }`,
    {
      id: mediaId,
    },
  );
  expect(stored).toMatchObject({
    type: 'DOCUMENT',
    contentType: 'application/pdf',
    size: bytes.length,
    checksum: sha256(bytes),
  });
  const downloaded = Buffer.from(await (await fetch(stored.url)).arrayBuffer());
  expect(sha256(downloaded)).toBe(sha256(bytes));
});

test('a tus client cannot create uploads of its own, nor resume another upload with a forged URL', async () => {
  const { lattice } = media;
  const user = await newUser(lattice);
  const { createUpload } = await ok(lattice, user.token, CREATE_UPLOAD, {
    input: { filename: 'notes.txt', contentType: 'text/plain', size: 5 },
  });
  const url = new URL(createUpload.url);
  const creation = await fetch(`${url.origin}/media/uploads/${createUpload.id}`, {
    method: 'POST',
    headers: { 'tus-resumable': '1.0.0', 'upload-length': '5' },
  });
  expect(creation.status).toBe(405);
  const forged = await fetch(`${url.origin}${url.pathname}?expires=9999999999&signature=forged`, {
    method: 'PATCH',
    headers: {
      'tus-resumable': '1.0.0',
      'upload-offset': '0',
      'content-type': 'application/offset+octet-stream',
    },
    body: 'hello',
  });
  expect(forged.status).toBe(403);
});
