import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '@lattice/embedded-db';
import { createOrm, migrate, type SubgraphDefinition } from '@lattice/subgraph-kit';

/**
 * Generates the next migration of the subgraph in `dir` from the difference between its
 * entities and the schema its existing migrations build, against a scratch database (on
 * DATABASE_URL, else an embedded PostgreSQL). `others`: the other subgraphs' schemas, which
 * a migration must never touch.
 */
export async function createMigration(
  dir: string,
  others: string[],
  label?: string,
): Promise<string | undefined> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { subgraph } = require(join(dir, 'src')) as { subgraph: SubgraphDefinition };
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
      migrationsPath: join(dir, 'migrations'),
      otherSchemas: others,
    });
    try {
      await migrate(orm, subgraph.name);
      const result = await orm.getMigrator().createMigration(undefined, false, false, label);
      return result.fileName || undefined;
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
