import type Stripe from 'stripe';
import { CLOCK_REQUEST, emit, emitChange, type Ctx, type Sim } from '../context';
import { snapshot } from '../core/wire';
import { endSubscription } from './cancellation';
import { billNewPeriod } from './cycles';
import { voidInvoice } from './invoices';
import { currentPeriod } from './items';

/** An incomplete subscription's first invoice must be paid within this long. */
const INCOMPLETE_WINDOW = 23 * 3600;
/** `customer.subscription.trial_will_end` comes this long before the trial ends. */
const TRIAL_NOTICE = 3 * 86_400;

type ActionKind = 'expire' | 'trial_will_end' | 'resume_collection' | 'cancel' | 'renew';

interface DueAction {
  at: number;
  kind: ActionKind;
  subscription: Stripe.Subscription;
}

/** What falls due next for a subscription; at equal times, in this order. */
function nextAction(sim: Sim, subscription: Stripe.Subscription): DueAction | undefined {
  const { status } = subscription;
  if (status === 'canceled' || status === 'incomplete_expired') return undefined;
  if (status === 'incomplete') {
    return { at: subscription.created + INCOMPLETE_WINDOW, kind: 'expire', subscription };
  }
  const candidates: DueAction[] = [];
  const { trial_end: trialEnd } = subscription;
  if (status === 'trialing' && trialEnd !== null && !sim.billing.trialWillEndSent.has(subscription.id)) {
    if (trialEnd - TRIAL_NOTICE > subscription.created) {
      candidates.push({ at: trialEnd - TRIAL_NOTICE, kind: 'trial_will_end', subscription });
    }
  }
  const resumesAt = subscription.pause_collection?.resumes_at;
  if (resumesAt) candidates.push({ at: resumesAt, kind: 'resume_collection', subscription });
  const periodEnd = currentPeriod(subscription).end;
  if (subscription.cancel_at !== null && subscription.cancel_at <= periodEnd) {
    candidates.push({ at: subscription.cancel_at, kind: 'cancel', subscription });
  }
  candidates.push({ at: periodEnd, kind: 'renew', subscription });
  return candidates.reduce((earliest, candidate) => (candidate.at < earliest.at ? candidate : earliest));
}

function perform(ctx: Ctx, { kind, at, subscription }: DueAction): void {
  const before = snapshot(subscription);
  switch (kind) {
    case 'expire': {
      const invoice =
        typeof subscription.latest_invoice === 'string'
          ? ctx.sim.store.find('invoice', subscription.latest_invoice)
          : undefined;
      if (invoice?.status === 'open') voidInvoice(ctx, invoice);
      endSubscription(ctx, subscription, at);
      return;
    }
    case 'trial_will_end':
      ctx.sim.billing.trialWillEndSent.add(subscription.id);
      emit(ctx, 'customer.subscription.trial_will_end', subscription);
      return;
    case 'resume_collection':
      subscription.pause_collection = null;
      break;
    case 'cancel':
      endSubscription(ctx, subscription, at);
      return;
    case 'renew':
      // A trial's end is a renewal too: its first paid period starts, `subscription_cycle` like any other.
      billNewPeriod(ctx, subscription, {
        at,
        reason: 'subscription_cycle',
        invoicePeriod: { start: currentPeriod(subscription).start, end: at },
      });
      break;
  }
  emitChange(ctx, 'customer.subscription.updated', before, subscription);
}

/**
 * Runs, in time order, everything that falls due up to `until` (trial ends and their notices,
 * renewals, scheduled cancellations, expiring incomplete subscriptions, resuming collection),
 * moving the clock to each moment so objects and events carry it, then to `until`.
 */
export function runDueActions(sim: Sim, until: number): void {
  const ctx: Ctx = { sim, request: CLOCK_REQUEST };
  for (;;) {
    let next: DueAction | undefined;
    for (const subscription of sim.store.all('subscription')) {
      const action = nextAction(sim, subscription);
      if (action && action.at <= until && (!next || action.at < next.at)) next = action;
    }
    if (!next) break;
    sim.clock.moveTo(next.at);
    perform(ctx, next);
  }
  sim.clock.moveTo(until);
}
