import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Transform } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createObjectStorage, storageSettings, type ObjectStorage } from '@lattice/object-storage';
import yauzl from 'yauzl';
import { writeSiteArchive, type ArchiveEntry } from '../src/service/site-archive';

/** A ZIP's entries and their bytes, in order. */
async function listZipEntries(bytes: Buffer): Promise<{ name: string; content: Buffer }[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? reject(error) : resolve(file))),
  );
  const entries: { name: string; content: Buffer }[] = [];
  return new Promise((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve(entries));
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return reject(error);
        buffer(stream).then((content) => {
          entries.push({ name: entry.fileName, content });
          zip.readEntry();
        }, reject);
      });
    });
    zip.readEntry();
  });
}

async function readObject(storage: ObjectStorage, key: string): Promise<Buffer> {
  const object = await storage.read(key);
  return buffer(object.body);
}

let directory: string;
let storage: ObjectStorage;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'lattice-sites-archive-'));
  storage = createObjectStorage(storageSettings.parse({ STORAGE_DIR: directory }), {
    defaultDirectory: join(directory, 'unused'),
  });
});

afterAll(async () => {
  await storage.close();
  await rm(directory, { recursive: true, force: true });
});

/** Files under the storage folder: a failed write must leave none, not even a temporary one. */
async function storedFiles(): Promise<string[]> {
  const entries = await readdir(join(directory, 'objects'), { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('writeSiteArchive', () => {
  it('streams the entries, in order, into a ZIP in the storage, with its size and sha256', async () => {
    const png = randomBytes(50_000);
    const html = '<!DOCTYPE html><html lang="en"><head><title>Home</title></head><body>Hi</body></html>';
    const entries: ArchiveEntry[] = [
      { name: 'index.html', content: html },
      { name: 'styles.css', content: Buffer.from('body { color: red }') },
      {
        name: 'images/a.png',
        content: async () => Readable.from([png.subarray(0, 20_000), png.subarray(20_000)]),
      },
    ];

    const result = await writeSiteArchive(storage, 'archives/site-1.zip', entries);

    const stored = await readObject(storage, 'archives/site-1.zip');
    expect(result.bytes).toBe(stored.length);
    expect(result.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
    expect((await storage.stat('archives/site-1.zip'))?.contentType).toBe('application/zip');
    const listed = await listZipEntries(stored);
    expect(listed.map((entry) => entry.name)).toEqual(['index.html', 'styles.css', 'images/a.png']);
    expect(listed[0]?.content.toString()).toBe(html);
    expect(listed[1]?.content.toString()).toBe('body { color: red }');
    expect(listed[2]?.content.equals(png)).toBe(true);
  });

  it('takes entries from an async iterable, opening each stream only when its turn comes', async () => {
    const opened: string[] = [];
    async function* entries(): AsyncGenerator<ArchiveEntry> {
      for (const name of ['a.txt', 'b.txt']) {
        yield {
          name,
          content: async () => {
            opened.push(name);
            return Readable.from([Buffer.from(`content of ${name}`)]);
          },
        };
      }
    }
    await writeSiteArchive(storage, 'archives/lazy.zip', entries());
    expect(opened).toEqual(['a.txt', 'b.txt']);
    const listed = await listZipEntries(await readObject(storage, 'archives/lazy.zip'));
    expect(listed.map((entry) => entry.content.toString())).toEqual(['content of a.txt', 'content of b.txt']);
  });

  it('rejects when an entry stream fails, leaving no object and no open stream', async () => {
    const before = await storedFiles();
    const failing = new PassThrough();
    const entries: ArchiveEntry[] = [
      { name: 'index.html', content: '<p>ok</p>' },
      {
        name: 'images/broken.png',
        content: async () => {
          failing.write(randomBytes(1000));
          setTimeout(() => failing.destroy(new Error('disk on fire')), 10);
          return failing;
        },
      },
      { name: 'never.txt', content: 'never' },
    ];
    await expect(writeSiteArchive(storage, 'archives/failed.zip', entries)).rejects.toThrow('disk on fire');
    expect(await storage.stat('archives/failed.zip')).toBeNull();
    expect(await storedFiles()).toEqual(before);
    expect(failing.destroyed).toBe(true);
  });

  it('rejects when opening an entry fails', async () => {
    const entries: ArchiveEntry[] = [
      { name: 'a.txt', content: 'a' },
      { name: 'b.txt', content: () => Promise.reject(new Error('cannot open')) },
    ];
    await expect(writeSiteArchive(storage, 'archives/unopened.zip', entries)).rejects.toThrow('cannot open');
    expect(await storage.stat('archives/unopened.zip')).toBeNull();
  });

  it('rejects when the storage fails, and stops reading the entries', async () => {
    const failingStorage: ObjectStorage = Object.create(storage, {
      write: {
        value: async (_key: string, body: Readable) => {
          body.destroy();
          throw new Error('bucket gone');
        },
      },
    });
    const source = new PassThrough();
    const entries: ArchiveEntry[] = [{ name: 'big.bin', content: async () => source }];
    const writing = writeSiteArchive(failingStorage, 'archives/nowhere.zip', entries);
    await expect(writing).rejects.toThrow('bucket gone');
    expect(source.destroyed).toBe(true);
  });

  it.each([
    ['', 'is empty'],
    ['/etc/passwd', 'is absolute'],
    ['C:/windows.txt', 'is absolute'],
    ['../escape.html', '".." segment'],
    ['images/../../escape.png', '".." segment'],
    ['images\\a.png', 'backslash'],
    ['images//a.png', 'empty'],
    ['images/', 'empty'],
    ['./index.html', 'segment'],
    ['a\u0000b', 'control character'],
  ])('rejects the unsafe entry name %j', async (name, problem) => {
    const entries: ArchiveEntry[] = [
      { name: 'index.html', content: 'ok' },
      { name, content: 'bad' },
    ];
    await expect(writeSiteArchive(storage, 'archives/unsafe.zip', entries)).rejects.toThrow(problem);
    expect(await storage.stat('archives/unsafe.zip')).toBeNull();
  });

  it('rejects a repeated entry name', async () => {
    const entries: ArchiveEntry[] = [
      { name: 'index.html', content: 'one' },
      { name: 'index.html', content: 'two' },
    ];
    await expect(writeSiteArchive(storage, 'archives/twice.zip', entries)).rejects.toThrow('repeats');
  });

  it('streams a large entry through: the storage receives the archive while the entry is still produced', async () => {
    const chunk = 1 << 20;
    const total = 20 * chunk;
    let produced = 0;
    let received = 0;
    let largestLag = 0;
    let receivedBeforeEnd = 0;
    const hash = createHash('sha256');
    async function* generate(): AsyncGenerator<Buffer> {
      while (produced < total) {
        const bytes = randomBytes(chunk); // incompressible: the archive is as large as the entry
        hash.update(bytes);
        produced += bytes.length;
        largestLag = Math.max(largestLag, produced - received);
        yield bytes;
      }
      receivedBeforeEnd = received;
    }
    const tapped: ObjectStorage = Object.create(storage, {
      write: {
        value: (key: string, body: Readable, contentType: string) => {
          const tap = new Transform({
            transform(data: Buffer, _encoding, callback) {
              received += data.length;
              callback(null, data);
            },
          });
          body.on('error', (error) => tap.destroy(error));
          return storage.write(key, body.pipe(tap), contentType);
        },
      },
    });

    const result = await writeSiteArchive(tapped, 'archives/large.zip', [
      { name: 'index.html', content: 'small' },
      { name: 'video/big.bin', content: async () => Readable.from(generate()) },
    ]);

    expect(result.bytes).toBeGreaterThan(total);
    // The storage had most of the archive before the entry's last byte was produced…
    expect(receivedBeforeEnd).toBeGreaterThan(total / 2);
    // …and at no time was more than a few megabytes of it waiting in memory.
    expect(largestLag).toBeLessThan(8 * chunk);
    const stored = await readObject(storage, 'archives/large.zip');
    expect(stored.length).toBe(result.bytes);
    const listed = await listZipEntries(stored);
    expect(listed[1]?.content.length).toBe(total);
    expect(createHash('sha256').update(listed[1]!.content).digest('hex')).toBe(hash.digest('hex'));
  });
});
