import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

/** A prime period, so that patterns never line up with chunks, parts or ranges. */
const PERIOD = 65_537;
const CHUNK = 64 * 1024;
const PATTERN = randomBytes(PERIOD);
const TWICE = Buffer.concat([PATTERN, PATTERN]);

/** The byte at `position` in every generated stream. */
export function byteAt(position: number): number {
  return PATTERN[position % PERIOD]!;
}

/**
 * `size` bytes from position `from`, in 64 KiB views of one small pattern: nothing is allocated,
 * so memory measures see only what the storage holds. With `failAfter`, the stream errors once
 * that many bytes have gone out.
 */
export function generated(
  size: number,
  { from = 0, failAfter }: { from?: number; failAfter?: number } = {},
): Readable {
  let position = from;
  const end = from + size;
  return new Readable({
    read() {
      if (failAfter !== undefined && position - from >= failAfter) {
        this.destroy(new Error('the client went away'));
        return;
      }
      if (position >= end) {
        this.push(null);
        return;
      }
      const offset = position % PERIOD;
      const chunk = TWICE.subarray(offset, offset + Math.min(CHUNK, end - position));
      position += chunk.length;
      this.push(chunk);
    },
  });
}

export async function sha256(stream: AsyncIterable<Buffer>): Promise<{ hash: string; size: number }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of stream) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { hash: hash.digest('hex'), size };
}

export async function bytesOf(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export function expectedBytes(start: number, end: number): Buffer {
  return Buffer.from(Array.from({ length: end - start + 1 }, (_, index) => byteAt(start + index)));
}
