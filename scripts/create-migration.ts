/**
 * Generates the next migration of a subgraph from its entities:
 * `npm run migration:create -w subgraphs/<name>` (a scratch database on DATABASE_URL, else
 * an embedded PostgreSQL).
 */
import { join } from 'node:path';
import { readSubgraphManifest } from '@lattice/manifest';
import { createMigration } from './subgraphs/migration';

async function main(): Promise<void> {
  const [name, label] = process.argv.slice(2);
  const root = join(__dirname, '..');
  const entries = readSubgraphManifest(root);
  const entry = entries.find((candidate) => candidate.name === name);
  if (!entry)
    throw new Error(
      `usage: create-migration <subgraph> [label]; subgraphs: ${entries.map((e) => e.name).join(', ')}`,
    );
  const others = entries.map((other) => other.name).filter((other) => other !== name);
  const file = await createMigration(entry.dir, others, label);
  console.log(file ? `created migrations/${file}` : 'no changes: nothing to migrate');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
