/**
 * Every domain event type, its current version and its payload. Producers and consumers
 * import these types, so a payload change is a compile error wherever it matters.
 *
 * Events marked `sensitive` carry a secret meant for one consumer (a one-time token that a
 * mail delivers); consumers that store events (analytics) must drop their `data`.
 */
export interface EventContracts {
  'identity.user_registered': {
    version: 1;
    data: { userId: string; email: string; role: string };
  };
  'identity.user_logged_in': {
    version: 1;
    data: { userId: string; sessionId: string; method: 'password' | 'oidc' };
  };
  'identity.email_verification_requested': {
    version: 1;
    sensitive: true;
    data: { userId: string; email: string; token: string; expiresAt: string };
  };
  'identity.email_verified': {
    version: 1;
    data: { userId: string; email: string };
  };
  'identity.password_reset_requested': {
    version: 1;
    sensitive: true;
    data: { userId: string; email: string; token: string; expiresAt: string };
  };
  'identity.password_changed': {
    version: 1;
    data: { userId: string; via: 'change' | 'reset' };
  };
  'identity.user_role_changed': {
    version: 1;
    data: { userId: string; role: string; previousRole: string };
  };
  'identity.user_status_changed': {
    version: 1;
    data: { userId: string; status: string; previousStatus: string };
  };
  'identity.user_deleted': {
    version: 1;
    data: { userId: string };
  };
  'identity.security_alert': {
    version: 1;
    data: { userId: string; kind: 'refresh_token_reuse'; sessionId: string };
  };
  'accounts.profile_updated': {
    version: 1;
    data: { userId: string; fields: string[] };
  };
}

export type EventType = keyof EventContracts;
export type EventData<T extends EventType> = EventContracts[T]['data'];
export const EVENT_VERSIONS: { [T in EventType]: EventContracts[T]['version'] } = {
  'identity.user_registered': 1,
  'identity.user_logged_in': 1,
  'identity.email_verification_requested': 1,
  'identity.email_verified': 1,
  'identity.password_reset_requested': 1,
  'identity.password_changed': 1,
  'identity.user_role_changed': 1,
  'identity.user_status_changed': 1,
  'identity.user_deleted': 1,
  'identity.security_alert': 1,
  'accounts.profile_updated': 1,
};

/** Types whose payload must not be stored by consumers other than their addressee. */
export const SENSITIVE_EVENTS: ReadonlySet<EventType> = new Set<EventType>([
  'identity.email_verification_requested',
  'identity.password_reset_requested',
]);
