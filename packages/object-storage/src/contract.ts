import type { Readable } from 'node:stream';
import type { DataStore } from '@tus/utils';

export type StorageBackend = 'local' | 's3';

export interface ObjectInfo {
  size: number;
  contentType: string;
}

export interface ObjectRead extends ObjectInfo {
  /** The bytes asked for. Consume or destroy it: until then it holds a file or a connection. */
  body: Readable;
  /** Inclusive byte range served, when a range was asked. */
  range?: { start: number; end: number };
}

export class ObjectNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No object at key "${key}"`);
    this.name = 'ObjectNotFoundError';
  }
}

/** Where files live: the same contract for a local folder and an S3-compatible bucket. */
export interface ObjectStorage {
  readonly backend: StorageBackend;
  /**
   * Streams `body` into `key`, never holding it whole in memory; atomic: a reader never sees a
   * partial object, and a failed/aborted write leaves nothing (the body is then destroyed).
   * Resolves with the bytes written. Overwrites.
   */
  write(key: string, body: Readable, contentType: string): Promise<{ size: number }>;
  /** Throws ObjectNotFoundError. `range` inclusive, already validated by the caller against stat's size. */
  read(key: string, range?: { start: number; end: number }): Promise<ObjectRead>;
  stat(key: string): Promise<ObjectInfo | null>;
  /** Idempotent. */
  remove(key: string): Promise<void>;
  /** Every object under a prefix (for sweeps of orphans), lazily, in pages. No order is promised. */
  list(prefix: string): AsyncIterable<{ key: string; size: number; lastModified: Date }>;
  /** The tus DataStore where resumable uploads are staged before they are checked and stored. */
  readonly staging: DataStore;
  /** Reads a staged upload's bytes from the start. Throws ObjectNotFoundError. */
  readStaged(id: string): Promise<Readable>;
  /** Removes a staged upload and its sidecar. Idempotent. */
  removeStaged(id: string): Promise<void>;
  close(): Promise<void>;
}
