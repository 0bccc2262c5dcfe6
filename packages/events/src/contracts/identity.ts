import type { EventSpecs } from './define';

/** Events identity publishes. */
export interface IdentityEvents {
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
  /**
   * A session ended, however (sign-out, revocation, password change or reset, suspension, ban,
   * deletion, refresh-token reuse): gateways refuse its access tokens from then on.
   */
  'identity.session_revoked': {
    version: 1;
    data: { userId: string; sessionId: string };
  };
}

export const identityEvents: EventSpecs<IdentityEvents> = {
  'identity.user_registered': { version: 1 },
  'identity.user_logged_in': { version: 1 },
  'identity.email_verification_requested': { version: 1, sensitive: true },
  'identity.email_verified': { version: 1 },
  'identity.password_reset_requested': { version: 1, sensitive: true },
  'identity.password_changed': { version: 1 },
  'identity.user_role_changed': { version: 1 },
  'identity.user_status_changed': { version: 1 },
  'identity.user_deleted': { version: 1 },
  'identity.security_alert': { version: 1 },
  'identity.session_revoked': { version: 1 },
};
