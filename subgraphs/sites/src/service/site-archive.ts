import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { Transform, type Readable } from 'node:stream';
import type { ObjectStorage } from '@lattice/object-storage';
import archiver from 'archiver';

export interface ArchiveEntry {
  /** Its path in the archive: relative, `/`-separated, no `.` or `..` segments. */
  name: string;
  /** Its bytes, or what opens them (called when the entry's turn comes, one at a time). */
  content: string | Buffer | (() => Promise<NodeJS.ReadableStream | Readable>);
}

/**
 * Streams a ZIP of `entries` (in order) into `storage` at `key` (content type application/zip),
 * never holding the archive whole in memory; returns its size in bytes and sha256 hex.
 * Entries are opened one at a time, as the archive reaches them. When an entry's name is unsafe,
 * an entry's stream fails or the storage does, it rejects and leaves no object (the storage's
 * writes are atomic) and no open stream.
 */
export async function writeSiteArchive(
  storage: ObjectStorage,
  key: string,
  entries: AsyncIterable<ArchiveEntry> | Iterable<ArchiveEntry>,
): Promise<{ bytes: number; sha256: string }> {
  const archive = archiver('zip', { zlib: { level: 6 } });
  const hash = createHash('sha256');
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });

  // The first failure, from whichever side: every wait below races it, so none hangs.
  let fail!: (error: Error) => void;
  const failed = new Promise<never>((_, reject) => {
    fail = reject;
  });
  failed.catch(() => {}); // observed through the races below
  let source: NodeJS.ReadableStream | Readable | undefined;
  archive.on('error', (error) => fail(error));
  archive.on('warning', (error: Error) => fail(error));
  counted.on('error', () => {}); // reaches the caller through the storage's write
  archive.pipe(counted);
  const written = storage.write(key, counted, 'application/zip');
  written.catch((error: unknown) => fail(asError(error)));

  try {
    const names = new Set<string>();
    for await (const entry of entries) {
      assertEntryName(entry.name, names);
      const { content } = entry;
      if (typeof content === 'function') {
        source = await Promise.race([content(), failed]);
        source.on('error', (error: Error) => fail(error));
      }
      const data =
        typeof content === 'string' ? Buffer.from(content) : typeof content === 'function' ? source : content;
      const appended = once(archive, 'entry');
      archive.append(data as Buffer | Readable, { name: entry.name });
      await Promise.race([appended, failed]);
      source = undefined;
    }
    void archive.finalize().catch((error: unknown) => fail(asError(error)));
    const { size } = await Promise.race([written, failed]);
    if (size !== bytes) throw new Error(`The storage wrote ${size} bytes of a ${bytes}-byte archive`);
    return { bytes, sha256: hash.digest('hex') };
  } catch (error) {
    // The storage drops the object when its body fails; then nothing is left open.
    counted.destroy(asError(error));
    archive.unpipe(counted);
    archive.abort();
    if (source && 'destroy' in source && typeof source.destroy === 'function') source.destroy();
    await written.catch(() => {});
    throw error;
  }
}

/** Rejects a name that could land outside the folder the archive is extracted to, or collide. */
function assertEntryName(name: string, seen: Set<string>): void {
  const problem =
    typeof name !== 'string' || name === ''
      ? 'is empty'
      : name.includes('\\')
        ? 'has a backslash'
        : name.startsWith('/') || /^[A-Za-z]:/.test(name)
          ? 'is absolute'
          : // eslint-disable-next-line no-control-regex
            /[\x00-\x1f\x7f]/.test(name)
            ? 'has a control character'
            : name.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')
              ? 'has an empty, "." or ".." segment'
              : seen.has(name)
                ? 'repeats an earlier entry'
                : null;
  if (problem) throw new Error(`Archive entry name ${JSON.stringify(name)} ${problem}`);
  seen.add(name);
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
