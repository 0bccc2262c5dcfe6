import { forbidden, type Viewer } from '@lattice/server-kit';
import { canReadPrivate, requireViewer } from '@lattice/subgraph-kit';

/**
 * The inbox is private to its owner: anyone else, staff included, gets FORBIDDEN (and an
 * anonymous caller UNAUTHENTICATED).
 */
export function requireOwner(viewer: Viewer | null, userId: string, what: string): Viewer {
  const caller = requireViewer(viewer);
  if (caller.id !== userId) throw forbidden(`Only the account's owner can read its ${what}`);
  return caller;
}

/** The owner and staff read a user's settings; anyone else gets FORBIDDEN. */
export function requireOwnerOrStaff(viewer: Viewer | null, userId: string, what: string): Viewer {
  const caller = requireViewer(viewer);
  if (!canReadPrivate(caller, userId))
    throw forbidden(`Only the account's owner and staff can read its ${what}`);
  return caller;
}

/** An inbox entry resolves for its owner alone: for anyone else it is null, as if it did not exist. */
export const ownedBy = <T extends { userId: string }>(viewer: Viewer | null, row: T | null): T | null =>
  row && viewer && viewer.id === row.userId ? row : null;
