import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Routes } from '@lattice/server-kit';
import type { MediaRuntime } from '../runtime';
import { servePublicFile, serveSharedFile, serveSignedFile } from './files';
import { uploadRoute } from './uploads';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, runtime: MediaRuntime) => Promise<void>;

/**
 * The file routes, under `/media/` on media's port; the gateway passes them through from its
 * own host. Each authorizes itself: a signed URL, a share token, or an avatar's publicity.
 */
export function mediaRoutes(runtime: MediaRuntime): Routes {
  const readOnly = (serve: Handler) => (req: IncomingMessage, res: ServerResponse, url: URL) =>
    req.method === 'GET' || req.method === 'HEAD'
      ? serve(req, res, url, runtime)
      : res.writeHead(405, { allow: 'GET, HEAD' }).end();
  return {
    '/media/uploads/*': uploadRoute(runtime),
    '/media/files/*': readOnly(serveSignedFile),
    '/media/public/*': readOnly(servePublicFile),
    '/media/shared/*': readOnly(serveSharedFile),
  };
}
