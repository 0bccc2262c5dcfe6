import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';
import { createOrm, migrate } from '../src/orm';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database?.drop());

const start = () =>
  createOrm({
    schema: 'kit_migrate',
    clientUrl: database.url,
    entities: [],
    migrationsPath: join(__dirname, 'support', 'slow-migrations'),
  });

describe('migrate', () => {
  it('applies a release once when replicas start together (the second waits, then finds it done)', async () => {
    const replicas = await Promise.all([start(), start(), start()]);
    try {
      await Promise.all(replicas.map(({ orm }) => migrate(orm, 'kit_migrate')));
      const applied = await replicas[0]!.orm.em
        .getConnection()
        .execute('select name from kit_migrate.mikro_orm_migrations');
      expect(applied).toHaveLength(1);
    } finally {
      await Promise.all(replicas.map(({ orm }) => orm.close()));
    }
  });
});
