import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { Routes } from '@lattice/server-kit';
import { Site, SiteFile, SiteVersion } from '../entities';
import type { SitesRuntime } from '../runtime';

export const PREVIEW_PREFIX = '/sites/preview/';

/** The names sites gives files (see jobs/plan.ts): anything else is none of a version's. */
const FILE_NAME = /^(?:[a-z0-9-]{1,60}\.html|styles\.css|images\/[a-z0-9-]{1,60}\.png)$/;

const TYPES = { PAGE: 'text/html; charset=utf-8', STYLESHEET: 'text/css; charset=utf-8', IMAGE: 'image/png' };

/**
 * What keeps a generated page from acting as the user: `sandbox` gives it an opaque origin (no
 * cookies, storage or same-origin requests of the gateway's host), and it may load only its
 * own stylesheet and images; scripts run only when the site allows its inline ones, still
 * sandboxed. No form goes anywhere, no page frames it but the gateway's.
 */
export function previewPolicy(allowScripts: boolean): string {
  return [
    `sandbox allow-popups allow-popups-to-escape-sandbox${allowScripts ? ' allow-scripts' : ''}`,
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    `script-src ${allowScripts ? "'unsafe-inline'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
    'x-content-type-options': 'nosniff',
  });
  res.end(message);
}

/**
 * A ready version's files, under a signed link (see PreviewSigner), on the gateway's host
 * (which passes `/sites/` through): `/sites/preview/<grant>/` is its index.html.
 */
async function servePreview(req: IncomingMessage, res: ServerResponse, url: URL, runtime: SitesRuntime) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const rest = url.pathname.slice(PREVIEW_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash < 0) {
    // `/sites/preview/<grant>` → its directory, so relative links resolve inside the grant.
    res.writeHead(308, { location: `${PREVIEW_PREFIX}${rest}/` }).end();
    return;
  }
  const versionId = runtime.previews.versionOf(rest.slice(0, slash));
  if (!versionId) return refuse(res, 403, 'This preview link is invalid or has expired');
  let path: string;
  try {
    path = decodeURIComponent(rest.slice(slash + 1)) || 'index.html';
  } catch {
    return refuse(res, 404, 'No such file');
  }
  if (!FILE_NAME.test(path)) return refuse(res, 404, 'No such file');
  const em = runtime.orm.em.fork();
  const version = await em.findOne(SiteVersion, { id: versionId, status: 'READY' }, { fields: ['siteId'] });
  // Paths are matched exactly against the version's files: nothing else can be named.
  const file = version && (await em.findOne(SiteFile, { versionId, path }));
  if (!version || !file) return refuse(res, 404, 'No such file');
  const site = await em.findOne(Site, { id: version.siteId }, { fields: ['options'] });
  const headers = {
    'content-type': TYPES[file.kind],
    'content-length': String(file.bytes),
    'cache-control': 'private, max-age=300',
    'content-security-policy': previewPolicy(site?.options.allowScripts ?? false),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'SAMEORIGIN',
  };
  if (file.kind !== 'IMAGE') {
    const body = Buffer.from(file.content ?? '');
    res.writeHead(200, { ...headers, 'content-length': String(body.length) });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  const object = await runtime.storage.read(file.storageKey!);
  res.writeHead(200, { ...headers, 'content-length': String(object.size) });
  if (req.method === 'HEAD') {
    object.body.destroy();
    res.end();
    return;
  }
  await pipeline(object.body, res);
}

export function previewRoutes(runtime: SitesRuntime): Routes {
  return {
    [`${PREVIEW_PREFIX}*`]: (req, res, url) =>
      servePreview(req, res, url, runtime).catch((error: unknown) => {
        runtime.log.error({ err: error }, 'a preview could not be served');
        if (!res.headersSent) refuse(res, 500, 'The preview could not be served');
        else res.destroy();
      }),
  };
}
