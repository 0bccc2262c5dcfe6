import { badUserInput, notFound } from '@lattice/server-kit';
import { isUuid } from '@lattice/subgraph-kit';

/** A user id argument, or BAD_USER_INPUT on `field`. */
export function userId(id: string, field = 'userId'): string {
  if (!isUuid(id)) throw badUserInput(`${field}: must be a user id`, field);
  return id.toLowerCase();
}

/** `userId`, refusing oneself (one does not befriend, follow or block oneself). */
export function otherUser(viewerId: string, id: string): string {
  const other = userId(id);
  if (other === viewerId) throw badUserInput('userId: must be someone else', 'userId');
  return other;
}

export const activityNotFound = () => notFound('No such activity');

/** An activity id, or NOT_FOUND (an id that cannot exist names nothing and never reaches SQL). */
export function activityId(id: string): string {
  if (!isUuid(id)) throw activityNotFound();
  return id.toLowerCase();
}
