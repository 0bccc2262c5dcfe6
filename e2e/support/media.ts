import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerUser } from './accounts';
import { ok } from './graphql';
import { startTestLattice, type TestLattice } from './test-lattice';

export { gql, ok } from './graphql';

export interface MediaLattice {
  lattice: TestLattice;
  /** The local folder media stores into (its `media/` and staging folders). */
  storageDir: string;
  stop(): Promise<void>;
}

/** Identity, media (and `subgraphs`) behind a gateway, storing into a temporary folder. */
export async function startMediaLattice(
  options: { subgraphs?: string[]; env?: Record<string, string> } = {},
): Promise<MediaLattice> {
  const storageDir = mkdtempSync(join(tmpdir(), 'lattice-media-'));
  const lattice = await startTestLattice(
    { STORAGE_DIR: storageDir, MEDIA_JANITOR_INTERVAL_SECONDS: '3600', ...options.env },
    { subgraphs: ['media', ...(options.subgraphs ?? [])] },
  );
  return {
    lattice,
    storageDir,
    stop: async () => {
      await lattice.stop();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

export async function newUser(lattice: TestLattice) {
  const user = await registerUser(lattice);
  return { ...user, token: user.accessToken };
}

export const sha256 = (bytes: Uint8Array) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

export const CREATE_UPLOAD = /* GraphQL */ `
  mutation CreateUpload($input: CreateUploadInput!) {
    createUpload(input: $input) {
      id
      url
      expiresAt
      filename
      size
      offset
    }
  }
`;

export const MEDIA_FIELDS = /* GraphQL */ `
  id filename contentType type size checksum width height url thumbnailUrl originalUrl blurhash
  createdAt deletedAt purgeAt owner { id }
`;

/** Prepares an upload of `bytes` and PUTs them; the PUT's response (status, JSON) and the upload. */
export async function putFile(
  lattice: TestLattice,
  token: string,
  file: { filename: string; contentType: string; bytes: Uint8Array },
) {
  const { createUpload } = await ok(lattice, token, CREATE_UPLOAD, {
    input: { filename: file.filename, contentType: file.contentType, size: file.bytes.length },
  });
  const response = await fetch(createUpload.url, { method: 'PUT', body: file.bytes });
  return { upload: createUpload, status: response.status, json: (await response.json()) as any };
}

/** Uploads a file that must be accepted; its media as the API shows it. */
export async function uploadFile(
  lattice: TestLattice,
  token: string,
  file: { filename: string; contentType: string; bytes: Uint8Array },
) {
  const put = await putFile(lattice, token, file);
  if (put.status !== 200) throw new Error(`upload refused: ${put.status} ${JSON.stringify(put.json)}`);
  const { media } = await ok(lattice, token, `query ($id: ID!) { media(id: $id) { ${MEDIA_FIELDS} } }`, {
    id: put.json.media.id,
  });
  return media;
}
