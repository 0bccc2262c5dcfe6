import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A piece (or a set of identical pieces) of equipment of a gym. */
export class Equipment {
  [OptionalProps]?: 'id' | 'quantity' | 'active';
  id: string = randomUUID();
  gymId!: string;
  name!: string;
  /** A lowercase slug (`squat-rack`): what search filters on. */
  type!: string;
  quantity: number = 1;
  active: boolean = true;
}

export const EquipmentSchema = new EntitySchema<Equipment>({
  class: Equipment,
  tableName: 'equipment',
  indexes: [{ properties: ['gymId'] }, { properties: ['type', 'gymId'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    gymId: { type: 'uuid' },
    name: { type: 'string', length: 100 },
    type: { type: 'string', length: 50 },
    quantity: { type: 'integer' },
    active: { type: 'boolean' },
  },
});
