import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import contentDisposition from 'content-disposition';
import parseRange from 'range-parser';
import type { ObjectStorage } from '@lattice/object-storage';

export interface ServedObject {
  key: string;
  contentType: string;
  size: number;
  filename: string;
  /** Changes whenever the bytes do. */
  etag: string;
}

/** Types a browser shows in place; anything else downloads. */
const INLINE =
  /^(image\/(jpeg|png|gif|webp|avif)|application\/pdf|video\/mp4|audio\/(mpeg|x-m4a|mp4|wav|flac|ogg|webm)|text\/plain)$/;

/**
 * Answers a GET or HEAD with one stored object: a single byte range (206) when asked and
 * satisfiable, 416 when not, 304 when the client's copy is current. User files are served
 * as inert documents: never sniffed as another type, and sandboxed with no script or
 * resource allowed, so a file cannot act on the gateway's origin.
 */
export async function sendObject(
  req: IncomingMessage,
  res: ServerResponse,
  storage: ObjectStorage,
  object: ServedObject,
  cacheControl: string,
): Promise<void> {
  const etag = `"${object.etag}"`;
  res.setHeader('accept-ranges', 'bytes');
  res.setHeader('etag', etag);
  res.setHeader('cache-control', cacheControl);
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('content-security-policy', "default-src 'none'; img-src 'self'; media-src 'self'; sandbox");
  res.setHeader('cross-origin-resource-policy', 'cross-origin');
  res.setHeader(
    'content-disposition',
    contentDisposition(object.filename, { type: INLINE.test(object.contentType) ? 'inline' : 'attachment' }),
  );
  if (req.headers['if-none-match'] === etag) {
    res.statusCode = 304;
    return void res.end();
  }

  let range: { start: number; end: number } | undefined;
  const header = req.headers.range;
  const ifRange = req.headers['if-range'];
  if (header && (ifRange === undefined || ifRange === etag)) {
    const ranges = parseRange(object.size, header, { combine: true });
    if (ranges === -1) {
      res.writeHead(416, { 'content-range': `bytes */${object.size}` });
      return void res.end();
    }
    // Malformed, or several ranges: the whole file, as RFC 9110 allows.
    if (ranges !== -2 && ranges.type === 'bytes' && ranges.length === 1) range = ranges[0];
  }

  const length = range ? range.end - range.start + 1 : object.size;
  res.setHeader('content-type', object.contentType);
  res.setHeader('content-length', length);
  if (range) res.setHeader('content-range', `bytes ${range.start}-${range.end}/${object.size}`);
  res.statusCode = range ? 206 : 200;
  if (req.method === 'HEAD' || length === 0) return void res.end();
  const read = await storage.read(object.key, range);
  try {
    await pipeline(read.body, res);
  } catch (error) {
    // The client going away mid-download is ordinary; anything else is the storage's failure.
    if (!res.destroyed) throw error;
  }
}
