import type { IncomingMessage, ServerResponse } from 'node:http';
import { type Logger, type RouteHandler, sendJson } from '@lattice/server-kit';
import { type BrowserAssets, defaultAssetsDir, loadBrowserAssets } from './assets';
import { setPageHeaders } from './headers';
import { renderPage } from './page';

export interface BrowserPages {
  /** The GraphQL IDE on GET /graphql for browsers (GATEWAY_IDE). */
  ide: boolean;
  /** The admin console at /admin (GATEWAY_CONSOLE). */
  console: boolean;
  /** The console's build (default: @lattice/console's dist/). */
  assetsDir?: string;
}

/** Where the pages' scripts and styles are served from. */
export const ASSETS_PATH = '/ui/assets/';
export const CONSOLE_PATH = '/admin';

/** A browser navigating to the URL (Accept: text/html), not a GraphQL client. */
export function wantsHtml(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && (req.headers.accept ?? '').includes('text/html');
}

function htmlRoute(html: string): RouteHandler {
  const body = Buffer.from(html);
  return (req, res) => {
    setPageHeaders(res);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

function unbuilt(res: ServerResponse): void {
  sendJson(res, 503, { error: 'The IDE and console are not built: npm run build -w @lattice/console' });
}

/**
 * The gateway's browser pages, as configured: `ide` answers browsers on GET /graphql (the
 * caller routes them there), `routes` has the console, the assets and `/` (to the IDE).
 */
export function browserRoutes(
  options: BrowserPages,
  log: Logger,
): { routes: Record<string, RouteHandler>; ide?: RouteHandler } {
  if (!options.ide && !options.console) return { routes: {} };
  const dir = options.assetsDir ?? defaultAssetsDir();
  let assets: BrowserAssets | undefined;
  try {
    assets = loadBrowserAssets(dir);
  } catch (error) {
    log.error({ err: error, dir }, 'the IDE and console build is broken; their pages answer 503');
  }
  if (!assets) log.warn({ dir }, 'the IDE and console are not built; their pages answer 503');
  const page = (title: string, which: 'ide' | 'console'): RouteHandler =>
    assets ? htmlRoute(renderPage(title, assets.pages[which], ASSETS_PATH)) : (_req, res) => unbuilt(res);
  const serveAsset: RouteHandler = (req, res, url) => {
    if (!assets?.serve(url.pathname.slice(ASSETS_PATH.length), req, res)) {
      sendJson(res, 404, { error: 'Not found' });
    }
  };
  const consolePage = options.console ? page('Lattice admin console', 'console') : undefined;
  const ide = options.ide ? page('Lattice GraphQL IDE', 'ide') : undefined;
  const routes: Record<string, RouteHandler> = {
    [`GET ${ASSETS_PATH}*`]: serveAsset,
    [`HEAD ${ASSETS_PATH}*`]: serveAsset,
  };
  // Browsers ask for it on every page: an empty answer rather than an error on their console.
  routes['GET /favicon.ico'] = (_req, res) => {
    res.writeHead(204, { 'cache-control': 'public, max-age=86400' });
    res.end();
  };
  if (consolePage) {
    routes[`GET ${CONSOLE_PATH}`] = consolePage;
    routes[`GET ${CONSOLE_PATH}/`] = consolePage;
  }
  if (ide) {
    routes['GET /'] = (_req, res) => {
      setPageHeaders(res);
      res.writeHead(302, { location: '/graphql', 'content-length': 0 });
      res.end();
    };
  }
  log.info({ ide: options.ide, console: options.console ? CONSOLE_PATH : false }, 'browser pages');
  return { routes, ide };
}
