// Two s3rver 3.7.1 bugs that real S3 does not have, worked around here so that clients can be
// tested as they will run.
import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type S3rver from 's3rver';

const PATCHED = Symbol.for('lattice.testkit.s3rver-single-des');

/**
 * s3rver encrypts ListObjectsV2 continuation tokens with single DES, which OpenSSL 3 (Node ≥ 17)
 * only has in its legacy provider: listing past a page then fails with InternalError. Triple DES
 * with the key repeated three times is single DES, and is still there. Only the algorithm `des`
 * is redirected, which otherwise throws.
 */
export function enableSingleDes(): void {
  const target = crypto as unknown as Record<symbol, boolean> & typeof crypto;
  if (target[PATCHED]) return;
  target[PATCHED] = true;
  const { createCipheriv, createDecipheriv } = crypto;
  const tripled = (key: crypto.CipherKey) => Buffer.concat([key, key, key] as Buffer[]);
  target.createCipheriv = ((
    algorithm: string,
    key: crypto.CipherKey,
    iv: crypto.BinaryLike | null,
    options?: never,
  ) =>
    algorithm === 'des'
      ? createCipheriv('des-ede3-cbc', tripled(key), iv, options)
      : createCipheriv(algorithm, key, iv, options)) as typeof crypto.createCipheriv;
  target.createDecipheriv = ((
    algorithm: string,
    key: crypto.CipherKey,
    iv: crypto.BinaryLike | null,
    options?: never,
  ) =>
    algorithm === 'des'
      ? createDecipheriv('des-ede3-cbc', tripled(key), iv, options)
      : createDecipheriv(algorithm, key, iv, options)) as typeof crypto.createDecipheriv;
}

interface StoredObject {
  content: Readable | null;
  range?: { start: number; end: number };
}
interface Store {
  getObject(
    bucket: string,
    key: string,
    options?: { start?: number; end?: number },
  ): Promise<StoredObject | null>;
  getResourcePath(bucket: string, key: string, kind: 'object'): string;
}

/** s3rver reads `Range: bytes=0-0` as `bytes=0-` and serves the whole object: one byte it is. */
export function serveFirstByteRanges(server: S3rver): void {
  const store = (server as unknown as { store: Store }).store;
  const getObject = store.getObject.bind(store);
  store.getObject = async (bucket, key, options) => {
    const object = await getObject(bucket, key, options);
    if (options?.end !== 0 || !object?.content || !object.range) return object;
    object.content.destroy();
    object.content = createReadStream(store.getResourcePath(bucket, key, 'object'), { start: 0, end: 0 });
    object.range = { start: 0, end: 0 };
    return object;
  };
}
