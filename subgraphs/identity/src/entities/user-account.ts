import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';
import type { Role } from '@lattice/server-kit';

export type AccountStatus = 'active' | 'suspended' | 'banned' | 'deleted';

/** Credentials and standing of one account. */
export class UserAccount {
  [OptionalProps]?: 'id' | 'role' | 'status' | 'emailVerified' | 'createdAt' | 'lastLoginAt';
  id: string = randomUUID();
  email!: string;
  passwordHash!: string;
  role: Role = 'user';
  status: AccountStatus = 'active';
  emailVerified = false;
  createdAt: Date = new Date();
  lastLoginAt: Date | null = null;
}

export const UserAccountSchema = new EntitySchema<UserAccount>({
  class: UserAccount,
  tableName: 'user_account',
  properties: {
    id: { type: 'uuid', primary: true },
    email: { type: 'string', length: 254, unique: true },
    passwordHash: { type: 'string', length: 255 },
    role: { type: 'string', length: 16 },
    status: { type: 'string', length: 16 },
    emailVerified: { type: 'boolean' },
    createdAt: { type: 'datetime' },
    lastLoginAt: { type: 'datetime', nullable: true },
  },
});
