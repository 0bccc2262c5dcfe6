import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startLocalS3, type LocalS3 } from '@lattice/testkit';
import { createObjectStorage, storageSettings, type ObjectStorage } from '../src';
import { generated } from './bytes';
import { describeStorageContract } from './contract';

async function makeS3(): Promise<{ storage: ObjectStorage; cleanup(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'lattice-storage-'));
  let s3: LocalS3 | undefined;
  try {
    s3 = await startLocalS3({ buckets: ['media'] });
    const settings = storageSettings.parse({
      STORAGE_BACKEND: 's3',
      STORAGE_DIR: directory,
      S3_ENDPOINT: s3.endpoint,
      S3_BUCKET: 'media',
      S3_ACCESS_KEY_ID: s3.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    });
    const storage = createObjectStorage(settings, { defaultDirectory: join(directory, 'unused') });
    const server = s3;
    return {
      storage,
      cleanup: async () => {
        await server.close();
        await rm(directory, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await s3?.close();
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
}

describeStorageContract('s3', makeS3);

describe('s3 storage', () => {
  let storage: ObjectStorage;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, cleanup } = await makeS3());
  });
  afterAll(async () => {
    await storage.close();
    await cleanup();
  });

  it('writes a body of several parts as a multipart upload', async () => {
    const size = 17 * 1024 * 1024 + 5;
    await expect(storage.write('parts/ok', generated(size), 'video/mp4')).resolves.toEqual({ size });
    await expect(storage.stat('parts/ok')).resolves.toEqual({ size, contentType: 'video/mp4' });
  });

  it('leaves no object when the body fails after several parts were sent', async () => {
    const failing = generated(30 * 1024 * 1024, { failAfter: 20 * 1024 * 1024 });
    await expect(storage.write('parts/failed', failing, 'video/mp4')).rejects.toThrow('the client went away');
    await expect(storage.stat('parts/failed')).resolves.toBeNull();
  });

  it('lists past a page of 1000 objects', async () => {
    const keys = Array.from({ length: 1003 }, (_, index) => `many/${String(index).padStart(4, '0')}`);
    for (let start = 0; start < keys.length; start += 50) {
      await Promise.all(
        keys
          .slice(start, start + 50)
          .map((key) => storage.write(key, Readable.from([Buffer.from('x')]), 'text/plain')),
      );
    }
    let count = 0;
    for await (const _ of storage.list('many/')) count += 1;
    expect(count).toBe(1003);
  }, 60_000);
});
