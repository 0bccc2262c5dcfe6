import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

/** A member of the support team. */
export class Agent {
  [OptionalProps]?: 'available' | 'lastAssignedAt' | 'addedAt';
  userId!: string;
  available: boolean = true;
  /** Round robin assigns them at most this many OPEN or PENDING tickets. */
  capacity!: number;
  /** Round robin's turn: the longest unassigned available agent goes next. */
  lastAssignedAt: Date | null = null;
  addedBy!: string;
  addedAt: Date = new Date();
}

export const AgentSchema = new EntitySchema<Agent>({
  class: Agent,
  tableName: 'agent',
  checks: [{ name: 'agent_capacity_check', expression: 'capacity >= 1 and capacity <= 100' }],
  properties: {
    userId: { type: 'uuid', primary: true },
    available: { type: 'boolean' },
    capacity: { type: 'smallint' },
    lastAssignedAt: { type: 'datetime', nullable: true },
    addedBy: { type: 'uuid' },
    addedAt: { type: 'datetime' },
  },
});
