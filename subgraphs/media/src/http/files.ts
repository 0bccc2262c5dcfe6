import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '@lattice/server-kit';
import type { Media } from '../entities';
import type { MediaRuntime } from '../runtime';
import { countShareDownload, openShareLink } from '../service/share-links';
import { findPublicMedia, findServableMedia } from '../service/serving';
import { isUuid } from '../service/uploads';
import { sendObject, type ServedObject } from './send-object';

export type Variant = 'file' | 'thumbnail' | 'original';
const VARIANTS: readonly string[] = ['file', 'thumbnail', 'original'];

/** The stored object behind one variant of a media, or undefined when it has none. */
export function variantOf(media: Media, variant: Variant): ServedObject | undefined {
  const base = { filename: media.filename, etag: `${media.id}-${variant}` };
  switch (variant) {
    case 'file':
      return { ...base, key: media.storageKey, contentType: media.contentType, size: media.size };
    case 'thumbnail':
      return media.thumbnailKey
        ? {
            ...base,
            key: media.thumbnailKey,
            contentType: media.contentType,
            size: media.thumbnailSize!,
            filename: `thumbnail-${media.filename}`,
          }
        : undefined;
    case 'original':
      return media.originalKey
        ? {
            ...base,
            key: media.originalKey,
            contentType: media.originalContentType!,
            size: media.originalSize!,
            filename: media.filename.replace(/\.[^.]*$/, '') + extensionOf(media.originalKey),
          }
        : undefined;
  }
}

const extensionOf = (key: string) => key.slice(key.lastIndexOf('.'));

/** `/media/files/<id>/<variant>?expires&signature`: the signed URLs of `Media.url` and its kin. */
export async function serveSignedFile(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  runtime: MediaRuntime,
) {
  const [id, variant, ...rest] = url.pathname.slice('/media/files/'.length).split('/');
  if (!id || !isUuid(id) || !variant || !VARIANTS.includes(variant) || rest.length) return notFound(res);
  if (!runtime.signer.verify({ kind: 'file', mediaId: id, variant }, url.searchParams, runtime.now()))
    return sendJson(res, 403, {
      error: 'This URL is invalid or has expired; ask for a fresh one',
      code: 'FORBIDDEN',
    });
  const media = await findServableMedia(runtime, id);
  const object = media && variantOf(media, variant as Variant);
  if (!object) return notFound(res);
  const ttl = Number(url.searchParams.get('expires')) - Math.floor(runtime.now().getTime() / 1000);
  await sendObject(req, res, runtime.storage, object, `private, max-age=${Math.max(ttl, 0)}`);
}

/** `/media/public/<id>/<variant>`: avatars, which anyone may see. */
export async function servePublicFile(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  runtime: MediaRuntime,
) {
  const [id, variant, ...rest] = url.pathname.slice('/media/public/'.length).split('/');
  if (!id || !isUuid(id) || (variant !== 'file' && variant !== 'thumbnail') || rest.length)
    return notFound(res);
  const media = await findPublicMedia(runtime, id);
  const object = media && variantOf(media, variant);
  if (!object) return notFound(res);
  await sendObject(req, res, runtime.storage, object, 'public, max-age=3600');
}

/** `/media/shared/<token>`: a share link; 410 Gone once expired or revoked. */
export async function serveSharedFile(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  runtime: MediaRuntime,
) {
  // Tokens are URL-safe as made (service/signing.ts): nothing to decode, nor to fail decoding.
  const token = url.pathname.slice('/media/shared/'.length);
  const em = runtime.orm.em.fork();
  const shared = await openShareLink(em, runtime, token);
  if (shared.state === 'unknown') return notFound(res);
  if (shared.state === 'gone') return sendJson(res, 410, { error: shared.reason, code: 'GONE' });
  const object = variantOf(shared.media, 'file')!;
  const range = req.headers.range;
  if (req.method === 'GET' && (!range || /^bytes=0-/.test(range)))
    await countShareDownload(em, shared.link.id);
  const remaining = Math.floor((shared.link.expiresAt.getTime() - runtime.now().getTime()) / 1000);
  await sendObject(
    req,
    res,
    runtime.storage,
    object,
    `private, max-age=${Math.max(Math.min(remaining, 300), 0)}`,
  );
}

function notFound(res: ServerResponse) {
  sendJson(res, 404, { error: 'Not found', code: 'NOT_FOUND' });
}
