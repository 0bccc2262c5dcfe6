import type { FormattedExecutionResult } from 'graphql';
import {
  SharedSubscription,
  type SharedSubscriptionDeps,
  type SubscriptionRequest,
} from './shared-subscription';

/**
 * The gateway's live subscriptions, by what they ask: a client joins the shared
 * subscription with its key, or starts one; the upstream ends when its last client leaves.
 */
export class SubscriptionHub {
  private readonly shared = new Map<string, SharedSubscription>();

  constructor(private readonly deps: Omit<SharedSubscriptionDeps, 'onClosed'>) {}

  /** Throws a GraphQLError when the subscription cannot be planned. */
  subscribe(request: SubscriptionRequest): AsyncIterableIterator<FormattedExecutionResult> {
    let entry = this.shared.get(request.key);
    if (!entry) {
      const created: SharedSubscription = new SharedSubscription(request, {
        ...this.deps,
        onClosed: () => {
          if (this.shared.get(request.key) === created) this.shared.delete(request.key);
        },
      });
      this.shared.set(request.key, created);
      entry = created;
    }
    return entry.join(request.context);
  }

  /** Client subscriptions in progress. */
  get subscriberCount(): number {
    let count = 0;
    for (const entry of this.shared.values()) count += entry.size;
    return count;
  }

  /** After a supergraph reload: every shared subscription is planned again. */
  replanAll(): void {
    for (const entry of [...this.shared.values()]) entry.replan();
  }

  close(): void {
    for (const entry of [...this.shared.values()]) entry.close();
  }
}
