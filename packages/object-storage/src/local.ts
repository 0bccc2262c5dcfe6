import { randomBytes } from 'node:crypto';
import { mkdir, open, opendir, rename, rm, rmdir, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ObjectNotFoundError, type ObjectInfo, type ObjectRead, type ObjectStorage } from './contract';
import type { FileStaging } from './staging';
import { assertContentType, assertKey, assertPrefix, MAX_CONTENT_TYPE_LENGTH } from './validate';

/**
 * Each object is one file whose first 256 bytes are its content type, padded with spaces and
 * ended by a newline; its bytes follow. One file rather than a sidecar: a single rename replaces
 * both at once, and a reader holding the file open sees one consistent version even while it is
 * overwritten or removed.
 */
const HEADER_BYTES = MAX_CONTENT_TYPE_LENGTH + 1;
/** In temporary files' names only: no key contains it, so listings skip writes in progress. */
const TEMP_MARK = '~';
const SEGMENT = /^[A-Za-z0-9._-]+$/;

export class LocalObjectStorage implements ObjectStorage {
  readonly backend = 'local';

  constructor(
    /** Where objects live, a file per key. */
    private readonly directory: string,
    private readonly stagingFolder: FileStaging,
  ) {}

  get staging() {
    return this.stagingFolder.store;
  }

  async write(key: string, body: Readable, contentType: string): Promise<{ size: number }> {
    let temp: string | undefined;
    try {
      assertKey(key);
      assertContentType(contentType);
      const target = this.pathOf(key);
      temp = `${target}${TEMP_MARK}${randomBytes(6).toString('hex')}`;
      const out = (await createFile(temp)).createWriteStream();
      out.write(header(contentType));
      await pipeline(body, out);
      await rename(temp, target);
      return { size: out.bytesWritten - HEADER_BYTES };
    } catch (error) {
      body.destroy();
      if (temp) await rm(temp, { force: true });
      throw error;
    }
  }

  async read(key: string, range?: { start: number; end: number }): Promise<ObjectRead> {
    assertKey(key);
    const file = await this.open(key);
    if (!file) throw new ObjectNotFoundError(key);
    try {
      const contentType = await readContentType(file.handle, key);
      const body = file.handle.createReadStream({
        start: HEADER_BYTES + (range?.start ?? 0),
        end: range ? HEADER_BYTES + range.end : undefined,
      });
      return {
        size: file.size,
        contentType,
        body,
        ...(range && { range: { start: range.start, end: range.end } }),
      };
    } catch (error) {
      await file.handle.close();
      throw error;
    }
  }

  async stat(key: string): Promise<ObjectInfo | null> {
    assertKey(key);
    const file = await this.open(key);
    if (!file) return null;
    try {
      return { size: file.size, contentType: await readContentType(file.handle, key) };
    } finally {
      await file.handle.close();
    }
  }

  async remove(key: string): Promise<void> {
    assertKey(key);
    const path = this.pathOf(key);
    try {
      await unlink(path);
    } catch (error) {
      if (isMissing(error) || code(error) === 'EISDIR') return; // a folder of other keys: no object here
      throw error;
    }
    await this.pruneEmptyFolders(dirname(path));
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number; lastModified: Date }> {
    assertPrefix(prefix);
    yield* this.walk(prefix.slice(0, prefix.lastIndexOf('/') + 1), prefix);
  }

  readStaged(id: string): Promise<Readable> {
    return this.stagingFolder.read(id);
  }

  removeStaged(id: string): Promise<void> {
    return this.stagingFolder.remove(id);
  }

  async close(): Promise<void> {}

  private pathOf(key: string): string {
    return join(this.directory, key);
  }

  /** The object's open file and its size, or null when there is none. */
  private async open(key: string): Promise<{ handle: FileHandle; size: number } | null> {
    let handle: FileHandle;
    try {
      handle = await open(this.pathOf(key), 'r');
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    const stats = await handle.stat().catch(async (error: unknown) => {
      await handle.close();
      throw error;
    });
    if (stats.isFile()) return { handle, size: Math.max(0, stats.size - HEADER_BYTES) };
    await handle.close();
    return null;
  }

  private async *walk(
    folderKey: string,
    prefix: string,
  ): AsyncGenerator<{ key: string; size: number; lastModified: Date }> {
    let folder;
    try {
      folder = await opendir(join(this.directory, folderKey));
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for await (const entry of folder) {
      if (!SEGMENT.test(entry.name) || entry.name === '.' || entry.name === '..') continue;
      const key = folderKey + entry.name;
      if (entry.isDirectory()) {
        if (`${key}/`.startsWith(prefix)) yield* this.walk(`${key}/`, prefix);
      } else if (entry.isFile() && key.startsWith(prefix)) {
        const stats = await stat(this.pathOf(key)).catch((error: unknown) => {
          if (isMissing(error)) return null;
          throw error;
        });
        if (stats)
          yield { key, size: Math.max(0, stats.size - HEADER_BYTES), lastModified: new Date(stats.mtimeMs) };
      }
    }
  }

  /** Removes the folders a removal left empty, up to the storage folder. */
  private async pruneEmptyFolders(folder: string): Promise<void> {
    while (folder.startsWith(`${this.directory}/`)) {
      try {
        await rmdir(folder);
      } catch {
        return; // not empty (or already gone): done
      }
      folder = dirname(folder);
    }
  }
}

function header(contentType: string): Buffer {
  return Buffer.from(`${contentType.padEnd(HEADER_BYTES - 1, ' ')}\n`, 'latin1');
}

async function readContentType(handle: FileHandle, key: string): Promise<string> {
  const buffer = Buffer.alloc(HEADER_BYTES);
  const { bytesRead } = await handle.read(buffer, 0, HEADER_BYTES, 0);
  if (bytesRead < HEADER_BYTES || buffer[HEADER_BYTES - 1] !== 0x0a) {
    throw new Error(
      `The file of object "${key}" has no content-type header: it was not written by this storage`,
    );
  }
  return buffer.toString('latin1', 0, HEADER_BYTES - 1).trimEnd();
}

/** Creates a file, and its folders; again if a concurrent removal pruned a folder in between. */
async function createFile(path: string): Promise<FileHandle> {
  for (let attempt = 1; ; attempt += 1) {
    await mkdir(dirname(path), { recursive: true });
    try {
      return await open(path, 'wx');
    } catch (error) {
      if (code(error) !== 'ENOENT' || attempt === 3) throw error;
    }
  }
}

function code(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

function isMissing(error: unknown): boolean {
  return code(error) === 'ENOENT' || code(error) === 'ENOTDIR';
}
