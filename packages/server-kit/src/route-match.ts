import type { RouteHandler, Routes } from './http';

interface PrefixRoute {
  key: string;
  prefix: string;
  /** Undefined: any method. */
  method?: string;
}

/**
 * Finds a request's handler in a route table that may gain routes after the server starts.
 * Exact keys win (`GET /health`, then `/health`); then prefix keys (`/media/*`, `GET
 * /media/files/*`, serving every path that starts with the part before `*`), the longest
 * prefix first and, for one prefix, the method's key before the method-less one.
 *
 * A request an exact key serves costs two lookups, as before. The prefix keys are worked out
 * again only when the table's keys have changed since the last request that needed them.
 */
export function routeMatcher(
  routes: Routes,
): (method: string | undefined, path: string) => RouteHandler | undefined {
  let seenKeys: string[] = [];
  let prefixes: PrefixRoute[] = [];
  const prefixRoutes = (): PrefixRoute[] => {
    const keys = Object.keys(routes);
    if (!sameKeys(keys, seenKeys)) {
      seenKeys = keys;
      prefixes = prefixRoutesOf(keys);
    }
    return prefixes;
  };
  return (method, path) => {
    const exact = routes[`${method} ${path}`] ?? routes[path];
    if (exact) return exact;
    for (const route of prefixRoutes()) {
      if ((route.method === undefined || route.method === method) && path.startsWith(route.prefix)) {
        return routes[route.key];
      }
    }
    return undefined;
  };
}

function prefixRoutesOf(keys: string[]): PrefixRoute[] {
  const found: PrefixRoute[] = [];
  for (const key of keys) {
    if (!key.endsWith('/*')) continue;
    const space = key.indexOf(' ');
    const method = space < 0 ? undefined : key.slice(0, space);
    found.push({ key, method, prefix: key.slice(space + 1, -1) });
  }
  return found.sort(
    (a, b) =>
      b.prefix.length - a.prefix.length || Number(a.method === undefined) - Number(b.method === undefined),
  );
}

function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
