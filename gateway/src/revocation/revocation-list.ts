import type { Viewer } from '@lattice/server-kit';
import type { Revocation } from './revocation';

/** An account's role or status since `at`, known until `until`. */
interface Since {
  value: string;
  at: number;
  until: number;
}

/**
 * What this gateway knows was revoked within one token lifetime: ended sessions, and the
 * latest role and status of accounts changed since. In memory: every request is checked
 * against it without leaving the process.
 *
 * Roles and statuses are compared, not issue times: `iat` has whole seconds only, and a
 * token refreshed just after a demotion must work while one minted just before must not.
 */
export class RevocationList {
  private readonly sessions = new Map<string, number>();
  private readonly roles = new Map<string, Since>();
  private readonly statuses = new Map<string, Since>();

  /** `keepMs`: how long revocations are kept, so no token may live longer. */
  constructor(private readonly keepMs: number) {}

  /** Records a revocation; false when it changes nothing (known, superseded or over). */
  add(revocation: Revocation, now = Date.now()): boolean {
    if (revocation.until <= now) return false;
    switch (revocation.kind) {
      case 'session': {
        if ((this.sessions.get(revocation.sessionId) ?? 0) >= revocation.until) return false;
        this.sessions.set(revocation.sessionId, revocation.until);
        return true;
      }
      case 'role':
        return latest(this.roles, revocation.userId, { ...revocation, value: revocation.role });
      case 'status':
        return latest(this.statuses, revocation.userId, { ...revocation, value: revocation.status });
    }
  }

  /** Why a verified token must be refused, or undefined when it may be used. */
  refusal(viewer: Viewer, now = Date.now()): string | undefined {
    // Its revocation could be forgotten before it expires (ACCESS_TOKEN_TTL_SECONDS too low here).
    if ((viewer.expiresAt ?? 0) > now + this.keepMs) return 'Access token outlives revocation tracking';
    const status = current(this.statuses, viewer.id, now);
    if (status !== undefined && status !== 'active') return `Access token revoked: the account is ${status}`;
    if ((this.sessions.get(viewer.sessionId) ?? 0) > now) {
      return 'Access token revoked: the session has ended';
    }
    const role = current(this.roles, viewer.id, now);
    if (role !== undefined && role !== viewer.role) return "Access token revoked: the account's role changed";
    return undefined;
  }

  /** Forgets what no living token can be concerned by any more. */
  prune(now = Date.now()): void {
    for (const [id, until] of this.sessions) if (until <= now) this.sessions.delete(id);
    for (const map of [this.roles, this.statuses]) {
      for (const [id, since] of map) if (since.until <= now) map.delete(id);
    }
  }
}

function latest(map: Map<string, Since>, userId: string, since: Since): boolean {
  const known = map.get(userId);
  if (known && known.at >= since.at) return false;
  map.set(userId, { value: since.value, at: since.at, until: since.until });
  return true;
}

function current(map: Map<string, Since>, userId: string, now: number): string | undefined {
  const since = map.get(userId);
  return since && since.until > now ? since.value : undefined;
}
