/** The runner's own connection to the scratch database (setup, counts, statistics, explain). */
import { type Knex, MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';

let orm: MikroORM | undefined;

export async function connect(url: string): Promise<void> {
  orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities: [],
    allowGlobalContext: true,
    pool: { min: 0, max: 2 },
    discovery: { warnWhenNoEntities: false },
  });
}

export const knex = (): Knex => orm!.em.getConnection().getKnex();

export const sql = async <T = Record<string, unknown>>(text: string): Promise<T[]> =>
  (await knex().raw(text)).rows as T[];

/** Closes the pool, if it was opened; never throws. */
export async function disconnect(): Promise<void> {
  await orm?.close().catch(() => undefined);
}
