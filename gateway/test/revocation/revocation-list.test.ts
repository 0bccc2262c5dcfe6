import type { Role, Viewer } from '@lattice/server-kit';
import { RevocationList } from '../../src/revocation/revocation-list';

const KEEP = 60_000;
const NOW = 1_700_000_000_000;
const viewer = (sessionId: string, role: Role = 'admin', expiresAt = NOW + 30_000): Viewer => ({
  id: 'u1',
  role,
  sessionId,
  token: 't',
  expiresAt,
});

describe('revocation list', () => {
  it("refuses an ended session's tokens until they have all expired, and only that session's", () => {
    const list = new RevocationList(KEEP);
    list.add({ kind: 'session', userId: 'u1', sessionId: 's1', until: NOW + KEEP }, NOW);
    expect(list.refusal(viewer('s1'), NOW)).toBe('Access token revoked: the session has ended');
    expect(list.refusal(viewer('s2'), NOW)).toBeUndefined();
    expect(list.refusal(viewer('s1'), NOW + KEEP)).toBeUndefined();
  });

  it('refuses tokens carrying another role than the latest, whatever order changes arrive in', () => {
    const list = new RevocationList(KEEP);
    const until = NOW + KEEP;
    expect(list.add({ kind: 'role', userId: 'u1', role: 'moderator', at: NOW - 10, until }, NOW)).toBe(true);
    expect(list.add({ kind: 'role', userId: 'u1', role: 'user', at: NOW - 20, until }, NOW)).toBe(false);
    expect(list.refusal(viewer('s1', 'admin'), NOW)).toBe("Access token revoked: the account's role changed");
    expect(list.refusal(viewer('s1', 'user'), NOW)).toBeDefined();
    expect(list.refusal(viewer('s1', 'moderator'), NOW)).toBeUndefined();
  });

  it('refuses every token of an account not active; a reinstated account works again', () => {
    const list = new RevocationList(KEEP);
    const until = NOW + KEEP;
    list.add({ kind: 'status', userId: 'u1', status: 'banned', at: NOW - 10, until }, NOW);
    expect(list.refusal(viewer('new-session'), NOW)).toBe('Access token revoked: the account is banned');
    list.add({ kind: 'status', userId: 'u1', status: 'active', at: NOW - 5, until }, NOW);
    expect(list.refusal(viewer('new-session'), NOW)).toBeUndefined();
  });

  it('refuses a token that would outlive what the list remembers', () => {
    const list = new RevocationList(KEEP);
    expect(list.refusal(viewer('s1', 'user', NOW + KEEP + 1), NOW)).toBe(
      'Access token outlives revocation tracking',
    );
  });

  it('ignores what is already over and forgets what is over once pruned', () => {
    const list = new RevocationList(KEEP);
    expect(list.add({ kind: 'session', userId: 'u1', sessionId: 's1', until: NOW }, NOW)).toBe(false);
    list.add({ kind: 'session', userId: 'u1', sessionId: 's2', until: NOW + 10 }, NOW);
    list.prune(NOW + 10);
    // Known again as new: it had been forgotten.
    expect(list.add({ kind: 'session', userId: 'u1', sessionId: 's2', until: NOW + 20 }, NOW)).toBe(true);
  });
});
