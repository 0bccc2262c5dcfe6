import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Locker, MemoryLocker, Server as TusServer, Upload as TusUpload } from '@tus/server';
import { sendJson, streamingRoute } from '@lattice/server-kit';
import { Upload } from '../entities';
import type { MediaRuntime } from '../runtime';
import { ingestUpload, UploadRejected } from '../service/ingest';
import { isUuid } from '../service/uploads';

export const UPLOADS_PATH = '/media/uploads';
/** As the gateway's pass-through: a minute without a byte ends an upload request (it can resume). */
const IDLE_TIMEOUT_MS = 60_000;

/** A refusal in tus's terms: thrown from its hooks, answered as is. */
const refusal = (status_code: number, error: string, code: string) => ({
  status_code,
  body: JSON.stringify({ error, code }),
});

/**
 * `/media/uploads/<id>?expires&signature`: where an upload's bytes go, whole with PUT or
 * resumably with tus (HEAD for the offset, PATCH from it, DELETE to abandon). The upload was
 * created by `createUpload`, so tus's own creation (POST) is not offered. The last byte in,
 * the upload is checked and stored (service/ingest.ts) and the answer carries the media.
 */
export function uploadRoute(runtime: MediaRuntime) {
  const locker = new MemoryLocker();
  const tus = new TusServer({
    path: UPLOADS_PATH,
    locker,
    datastore: runtime.storage.staging,
    maxSize: runtime.settings.MEDIA_MAX_FILE_BYTES,
    // The gateway answers CORS for its host; tus adds no origin of its own.
    allowedOrigins: [],
    getFileIdFromRequest: (req) => uploadIdOf(new URL(req.url)),
    async onIncomingRequest(req, id) {
      const url = new URL(req.url);
      if (!runtime.signer.verify({ kind: 'upload', uploadId: id }, url.searchParams, runtime.now()))
        throw refusal(403, 'This upload URL is invalid or has expired', 'FORBIDDEN');
      const upload = await runtime.orm.em.fork().findOne(Upload, { id });
      if (!upload || upload.expiresAt.getTime() <= runtime.now().getTime())
        throw refusal(410, 'This upload no longer exists; prepare a new one', 'GONE');
      if (upload.mediaId) throw refusal(409, 'This upload is complete', 'CONFLICT');
    },
    async onUploadFinish(_req, upload) {
      try {
        const media = await ingestUpload(runtime, upload.id!);
        return {
          status_code: 200,
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify({
            media: { id: media.id, type: media.type, size: media.size, checksum: media.checksum },
          }),
        };
      } catch (error) {
        if (error instanceof UploadRejected) throw refusal(error.status, error.message, error.code);
        runtime.log.error({ err: error, uploadId: upload.id }, 'an upload could not be stored');
        throw refusal(
          500,
          'The upload could not be stored; send its last bytes again to retry',
          'INTERNAL_SERVER_ERROR',
        );
      }
    },
  });
  // An abandoned tus upload (DELETE) takes its row with it.
  tus.on('POST_TERMINATE', (_req, _res, id: string) => {
    void runtime.orm.em.fork().nativeDelete(Upload, { id, mediaId: null });
  });

  return streamingRoute(async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    // No overall deadline (a gigabyte takes its time), but a stalled sender is let go.
    req.setTimeout(IDLE_TIMEOUT_MS, () => req.destroy());
    const id = uploadIdOf(url);
    if (!id) return sendJson(res, 404, { error: 'Not found', code: 'NOT_FOUND' });
    // Staged bytes are the client's to send, not to read back.
    if (req.method === 'GET')
      return sendJson(res, 405, { error: 'Download a file from its media URL', code: 'METHOD_NOT_ALLOWED' });
    if (req.method === 'POST')
      return sendJson(res, 405, {
        error: 'Uploads are created with the createUpload mutation',
        code: 'METHOD_NOT_ALLOWED',
      });
    if (req.method === 'PUT') {
      const refused = await preparePut(req, runtime, locker, id, url);
      if (refused) return sendJson(res, refused.status, { error: refused.error, code: refused.code });
    }
    await tus.handle(req, res);
  });
}

/**
 * A plain PUT of the whole file becomes a tus PATCH from offset 0 (a PUT again after a
 * broken one starts over), so both ways share tus's locking, size checks and completion.
 * The declared length must be exact: a body is never read past it.
 */
async function preparePut(req: IncomingMessage, runtime: MediaRuntime, locker: Locker, id: string, url: URL) {
  if (!runtime.signer.verify({ kind: 'upload', uploadId: id }, url.searchParams, runtime.now()))
    return { status: 403, error: 'This upload URL is invalid or has expired', code: 'FORBIDDEN' };
  const upload = await runtime.orm.em.fork().findOne(Upload, { id, mediaId: null });
  if (!upload) return { status: 410, error: 'This upload no longer exists; prepare a new one', code: 'GONE' };
  const declared = req.headers['content-length'];
  if (declared === undefined)
    return { status: 411, error: `Send Content-Length: ${upload.size}`, code: 'LENGTH_REQUIRED' };
  if (Number(declared) !== upload.size)
    return {
      status: Number(declared) > upload.size ? 413 : 400,
      error: `This upload is ${upload.size} bytes; the request declares ${declared}`,
      code: Number(declared) > upload.size ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST',
    };
  // Under tus's lock for the upload: a transfer still running is told to stop first, and bytes
  // complete (being judged and stored right now) are never replaced.
  const lock = locker.newLock(id);
  await lock.lock(AbortSignal.timeout(10_000), () => {});
  try {
    const staged = await runtime.storage.staging.getUpload(id).catch(() => undefined);
    if (staged && staged.offset === upload.size)
      return { status: 409, error: 'This upload has all its bytes and is being stored', code: 'CONFLICT' };
    if (!staged || staged.offset !== 0) {
      await runtime.storage.removeStaged(id);
      await runtime.storage.staging.create(new TusUpload({ id, size: upload.size, offset: 0 }));
    }
  } finally {
    await lock.unlock();
  }
  req.method = 'PATCH';
  setHeader(req, 'tus-resumable', '1.0.0');
  setHeader(req, 'upload-offset', '0');
  setHeader(req, 'content-type', 'application/offset+octet-stream');
  return undefined;
}

/** Sets a request header where tus reads it (srvx builds its Headers from `rawHeaders`). */
function setHeader(req: IncomingMessage, name: string, value: string) {
  const raw = req.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) if (raw[i]!.toLowerCase() === name) raw.splice(i, 2);
  raw.push(name, value);
  req.headers[name] = value;
}

function uploadIdOf(url: URL): string | undefined {
  const id = url.pathname.slice(UPLOADS_PATH.length + 1);
  return isUuid(id) ? id : undefined;
}
