import { forbidden, type Viewer } from '@lattice/server-kit';
import { canReadPrivate } from '@lattice/subgraph-kit';

/** The owner and staff read a user's billing; anyone else gets FORBIDDEN. */
export function requireOwnerOrStaff(viewer: Viewer | null, userId: string, what: string): void {
  if (!canReadPrivate(viewer, userId))
    throw forbidden(`Only the account's owner and staff can read its ${what}`);
}

/** An entity of another user's resolves to null, as if it did not exist. */
export const visibleTo = <T extends { userId: string }>(viewer: Viewer | null, row: T | null): T | null =>
  row && canReadPrivate(viewer, row.userId) ? row : null;
