/**
 * Makes sure an admin account exists: `ADMIN_EMAIL=… ADMIN_PASSWORD=… DATABASE_URL=…
 * npm run admin:ensure -w subgraphs/identity` (created, or promoted if the email exists).
 */
import { z } from 'zod';
import { ConfigError, parseEnv } from '@lattice/server-kit';
import { createOrm, migrate } from '@lattice/subgraph-kit';
import { ensureAdmin } from '../service/first-admin';
import { identity } from '../subgraph';

const env = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }),
  ADMIN_EMAIL: z.string().min(1, 'is required'),
  ADMIN_PASSWORD: z.string().min(1, 'is required'),
});

async function main(): Promise<void> {
  const config = parseEnv(env);
  const { orm } = await createOrm({
    schema: identity.name,
    clientUrl: config.DATABASE_URL,
    entities: identity.entities,
    migrationsPath: identity.migrationsPath,
  });
  try {
    await migrate(orm, identity.name);
    const outcome = await ensureAdmin(orm.em.fork(), config.ADMIN_EMAIL, config.ADMIN_PASSWORD);
    console.log(`admin ${config.ADMIN_EMAIL}: ${outcome}`);
  } finally {
    await orm.close();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? error.message : error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
