import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enableSingleDes, serveFirstByteRanges } from './s3rver-fixes';

export interface LocalS3 {
  /** http://127.0.0.1:port: use it with path-style addressing. */
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  close(): Promise<void>;
}

/**
 * A local S3-compatible server (s3rver) on 127.0.0.1 with `buckets` created, silent. Its files
 * live in `directory`, or in a temporary folder removed on close. s3rver implements no
 * ListParts, ListMultipartUploads nor AbortMultipartUpload; clients must send checksums only
 * when required (`requestChecksumCalculation` / `responseChecksumValidation: 'WHEN_REQUIRED'`).
 * Two of its bugs are worked around (s3rver-fixes.ts): paginated listings and `bytes=0-0`.
 */
export async function startLocalS3({
  directory,
  port = 0,
  buckets,
}: {
  directory?: string;
  port?: number;
  buckets: string[];
}): Promise<LocalS3> {
  // Loaded here, not with the testkit: most test files never start an S3 server.
  const { default: S3rver } = await import('s3rver');
  const folder = directory ?? (await mkdtemp(join(tmpdir(), 'lattice-s3-')));
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory: folder,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  enableSingleDes();
  serveFirstByteRanges(server);
  try {
    const address = await server.run();
    return {
      endpoint: `http://127.0.0.1:${address.port}`,
      // s3rver's only account.
      accessKeyId: 'S3RVER',
      secretAccessKey: 'S3RVER',
      async close() {
        await server.close();
        if (!directory) await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (!directory) await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
