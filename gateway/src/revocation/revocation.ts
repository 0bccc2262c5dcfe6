import type { EventData, EventEnvelope, EventType } from '@lattice/events';
import { z } from 'zod';

/**
 * What revokes access tokens, as gateways share it (on the bus and in the stored snapshot):
 * kept until `until`, when every token it concerns has expired anyway.
 */
const revocationSchema = z.discriminatedUnion('kind', [
  /** Every token of this session. */
  z.object({ kind: z.literal('session'), userId: z.string(), sessionId: z.string(), until: z.number() }),
  /** The account's role since `at`: the user's tokens that carry another role. */
  z.object({
    kind: z.literal('role'),
    userId: z.string(),
    role: z.string(),
    at: z.number(),
    until: z.number(),
  }),
  /** The account's status since `at`: anything but `active` refuses every token of the user. */
  z.object({
    kind: z.literal('status'),
    userId: z.string(),
    status: z.string(),
    at: z.number(),
    until: z.number(),
  }),
]);

export type Revocation = z.infer<typeof revocationSchema>;

/** A revocation read from the bus or the store; undefined when it is not one. */
export function parseRevocation(value: unknown): Revocation | undefined {
  const parsed = revocationSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The identity events that revoke access tokens. */
export const REVOKING_EVENTS: EventType[] = [
  'identity.session_revoked',
  'identity.user_role_changed',
  'identity.user_status_changed',
  'identity.user_deleted',
];

/** What `event` revokes, kept `keepMs` after it happened (the longest an access token lives). */
export function revocationOf(event: EventEnvelope, keepMs: number): Revocation | undefined {
  const at = Date.parse(event.occurredAt);
  const until = at + keepMs;
  switch (event.type) {
    case 'identity.session_revoked': {
      const { userId, sessionId } = event.data as EventData<'identity.session_revoked'>;
      return { kind: 'session', userId, sessionId, until };
    }
    case 'identity.user_role_changed': {
      const { userId, role } = event.data as EventData<'identity.user_role_changed'>;
      return { kind: 'role', userId, role, at, until };
    }
    case 'identity.user_status_changed': {
      const { userId, status } = event.data as EventData<'identity.user_status_changed'>;
      return { kind: 'status', userId, status, at, until };
    }
    case 'identity.user_deleted': {
      const { userId } = event.data as EventData<'identity.user_deleted'>;
      return { kind: 'status', userId, status: 'deleted', at, until };
    }
    default:
      return undefined;
  }
}
