import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/** What a subgraph's own package folder says about it. */
export interface SubgraphPackage {
  typeDefs: DocumentNode;
  migrationsPath: string;
  /** The port it listens on by default (`lattice.port` of its package.json). */
  port: number;
}

/**
 * The schema, migrations and port of the subgraph whose `src/` (or `dist/src/`) folder is
 * `srcDir`. Migrations sit beside `src/` (compiled beside `dist/src/`); `schema.graphql` and
 * `package.json` are read from the package folder itself.
 */
export function subgraphPackage(srcDir: string): SubgraphPackage {
  const root = packageRoot(srcDir);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    name: string;
    lattice?: { port?: unknown };
  };
  const port = manifest.lattice?.port;
  if (typeof port !== 'number') throw new Error(`${manifest.name}: package.json has no lattice.port`);
  return {
    typeDefs: parse(readFileSync(join(root, 'schema.graphql'), 'utf8')),
    migrationsPath: join(srcDir, '..', 'migrations'),
    port,
  };
}

function packageRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'schema.graphql'))) return dir;
  }
  throw new Error(`no subgraph package (package.json beside schema.graphql) above ${from}`);
}
