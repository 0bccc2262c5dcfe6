import type { ActivityFacts } from '@lattice/events';
import type { Activity } from '../entities';

/** What interaction events say about the activity (never its text). */
export const activityFacts = (activity: Activity): ActivityFacts => ({
  activityId: activity.id,
  ownerId: activity.actorId,
  kind: activity.kind,
  visibility: activity.visibility,
});

/** The `use` media records an activity's pictures under. */
export const activityUse = (activityId: string) => `activity:${activityId}`;
