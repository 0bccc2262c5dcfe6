import { ErrorCode, type Viewer } from '@lattice/server-kit';
import { Revocations } from '../../src/revocation';

const viewer = (id: string, sessionId: string): Viewer => ({
  id,
  role: 'user',
  sessionId,
  token: `token-${sessionId}`,
  expiresAt: Date.now() + 60_000,
});
const sessionEnded = (userId: string, sessionId: string) =>
  ({ kind: 'session', userId, sessionId, until: Date.now() + 60_000 }) as const;

describe('revocations', () => {
  it('refuses revoked tokens after verification with UNAUTHENTICATED (HTTP 401)', async () => {
    const revocations = new Revocations(120_000);
    const verify = revocations.guard(async (token) => viewer('u1', token));
    await expect(verify('s1')).resolves.toMatchObject({ id: 'u1' });
    revocations.add(sessionEnded('u1', 's1'));
    await expect(verify('s1')).rejects.toMatchObject({
      message: 'Access token revoked: the session has ended',
      extensions: { code: ErrorCode.Unauthenticated, http: { status: 401 } },
    });
  });

  it('closes the connections of the revoked token only, once, and none that stopped watching', () => {
    const revocations = new Revocations(120_000);
    const closed: string[] = [];
    revocations.watch(viewer('u1', 's1'), (reason) => closed.push(`s1: ${reason}`));
    revocations.watch(viewer('u1', 's2'), () => closed.push('s2'));
    const unwatch = revocations.watch(viewer('u1', 's3'), () => closed.push('s3'));
    unwatch();
    revocations.add(sessionEnded('u1', 's1'));
    revocations.add(sessionEnded('u1', 's1'));
    revocations.add(sessionEnded('u1', 's3'));
    expect(closed).toEqual(['s1: Access token revoked: the session has ended']);
  });
});
