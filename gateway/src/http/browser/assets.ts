import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { IMMUTABLE } from './headers';

/** The files a page loads, by name in the assets folder (see apps/console/build.ts). */
export interface PageAssets {
  scripts: string[];
  styles: string[];
}

export interface BrowserAssets {
  pages: Record<'ide' | 'console', PageAssets>;
  /** Serves one file of the build by its exact name; anything else is not found. */
  serve(name: string, req: IncomingMessage, res: ServerResponse): boolean;
}

interface AssetFile {
  plain: { path: string; size: number };
  /** Its gzipped copy (`<name>.gz`, written by the build), sent to clients that accept gzip. */
  gzip?: { path: string; size: number };
  type: string;
}

/** `Accept-Encoding` names gzip, with a weight above 0 (`gzip;q=0` refuses it). */
function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (typeof header !== 'string') return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const weight = params.find((param) => param.startsWith('q='));
    return coding === 'gzip' && (weight === undefined || Number(weight.slice(2)) > 0);
  });
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Where `npm run build -w @lattice/console` writes the pages' files. */
export function defaultAssetsDir(): string {
  return join(dirname(require.resolve('@lattice/console/package.json')), 'dist');
}

/**
 * The console's build in `dir`: its manifest, and the files of its `assets/` folder, listed
 * once at start. A request names a file, which is served only when it is one of those names:
 * no path is ever built from a request, so `..`, encoded slashes or absolute paths find
 * nothing. Undefined when the build is missing.
 */
export function loadBrowserAssets(dir: string): BrowserAssets | undefined {
  const manifestPath = join(dir, 'manifest.json');
  if (!existsSync(manifestPath)) return undefined;
  const pages = JSON.parse(readFileSync(manifestPath, 'utf8')) as BrowserAssets['pages'];
  const files = new Map<string, AssetFile>();
  const names = new Set(readdirSync(join(dir, 'assets')));
  for (const name of names) {
    const type = TYPES[extname(name)];
    const path = join(dir, 'assets', name);
    if (!type || !statSync(path).isFile()) continue;
    const gzipped = names.has(`${name}.gz`) ? `${path}.gz` : undefined;
    files.set(name, {
      plain: { path, size: statSync(path).size },
      gzip: gzipped ? { path: gzipped, size: statSync(gzipped).size } : undefined,
      type,
    });
  }
  for (const page of Object.values(pages)) {
    for (const file of [...page.scripts, ...page.styles]) {
      if (!files.has(file)) throw new Error(`${manifestPath} names ${file}, which the build lacks`);
    }
  }
  return {
    pages,
    serve(name, req, res) {
      const file = files.get(name);
      if (!file) return false;
      const gzip = file.gzip && acceptsGzip(req) ? file.gzip : undefined;
      const body = gzip ?? file.plain;
      res.writeHead(200, {
        'content-type': file.type,
        'content-length': body.size,
        'cache-control': IMMUTABLE,
        ...(file.gzip ? { vary: 'origin, accept-encoding' } : {}),
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      if (req.method === 'HEAD') res.end();
      else
        createReadStream(body.path)
          .on('error', () => res.destroy())
          .pipe(res);
      return true;
    },
  };
}
