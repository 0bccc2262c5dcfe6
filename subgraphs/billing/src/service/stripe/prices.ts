import type Stripe from 'stripe';
import type { Plan, PlanCatalogue } from '@lattice/entitlements';

export type BillingInterval = 'month' | 'year';

/**
 * The Stripe Price of each paid plan and interval, found by lookup key or created at start.
 * The key holds the amount and currency, so a changed price in PLANS gets a new Price
 * (Stripe prices are immutable) while subscribers keep theirs.
 */
export class PriceBook {
  private constructor(
    private readonly byKey: ReadonlyMap<string, string>,
    private readonly planByPrice: ReadonlyMap<string, string>,
  ) {}

  static async load(stripe: Stripe, plans: PlanCatalogue): Promise<PriceBook> {
    const wanted = new Map<
      string,
      { plan: Plan; interval: BillingInterval; amount: number; currency: string }
    >();
    for (const plan of plans.list()) {
      for (const interval of ['month', 'year'] as const) {
        const price = plan.prices[interval];
        if (!price || price.amount === 0) continue;
        wanted.set(lookupKey(plan.id, interval, price.amount, price.currency), { plan, interval, ...price });
      }
    }
    const found = new Map<string, string>();
    const keys = [...wanted.keys()];
    for (let i = 0; i < keys.length; i += 10) {
      const page = await stripe.prices.list({ lookup_keys: keys.slice(i, i + 10), active: true, limit: 100 });
      for (const price of page.data) if (price.lookup_key) found.set(price.lookup_key, price.id);
    }
    for (const [key, { plan, interval, amount, currency }] of wanted) {
      if (found.has(key)) continue;
      const price = await stripe.prices.create(
        {
          currency,
          unit_amount: amount,
          recurring: { interval },
          lookup_key: key,
          product_data: { name: `Lattice ${plan.name}` },
          metadata: { plan: plan.id },
        },
        { idempotencyKey: `lattice:price:${key}` },
      );
      found.set(key, price.id);
    }
    const byKey = new Map<string, string>();
    const planByPrice = new Map<string, string>();
    for (const [key, { plan, interval }] of wanted) {
      const id = found.get(key)!;
      byKey.set(`${plan.id}:${interval}`, id);
      planByPrice.set(id, plan.id);
    }
    return new PriceBook(byKey, planByPrice);
  }

  /** The price to subscribe to `plan` per `interval`; undefined when not sold that way. */
  priceOf(plan: string, interval: BillingInterval): string | undefined {
    return this.byKey.get(`${plan}:${interval}`);
  }

  /** The plan a subscription item's price (or its metadata) stands for. */
  planOf(price: Stripe.Price): string | undefined {
    return this.planByPrice.get(price.id) ?? price.metadata?.plan;
  }
}

const lookupKey = (plan: string, interval: BillingInterval, amount: number, currency: string) =>
  `lattice_${plan}_${interval}_${amount}_${currency}`;
