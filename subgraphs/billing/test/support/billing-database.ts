import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createOrm, migrate } from '@lattice/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';
import { entities } from '../../src/entities';

/** A database of this test file's own, with billing's migrations applied, dropped after it. */
export function useBillingDatabase() {
  let database: TestDatabase | undefined;
  let orm: MikroORM | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    ({ orm } = await createOrm({
      schema: 'billing',
      clientUrl: database.url,
      entities,
      migrationsPath: join(__dirname, '..', '..', 'migrations'),
    }));
    await migrate(orm, 'billing');
  });
  afterAll(async () => {
    await orm?.close(true);
    await database?.drop();
  });
  return {
    get orm(): MikroORM {
      if (!orm) throw new Error('the billing database is ready in tests, not at import');
      return orm;
    },
  };
}
