import type { EventType } from '@lattice/events';
import type { EventApplier } from '@lattice/subgraph-kit';
import { MESSAGES } from '../messages';
import type { NotificationsRuntime } from '../runtime';
import { planMessage } from './plan';
import { forget, rememberEmail, rememberProfile } from './recipients';

type Consumers = { [T in EventType]?: EventApplier<NotificationsRuntime, T> };

const projection: Consumers = {
  'identity.user_registered': (em, event) => rememberEmail(em, event.data),
  'accounts.profile_updated': (em, event) => rememberProfile(em, event.data),
  'identity.user_deleted': (em, event) => forget(em, event.data),
};

/**
 * What notifications consumes: the recipients' details, and every event a message is sent for
 * (each kind it triggers planned in turn, in the one transaction that consumes it).
 */
export const consumers: Consumers = { ...projection };
for (const message of MESSAGES) {
  const before = consumers[message.event] as EventApplier<NotificationsRuntime> | undefined;
  (consumers as Record<string, EventApplier<NotificationsRuntime>>)[message.event] = async (
    em,
    event,
    runtime,
  ) => {
    await before?.(em, event, runtime);
    await planMessage(em, runtime, message, event);
  };
}
