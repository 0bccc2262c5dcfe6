import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { ObjectNotFoundError } from './contract';
import { assertKey } from './validate';

/** Resumable uploads staged in a local folder (tus FileStore: the bytes, and `<id>.json` beside them). */
export class FileStaging {
  readonly store: FileStore;

  constructor(readonly directory: string) {
    this.store = new FileStore({ directory });
  }

  async read(id: string): Promise<Readable> {
    assertKey(id, 'upload id');
    const found = await stat(join(this.directory, id)).catch(() => null);
    if (!found?.isFile()) throw new ObjectNotFoundError(id);
    return this.store.read(id);
  }

  // FileStore#remove fails, leaving the sidecar, when the bytes are already gone: this does not.
  async remove(id: string): Promise<void> {
    assertKey(id, 'upload id');
    const path = join(this.directory, id);
    await rm(path, { force: true });
    await rm(`${path}.json`, { force: true });
  }
}
