import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createObjectStorage, storageSettings, type ObjectStorage } from '../src';
import { generated } from './bytes';
import { describeStorageContract } from './contract';

async function makeLocal(): Promise<{ storage: ObjectStorage; directory: string; cleanup(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'lattice-storage-'));
  const storage = createObjectStorage(storageSettings.parse({ STORAGE_DIR: directory }), {
    defaultDirectory: join(directory, 'unused'),
  });
  return { storage, directory, cleanup: () => rm(directory, { recursive: true, force: true }) };
}

describeStorageContract('local', makeLocal);

describe('local storage', () => {
  let storage: ObjectStorage;
  let directory: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, directory, cleanup } = await makeLocal());
  });
  afterAll(async () => {
    await storage.close();
    await cleanup();
  });

  it('writes 64 MB without holding it in memory', async () => {
    const size = 64 * 1024 * 1024;
    const before = process.memoryUsage.rss();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
    try {
      await expect(storage.write('big/file', generated(size), 'application/octet-stream')).resolves.toEqual({
        size,
      });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage.rss());
    expect(peak - before).toBeLessThan(40 * 1024 * 1024);
    await expect(storage.stat('big/file')).resolves.toEqual({
      size,
      contentType: 'application/octet-stream',
    });
    await storage.remove('big/file');
  });

  it('keeps objects under <dir>/objects, staged uploads under <dir>/staging, and no temporary file after a failure', async () => {
    await storage.write('a/b/c', Readable.from([Buffer.from('x')]), 'text/plain');
    await expect(storage.write('a/b/d', generated(1024, { failAfter: 512 }), 'text/plain')).rejects.toThrow();
    expect(await readdir(directory)).toEqual(expect.arrayContaining(['objects', 'staging']));
    expect(await readdir(join(directory, 'objects', 'a', 'b'))).toEqual(['c']);
  });

  it('prunes the folders a removal leaves empty', async () => {
    await storage.write('prune/x/y/z', Readable.from([Buffer.from('x')]), 'text/plain');
    await storage.write('prune/kept', Readable.from([Buffer.from('x')]), 'text/plain');
    await storage.remove('prune/x/y/z');
    expect(await readdir(join(directory, 'objects', 'prune'))).toEqual(['kept']);
  });

  it('serves the version a reader opened even when it is overwritten meanwhile', async () => {
    await storage.write('swap', Readable.from([Buffer.from('old bytes')]), 'text/plain');
    const read = await storage.read('swap');
    await storage.write('swap', Readable.from([Buffer.from('new')]), 'text/html');
    const chunks: Buffer[] = [];
    for await (const chunk of read.body) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString()).toBe('old bytes');
    await expect(storage.stat('swap')).resolves.toEqual({ size: 3, contentType: 'text/html' });
  });

  it('treats a folder of other keys as no object', async () => {
    await storage.write('folder/inside', Readable.from([Buffer.from('x')]), 'text/plain');
    await expect(storage.stat('folder')).resolves.toBeNull();
    await expect(storage.remove('folder')).resolves.toBeUndefined();
    await expect(storage.read('folder')).rejects.toMatchObject({ name: 'ObjectNotFoundError' });
  });
});
