import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { ObjectNotFoundError, type ObjectInfo, type ObjectRead, type ObjectStorage } from './contract';
import type { FileStaging } from './staging';
import { assertContentType, assertKey, assertPrefix } from './validate';

/** A write holds at most about partSize × (queueSize + 1) bytes in memory. */
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

export class S3ObjectStorage implements ObjectStorage {
  readonly backend = 's3';

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly stagingFolder: FileStaging,
  ) {}

  get staging() {
    return this.stagingFolder.store;
  }

  async write(key: string, body: Readable, contentType: string): Promise<{ size: number }> {
    let size = 0;
    let bodyError: unknown;
    async function* counted() {
      try {
        for await (const chunk of body) {
          const bytes: Buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
          size += bytes.length;
          yield bytes;
        }
      } catch (error) {
        bodyError = error;
        throw error;
      }
    }
    const source = Readable.from(counted());
    try {
      assertKey(key);
      assertContentType(contentType);
      // Small bodies go in one PutObject, larger ones in a multipart upload, completed only once
      // the body has ended: until then no object is visible, and a failure aborts the upload.
      const upload = new Upload({
        client: this.client,
        params: { Bucket: this.bucket, Key: key, Body: source, ContentType: contentType },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
        leavePartsOnError: false,
      });
      await upload.done();
      return { size };
    } catch (error) {
      source.destroy();
      body.destroy();
      // When the body failed, its error says why, not that of aborting the multipart upload.
      throw bodyError ?? error;
    }
  }

  async read(key: string, range?: { start: number; end: number }): Promise<ObjectRead> {
    assertKey(key);
    try {
      const output = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(range && { Range: `bytes=${range.start}-${range.end}` }),
        }),
      );
      const body = output.Body;
      if (!(body instanceof Readable)) throw new Error(`GetObject of "${key}" gave no Node stream`);
      const size = range ? totalSize(output.ContentRange) : output.ContentLength;
      // A server serving other bytes than those asked would corrupt what clients reassemble.
      if (
        size === undefined ||
        (range && output.ContentRange !== `bytes ${range.start}-${range.end}/${size}`)
      ) {
        body.destroy();
        throw new Error(
          `GetObject of "${key}" answered Content-Range ${output.ContentRange} / Content-Length ${output.ContentLength}` +
            (range ? ` to bytes=${range.start}-${range.end}` : ''),
        );
      }
      return {
        size,
        contentType: output.ContentType ?? DEFAULT_CONTENT_TYPE,
        body,
        ...(range && { range: { start: range.start, end: range.end } }),
      };
    } catch (error) {
      if ((error as Error).name === 'NoSuchKey') throw new ObjectNotFoundError(key);
      throw error;
    }
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    assertKey(key);
    try {
      const output = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: output.ContentLength ?? 0, contentType: output.ContentType ?? DEFAULT_CONTENT_TYPE };
    } catch (error) {
      // A HEAD response has no body, so a missing object is known by its status only.
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404)
        return null;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    assertKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number; lastModified: Date }> {
    assertPrefix(prefix);
    const pages = paginateListObjectsV2(
      { client: this.client, pageSize: 1000 },
      { Bucket: this.bucket, Prefix: prefix },
    );
    for await (const page of pages) {
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        yield { key: object.Key, size: object.Size ?? 0, lastModified: object.LastModified ?? new Date(0) };
      }
    }
  }

  readStaged(id: string): Promise<Readable> {
    return this.stagingFolder.read(id);
  }

  removeStaged(id: string): Promise<void> {
    return this.stagingFolder.remove(id);
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}

/** `bytes 0-9/1234` → 1234. */
function totalSize(contentRange: string | undefined): number | undefined {
  const total = contentRange?.match(/\/(\d+)$/)?.[1];
  return total === undefined ? undefined : Number(total);
}
