import { randomUUID } from 'node:crypto';
import { EntitySchema, OptionalProps } from '@mikro-orm/postgresql';

export type InvitationStatus = 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'REVOKED';

/** An invitation to a session, mailed by a booker; its token is stored as a SHA-256 hash. */
export class Invitation {
  [OptionalProps]?: 'id' | 'status' | 'inviteeId' | 'createdAt' | 'answeredAt';
  id: string = randomUUID();
  bookingId!: string;
  sessionId!: string;
  inviterId!: string;
  email!: string;
  tokenHash!: string;
  status: InvitationStatus = 'PENDING';
  inviteeId: string | null = null;
  createdAt: Date = new Date();
  answeredAt: Date | null = null;
}

export const InvitationSchema = new EntitySchema<Invitation>({
  class: Invitation,
  tableName: 'invitation',
  indexes: [{ properties: ['bookingId'] }],
  uniques: [{ properties: ['tokenHash'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    bookingId: { type: 'uuid' },
    sessionId: { type: 'uuid' },
    inviterId: { type: 'uuid' },
    email: { type: 'string', length: 254 },
    tokenHash: { type: 'string', length: 64 },
    status: { type: 'string', length: 20 },
    inviteeId: { type: 'uuid', nullable: true },
    createdAt: { type: 'datetime' },
    answeredAt: { type: 'datetime', nullable: true },
  },
});
