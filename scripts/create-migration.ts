/**
 * Generates the next migration of a subgraph from the difference between its entities and
 * the schema its existing migrations build: `npm run migration:create -w subgraphs/<name>`.
 * Runs against a scratch database (on DATABASE_URL, else an embedded PostgreSQL).
 */
import { readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@lattice/embedded-db';
import { createOrm, migrate, type SubgraphDefinition } from '@lattice/subgraph-kit';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name) throw new Error('usage: create-migration <subgraph>');
  const root = join(__dirname, '..');
  const others = readdirSync(join(root, 'subgraphs')).filter((dir) => dir !== name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { subgraph } = require(`@lattice/subgraph-${name}`) as { subgraph: SubgraphDefinition };

  const embeddedDir = process.env.DATABASE_URL
    ? undefined
    : join(tmpdir(), `lattice-migration-${process.pid}`);
  const embedded = embeddedDir ? await startEmbeddedPostgres({ dataDir: embeddedDir }) : undefined;
  const adminUrl = process.env.DATABASE_URL ?? embedded!.url;
  const scratch = `lattice_migration_${process.pid}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${scratch}"`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${scratch}`;
    const { orm } = await createOrm({
      schema: subgraph.name,
      clientUrl: url.toString(),
      entities: subgraph.entities,
      migrationsPath: join(root, 'subgraphs', name, 'migrations'),
      otherSchemas: others,
    });
    try {
      await migrate(orm, subgraph.name);
      const result = await orm.getMigrator().createMigration(undefined, false, false, process.argv[3]);
      console.log(
        result.fileName ? `created migrations/${result.fileName}` : 'no changes: nothing to migrate',
      );
    } finally {
      await orm.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
