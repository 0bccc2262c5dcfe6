import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { Upload } from '@tus/utils';
import { ObjectNotFoundError, type ObjectStorage } from '../src';
import { bytesOf, expectedBytes, generated, sha256 } from './bytes';

const MiB = 1024 * 1024;

/** The one contract both backends pass: `makeStorage` gives a fresh, empty storage and its cleanup. */
export function describeStorageContract(
  name: string,
  makeStorage: () => Promise<{ storage: ObjectStorage; cleanup(): Promise<void> }>,
): void {
  describe(`${name}: the ObjectStorage contract`, () => {
    let storage: ObjectStorage;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ storage, cleanup } = await makeStorage());
    });
    afterAll(async () => {
      await storage?.close();
      await cleanup?.();
    });

    const size = 5 * MiB + 123;

    it('streams a multi-megabyte body in and out', async () => {
      await expect(storage.write('media/round-trip', generated(size), 'video/mp4')).resolves.toEqual({
        size,
      });
      const read = await storage.read('media/round-trip');
      expect(read).toMatchObject({ size, contentType: 'video/mp4' });
      expect(read.range).toBeUndefined();
      expect(await sha256(read.body)).toEqual(await sha256(generated(size)));
    });

    it.each([
      ['the first byte', 0, 0],
      ['a middle span', 1_000_003, 2_000_000],
      ['the last byte', size - 1, size - 1],
    ])('reads a range: %s', async (_, start, end) => {
      const read = await storage.read('media/round-trip', { start, end });
      expect(read).toMatchObject({ size, contentType: 'video/mp4', range: { start, end } });
      expect((await bytesOf(read.body)).equals(expectedBytes(start, end))).toBe(true);
    });

    it('stats an object, and null for none', async () => {
      await expect(storage.stat('media/round-trip')).resolves.toEqual({ size, contentType: 'video/mp4' });
      await expect(storage.stat('media/nothing-here')).resolves.toBeNull();
    });

    it('overwrites', async () => {
      await storage.write('media/over', Readable.from([Buffer.from('first version')]), 'text/plain');
      await storage.write('media/over', Readable.from([Buffer.from('{"v":2}')]), 'application/json');
      const read = await storage.read('media/over');
      expect(read).toMatchObject({ size: 7, contentType: 'application/json' });
      expect((await bytesOf(read.body)).toString()).toBe('{"v":2}');
    });

    it('stores an empty object', async () => {
      await expect(storage.write('media/empty', Readable.from([]), 'text/plain')).resolves.toEqual({
        size: 0,
      });
      const read = await storage.read('media/empty');
      expect(read.size).toBe(0);
      expect((await bytesOf(read.body)).length).toBe(0);
    });

    it('removes, idempotently', async () => {
      await storage.write('media/gone', Readable.from([Buffer.from('x')]), 'text/plain');
      await storage.remove('media/gone');
      await storage.remove('media/gone');
      await storage.remove('media/never-was');
      await expect(storage.stat('media/gone')).resolves.toBeNull();
    });

    it('throws ObjectNotFoundError when reading a missing key', async () => {
      const failure = storage.read('media/missing', { start: 0, end: 0 });
      await expect(failure).rejects.toBeInstanceOf(ObjectNotFoundError);
      await expect(failure).rejects.toMatchObject({ key: 'media/missing' });
    });

    it('lists every object under a prefix', async () => {
      for (const key of ['list/a/1', 'list/a/2', 'list/b/1', 'listing/x', 'other/list/a']) {
        await storage.write(key, Readable.from([Buffer.from(key)]), 'text/plain');
      }
      const keys = async (prefix: string) => {
        const found: { key: string; size: number; lastModified: Date }[] = [];
        for await (const object of storage.list(prefix)) found.push(object);
        return found.sort((a, b) => a.key.localeCompare(b.key));
      };
      const listed = await keys('list/a/');
      expect(listed).toEqual([
        { key: 'list/a/1', size: 8, lastModified: expect.any(Date) },
        { key: 'list/a/2', size: 8, lastModified: expect.any(Date) },
      ]);
      expect(Math.abs(listed[0]!.lastModified.getTime() - Date.now())).toBeLessThan(60_000);
      expect((await keys('list/')).map((object) => object.key)).toEqual(['list/a/1', 'list/a/2', 'list/b/1']);
      expect((await keys('list')).map((object) => object.key)).toEqual([
        'list/a/1',
        'list/a/2',
        'list/b/1',
        'listing/x',
      ]);
      expect(await keys('nothing/')).toEqual([]);
    });

    it('leaves nothing when the body fails half-way, and keeps the previous version', async () => {
      const failing = () => generated(3 * MiB, { failAfter: 2 * MiB });
      await expect(storage.write('failed/new', failing(), 'video/mp4')).rejects.toThrow(
        'the client went away',
      );
      await expect(storage.stat('failed/new')).resolves.toBeNull();

      await storage.write('failed/existing', Readable.from([Buffer.from('kept')]), 'text/plain');
      await expect(storage.write('failed/existing', failing(), 'video/mp4')).rejects.toThrow(
        'the client went away',
      );
      await expect(storage.stat('failed/existing')).resolves.toEqual({ size: 4, contentType: 'text/plain' });

      const listed: string[] = [];
      for await (const object of storage.list('failed/')) listed.push(object.key);
      expect(listed).toEqual(['failed/existing']);
    });

    it.each([
      '../x',
      '/abs',
      'a//b',
      'a/../b',
      'a/./b',
      'a/',
      'a b',
      'a\\b',
      'é',
      '',
      'x/'.repeat(256) + 'x',
      'x'.repeat(201),
    ])('refuses the key %j', async (key) => {
      const body = Readable.from([Buffer.from('x')]);
      await expect(storage.write(key, body, 'text/plain')).rejects.toBeInstanceOf(TypeError);
      expect(body.destroyed).toBe(true);
      await expect(storage.read(key)).rejects.toBeInstanceOf(TypeError);
      await expect(storage.stat(key)).rejects.toBeInstanceOf(TypeError);
      await expect(storage.remove(key)).rejects.toBeInstanceOf(TypeError);
    });

    it('accepts a key of 512 characters (segments of up to 200), and refuses bad prefixes and content types', async () => {
      const longest = `${'k'.repeat(199)}/`.repeat(2) + 'k'.repeat(112);
      expect(longest).toHaveLength(512);
      await storage.write(longest, Readable.from([Buffer.from('x')]), 'text/plain');
      await expect(storage.stat(longest)).resolves.toEqual({ size: 1, contentType: 'text/plain' });
      const listing = async (prefix: string) => {
        for await (const _ of storage.list(prefix)) break;
      };
      await expect(listing('../')).rejects.toBeInstanceOf(TypeError);
      await expect(listing('/abs')).rejects.toBeInstanceOf(TypeError);
      await expect(storage.write('ok', Readable.from([]), 'text/plain\nx: y')).rejects.toBeInstanceOf(
        TypeError,
      );
    });

    it('stages a resumable upload in two pieces, reads it back and removes it', async () => {
      const id = `upload-${randomBytes(8).toString('hex')}`;
      const total = 2 * MiB + 77;
      const first = 700 * 1024;
      await storage.staging.create(new Upload({ id, size: total, offset: 0 }));
      await expect(storage.staging.write(generated(first), id, 0)).resolves.toBe(first);
      expect((await storage.staging.getUpload(id)).offset).toBe(first);
      await expect(storage.staging.write(generated(total - first, { from: first }), id, first)).resolves.toBe(
        total,
      );
      expect((await storage.staging.getUpload(id)).offset).toBe(total);

      expect(await sha256(await storage.readStaged(id))).toEqual(await sha256(generated(total)));

      await storage.removeStaged(id);
      await storage.removeStaged(id);
      await expect(storage.staging.getUpload(id)).rejects.toBeDefined();
      await expect(storage.readStaged(id)).rejects.toBeInstanceOf(ObjectNotFoundError);
      await expect(storage.readStaged('../escape')).rejects.toBeInstanceOf(TypeError);
    });
  });
}
