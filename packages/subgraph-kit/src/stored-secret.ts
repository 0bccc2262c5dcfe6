import { randomBytes } from 'node:crypto';
import { EntitySchema, type EntityManager } from '@mikro-orm/postgresql';

/** A key made on first start and kept in the subgraph's own `secret` table. */
export class Secret {
  name!: string;
  value!: string;
}

/** Add it to a subgraph's entities to keep secrets (its migration then creates `secret`). */
export const SecretSchema = new EntitySchema<Secret>({
  class: Secret,
  tableName: 'secret',
  properties: {
    name: { type: 'string', length: 64, primary: true },
    value: { type: 'string', length: 128 },
  },
});

/**
 * The 32-byte key called `name`, made on first use and kept: what it signs (links in mail,
 * file URLs) outlives restarts and holds on every replica. Replicas starting together agree:
 * the first insert wins and everyone reads it.
 */
export async function storedSecret(em: EntityManager, name: string): Promise<Buffer> {
  await em
    .createQueryBuilder(Secret)
    .insert({ name, value: randomBytes(32).toString('hex') })
    .onConflict('name')
    .ignore()
    .execute();
  const secret = await em.findOneOrFail(Secret, { name });
  return Buffer.from(secret.value, 'hex');
}
