import { forbidden, type Role, roleAtLeast, unauthenticated, type Viewer } from '@lattice/server-kit';

/** The signed-in caller, or UNAUTHENTICATED. */
export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** A caller with one of `roles`: UNAUTHENTICATED when anonymous, FORBIDDEN otherwise. */
export function requireRole(viewer: Viewer | null, ...roles: Role[]): Viewer {
  const caller = requireViewer(viewer);
  if (!roles.includes(caller.role)) throw forbidden(`Requires the ${roles.join(' or ')} role`);
  return caller;
}

/** Whether the caller may read the private data of `ownerId`: the owner and staff (moderators and up) may. */
export function canReadPrivate(viewer: Viewer | null, ownerId: string): boolean {
  return !!viewer && (viewer.id === ownerId || roleAtLeast(viewer.role, 'moderator'));
}
