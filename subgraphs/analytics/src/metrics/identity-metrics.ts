import { defineDomainMetrics } from './registry';

export const SIGNUPS = 'identity.signups';
export const DELETIONS = 'identity.deletions';

/** Accounts: sign-ups, deletions, sign-ins and account security. */
export const identityMetrics = defineDomainMetrics({
  domain: 'identity',
  metrics: {
    [SIGNUPS]: 'Accounts created',
    [DELETIONS]: 'Accounts deleted',
    'identity.logins': 'Successful sign-ins',
    'identity.email_verifications': 'Email addresses verified',
    'identity.password_changes': 'Passwords changed or reset',
    'identity.security_alerts': 'Security alerts (refresh-token reuse)',
    'identity.sessions_revoked': 'Sessions ended early (sign-out, revocation, password change, ban)',
  },
  events: {
    'identity.user_registered': { keep: ['role'], counts: [{ metric: SIGNUPS }] },
    'identity.user_logged_in': { keep: ['method'], counts: [{ metric: 'identity.logins' }] },
    'identity.email_verified': { counts: [{ metric: 'identity.email_verifications' }] },
    'identity.password_changed': { keep: ['via'], counts: [{ metric: 'identity.password_changes' }] },
    'identity.user_role_changed': { keep: ['role', 'previousRole'] },
    'identity.user_status_changed': { keep: ['status', 'previousStatus'] },
    'identity.user_deleted': { counts: [{ metric: DELETIONS }] },
    'identity.security_alert': { keep: ['kind'], counts: [{ metric: 'identity.security_alerts' }] },
    'identity.session_revoked': { counts: [{ metric: 'identity.sessions_revoked' }] },
  },
});
