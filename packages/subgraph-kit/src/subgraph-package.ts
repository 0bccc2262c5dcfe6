import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DocumentNode } from 'graphql';

/**
 * The schema and migrations folder of the subgraph whose `src/` (or `dist/src/`) folder is
 * `srcDir`: `schema.graphql` and `migrations/` sit beside it (the build copies them).
 */
export function subgraphFiles(srcDir: string): { typeDefs: DocumentNode; migrationsPath: string } {
  return {
    typeDefs: parse(readFileSync(join(srcDir, '..', 'schema.graphql'), 'utf8')),
    migrationsPath: join(srcDir, '..', 'migrations'),
  };
}
