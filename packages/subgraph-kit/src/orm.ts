import { Migrator } from '@mikro-orm/migrations';
import { type EntitySchema, MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { OutboxEventSchema, ProcessedEventSchema } from '@lattice/events';
import { SqlCounter } from './sql-scope';

export interface OrmOptions {
  /** The subgraph's name: also its PostgreSQL schema. */
  schema: string;
  clientUrl: string;
  entities: EntitySchema[];
  migrationsPath: string;
  /** Schemas owned by other subgraphs: generated migrations must never touch them. */
  otherSchemas?: string[];
  /** Receives MikroORM's own messages (migrations applied, discovery). */
  logger?: (message: string) => void;
}

/** MikroORM on the subgraph's own schema, with the outbox and processed-event tables. */
export async function createOrm(options: OrmOptions): Promise<{ orm: MikroORM; sql: SqlCounter }> {
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: options.clientUrl,
    schema: options.schema,
    entities: [...options.entities, OutboxEventSchema, ProcessedEventSchema],
    extensions: [Migrator],
    migrations: {
      path: options.migrationsPath,
      glob: '!(*.d).{js,ts}',
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
    },
    schemaGenerator: { ignoreSchema: ['public', ...(options.otherSchemas ?? [])] },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    discovery: { warnWhenNoEntities: false },
    logger: options.logger ?? (() => undefined),
  });
  const sql = new SqlCounter();
  orm.em
    .getConnection()
    .getKnex()
    .on('query', () => sql.observe());
  return { orm, sql };
}

/**
 * Creates the subgraph's schema if needed and applies pending migrations, one process at a
 * time: replicas starting together (a rolling deploy, `kubectl scale`) wait on a PostgreSQL
 * advisory lock per schema, held by a transaction open for the duration, so the first applies
 * the release and the others find it applied. A process that dies mid-way releases the lock
 * with its connection, and each migration is transactional, so the next one starts clean.
 */
export async function migrate(orm: MikroORM, schema: string): Promise<void> {
  await orm.em
    .getConnection()
    .getKnex()
    .transaction(async (lock) => {
      await lock.raw('select pg_advisory_xact_lock(hashtext(?))', [`lattice-migrate:${schema}`]);
      await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
      await orm.getMigrator().up();
    });
}
