import type { EntityManager } from '@mikro-orm/postgresql';
import { forbidden, roleAtLeast, type Viewer } from '@lattice/server-kit';
import { requireViewer } from '@lattice/subgraph-kit';
import { type GymRole, GymStaff } from '../entities';

/** Platform admins manage every gym. */
export const isAdmin = (viewer: Viewer | null): boolean => !!viewer && viewer.role === 'admin';

/** Moderators and admins read any user's bookings (support). */
export const isPlatformStaff = (viewer: Viewer | null): boolean =>
  !!viewer && roleAtLeast(viewer.role, 'moderator');

/** The caller's role at a gym, null when none. */
export async function gymRole(
  em: EntityManager,
  gymId: string,
  viewer: Viewer | null,
): Promise<GymRole | null> {
  if (!viewer) return null;
  const staff = await em.findOne(GymStaff, { gymId, userId: viewer.id });
  return staff?.role ?? null;
}

/**
 * The caller, when they work at the gym (MANAGER is needed when `managerOnly`) or are an
 * admin; FORBIDDEN otherwise, saying what is needed.
 */
export async function requireGymStaff(
  em: EntityManager,
  viewer: Viewer | null,
  gymId: string,
  { managerOnly = false } = {},
): Promise<Viewer> {
  const caller = requireViewer(viewer);
  if (isAdmin(caller)) return caller;
  const role = await gymRole(em, gymId, caller);
  if (role === 'MANAGER' || (role === 'STAFF' && !managerOnly)) return caller;
  throw forbidden(
    managerOnly
      ? "Only the gym's managers and admins may do this"
      : "Only the gym's staff and admins may do this",
  );
}

/** Whether the caller works at the gym or is an admin (reads of staff-only fields). */
export async function isGymStaff(em: EntityManager, viewer: Viewer | null, gymId: string): Promise<boolean> {
  if (!viewer) return false;
  return isAdmin(viewer) || (await gymRole(em, gymId, viewer)) !== null;
}
