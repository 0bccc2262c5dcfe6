import { ErrorCode, type TokenVerifier, UserError, type Viewer } from '@lattice/server-kit';
import type { Revocation } from './revocation';
import { RevocationList } from './revocation-list';

interface Watched {
  viewer: Viewer;
  close: (reason: string) => void;
}

/**
 * Revoked access tokens, enforced: verified tokens are checked against the list, and a
 * long-lived connection (WebSocket, SSE stream) is closed as soon as its token is revoked.
 */
export class Revocations {
  private readonly list: RevocationList;
  private readonly watched = new Map<string, Set<Watched>>();

  /** `keepMs`: the longest an access token lives (clock skew included). */
  constructor(keepMs: number) {
    this.list = new RevocationList(keepMs);
  }

  /** `verify`, then UNAUTHENTICATED (HTTP 401) for a revoked token. */
  guard(verify: TokenVerifier): TokenVerifier {
    return async (token) => {
      const viewer = await verify(token);
      const refusal = this.list.refusal(viewer);
      if (refusal) throw new UserError(ErrorCode.Unauthenticated, refusal, { http: { status: 401 } });
      return viewer;
    };
  }

  /** Until the returned function is called, `close` runs (once) if the viewer's token is revoked. */
  watch(viewer: Viewer | null, close: (reason: string) => void): () => void {
    if (!viewer) return () => {};
    let connections = this.watched.get(viewer.id);
    if (!connections) this.watched.set(viewer.id, (connections = new Set()));
    const entry: Watched = { viewer, close };
    connections.add(entry);
    return () => this.unwatch(entry);
  }

  /** Records a revocation and closes the connections it concerns. */
  add(revocation: Revocation): void {
    if (!this.list.add(revocation)) return;
    for (const entry of [...(this.watched.get(revocation.userId) ?? [])]) {
      const refusal = this.list.refusal(entry.viewer);
      if (!refusal) continue;
      this.unwatch(entry);
      entry.close(refusal);
    }
  }

  prune(): void {
    this.list.prune();
  }

  private unwatch(entry: Watched): void {
    const connections = this.watched.get(entry.viewer.id);
    if (!connections?.delete(entry) || connections.size > 0) return;
    this.watched.delete(entry.viewer.id);
  }
}
