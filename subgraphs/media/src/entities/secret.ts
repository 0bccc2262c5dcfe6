import { EntitySchema } from '@mikro-orm/postgresql';

/** A secret made on first start and kept (signs file URLs, which must outlive restarts and hold across replicas). */
export class Secret {
  name!: string;
  value!: string;
}

export const SecretSchema = new EntitySchema<Secret>({
  class: Secret,
  tableName: 'secret',
  properties: {
    name: { type: 'string', length: 64, primary: true },
    value: { type: 'string', length: 128 },
  },
});
