import { posix } from 'node:path';

/** Schemes whose URLs run code or embed arbitrary content: never kept, whatever the attribute. */
const UNSAFE_SCHEMES = new Set([
  'javascript',
  'vbscript',
  'livescript',
  'mocha',
  'data',
  'blob',
  'filesystem',
]);
const ORIGIN = 'https://site.invalid';

export type UrlClass =
  /** A scheme that runs code or embeds content: `javascript:`, `data:`… */
  | { kind: 'unsafe'; scheme: string }
  /** Loads from or goes to the network: `http(s):`, `//host`, or anything a browser resolves off-site. */
  | { kind: 'external' }
  /** Another scheme: `mailto:`, `tel:`, `ftp:`… */
  | { kind: 'scheme'; scheme: string }
  /** `#section` on the same page. */
  | { kind: 'fragment' }
  /**
   * A file of the site: `path` resolved from the referring file and decoded (`''` for the root,
   * null when it cannot be resolved), `hash` its fragment; `rooted` when written from the root
   * (`/about.html`), which breaks once the site is opened from a folder or a preview prefix.
   */
  | { kind: 'local'; path: string | null; hash: string; rooted: boolean };

/**
 * What a URL attribute's value (already entity-decoded) points to, the way a browser reads it:
 * tabs and newlines anywhere and surrounding controls and spaces are ignored (`java\tscript:` is
 * `javascript:`), backslashes count as slashes.
 */
export function classifyUrl(raw: string, from: string): UrlClass {
  // eslint-disable-next-line no-control-regex
  const url = raw.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme) {
    if (UNSAFE_SCHEMES.has(scheme)) return { kind: 'unsafe', scheme };
    return scheme === 'http' || scheme === 'https' ? { kind: 'external' } : { kind: 'scheme', scheme };
  }
  if (url.startsWith('#')) return { kind: 'fragment' };
  const rooted = url.startsWith('/') || url.startsWith('\\');
  let resolved: URL;
  try {
    resolved = new URL(url, `${ORIGIN}/${from}`);
  } catch {
    return { kind: 'local', path: null, hash: '', rooted };
  }
  if (resolved.origin !== ORIGIN) return { kind: 'external' };
  let path: string | null;
  try {
    path = decodeURIComponent(resolved.pathname.slice(1));
  } catch {
    path = null;
  }
  return { kind: 'local', path, hash: resolved.hash, rooted };
}

/**
 * The site file a local path means: itself, or with the usual slips mended: `''` or `blog/` for
 * its `index.html`, `about` or `about.htm` for `about.html`, another letter case. Null when none.
 */
export function findFile(path: string, files: ReadonlySet<string>, pages: boolean): string | null {
  const candidates = [path];
  if (pages) {
    if (path === '' || path.endsWith('/')) candidates.push(`${path}index.html`);
    else if (posix.extname(path) === '') candidates.push(`${path}.html`, `${path}/index.html`);
    else if (posix.extname(path).toLowerCase() === '.htm') candidates.push(`${path}l`);
  }
  for (const candidate of candidates) if (files.has(candidate)) return candidate;
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    for (const file of files) if (file.toLowerCase() === lower) return file;
  }
  return null;
}

/** The relative URL from one site file to another (both site paths, as in SiteFileSet). */
export function relativeHref(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to) || posix.basename(to);
  return relative.split('/').map(encodeURIComponent).join('/');
}
