import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createObjectStorage, storageSettings } from '../src';

describe('storageSettings', () => {
  it('defaults to a local folder', () => {
    expect(storageSettings.parse({})).toEqual({ STORAGE_BACKEND: 'local', S3_REGION: 'us-east-1' });
    expect(storageSettings.parse({ STORAGE_BACKEND: '', S3_BUCKET: '' })).toEqual({
      STORAGE_BACKEND: 'local',
      S3_REGION: 'us-east-1',
    });
  });

  it('requires S3_BUCKET with s3, and both keys or none', () => {
    const missingBucket = storageSettings.safeParse({ STORAGE_BACKEND: 's3' });
    expect(missingBucket.error?.issues).toEqual([
      expect.objectContaining({ path: ['S3_BUCKET'], message: 'is required with STORAGE_BACKEND=s3' }),
    ]);
    const oneKey = storageSettings.safeParse({
      STORAGE_BACKEND: 's3',
      S3_BUCKET: 'b',
      S3_ACCESS_KEY_ID: 'id',
    });
    expect(oneKey.error?.issues).toEqual([expect.objectContaining({ path: ['S3_SECRET_ACCESS_KEY'] })]);
  });

  it('reads S3_FORCE_PATH_STYLE as a boolean and S3_ENDPOINT as a URL', () => {
    expect(storageSettings.parse({ S3_FORCE_PATH_STYLE: 'false' }).S3_FORCE_PATH_STYLE).toBe(false);
    expect(storageSettings.parse({ S3_FORCE_PATH_STYLE: 'true' }).S3_FORCE_PATH_STYLE).toBe(true);
    expect(storageSettings.safeParse({ S3_ENDPOINT: 'not a url' }).success).toBe(false);
  });

  it('extends with safeExtend, keeping its checks', () => {
    const serviceSettings = storageSettings.safeExtend({ MAX_UPLOAD_BYTES: z.coerce.number().default(1) });
    expect(serviceSettings.safeParse({ STORAGE_BACKEND: 's3' }).error?.issues).toEqual([
      expect.objectContaining({ path: ['S3_BUCKET'] }),
    ]);
  });

  it('can be spread into a service schema, and createObjectStorage repeats the bucket check', () => {
    expect(Object.keys(storageSettings.shape)).toContain('S3_BUCKET');
    expect(() =>
      createObjectStorage({ STORAGE_BACKEND: 's3', S3_REGION: 'us-east-1' }, { defaultDirectory: '/tmp/x' }),
    ).toThrow('S3_BUCKET: is required with STORAGE_BACKEND=s3');
  });

  it('makes an s3 storage with its staging in a local folder', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'lattice-storage-'));
    const storage = createObjectStorage(storageSettings.parse({ STORAGE_BACKEND: 's3', S3_BUCKET: 'b' }), {
      defaultDirectory: directory,
    });
    try {
      expect(storage.backend).toBe('s3');
      expect(storage.staging.constructor.name).toBe('FileStore');
    } finally {
      await storage.close();
      await rm(directory, { recursive: true, force: true });
    }
  });
});
