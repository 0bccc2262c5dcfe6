import { z } from 'zod';
import { plansSettings } from '@lattice/entitlements';

const blankIsUnset = (value: unknown) => (value === '' ? undefined : value);
const currency = z.string().regex(/^[a-z]{3}$/, 'an ISO 4217 code in lower case, e.g. usd');
const minorUnits = z.number().int().min(50).max(99_999_999);

const creditPack = z.object({
  id: z.string().min(1).max(64),
  credits: z.number().int().min(1),
  price: minorUnits,
  currency,
});
const membershipPackage = z.object({
  id: z.string().min(1).max(64),
  type: z.string().min(1).max(64),
  name: z.string().min(1).max(100),
  durationDays: z.number().int().min(1).max(3660),
  price: minorUnits,
  currency,
});
export type CreditPack = z.infer<typeof creditPack>;
export type MembershipPackage = z.infer<typeof membershipPackage>;

const DEFAULT_CREDIT_PACKS: CreditPack[] = [
  { id: 'credits-10', credits: 10, price: 1_000, currency: 'usd' },
  { id: 'credits-50', credits: 50, price: 4_500, currency: 'usd' },
  { id: 'credits-200', credits: 200, price: 16_000, currency: 'usd' },
];
const DEFAULT_MEMBERSHIP_PACKAGES: MembershipPackage[] = [
  { id: 'gym-monthly', type: 'gym', name: 'Gym, one month', durationDays: 30, price: 4_900, currency: 'usd' },
  { id: 'gym-yearly', type: 'gym', name: 'Gym, one year', durationDays: 365, price: 49_000, currency: 'usd' },
];

const json = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value; // reported by the schema as not a list
    }
  }, schema);

/** Billing's own settings (and the plan catalogue, shared with metered domains). */
export const billingSettings = z
  .object({
    ...plansSettings,
    /** Stripe's secret key. Unset: billing runs against its own local Stripe simulator. */
    STRIPE_SECRET_KEY: z.preprocess(blankIsUnset, z.string().startsWith('sk_').optional()),
    /** Signs Stripe's webhooks (whsec_…): required with a key. */
    STRIPE_WEBHOOK_SECRET: z.preprocess(blankIsUnset, z.string().min(10).optional()),
    /** Another Stripe API address (e.g. a simulator running elsewhere): http(s)://host:port. */
    STRIPE_API_URL: z.preprocess(blankIsUnset, z.url().optional()),
    /** Where billing's own simulator delivers webhooks: the gateway's route. */
    STRIPE_WEBHOOK_URL: z.preprocess(blankIsUnset, z.url().default('http://127.0.0.1:4000/webhooks/stripe')),
    /** In production, where the simulator is refused by default: `true` allows it (a demo). */
    STRIPE_SIMULATOR: z.stringbool().default(false),
    /** Port of billing's own simulator (0: any free port). */
    STRIPE_SIMULATOR_PORT: z.coerce.number().int().min(0).max(65_535).default(4090),
    /** How old a webhook's signature may be (Stripe's default tolerance). */
    STRIPE_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
    /** How long users may refund their own payments. */
    REFUND_WINDOW_DAYS: z.coerce.number().int().min(0).max(365).default(30),
    CREDIT_PACKS: json(z.array(creditPack).min(1)).default(DEFAULT_CREDIT_PACKS),
    MEMBERSHIP_PACKAGES: json(z.array(membershipPackage)).default(DEFAULT_MEMBERSHIP_PACKAGES),
  })
  .superRefine((env, context) => {
    if (env.STRIPE_SECRET_KEY && !env.STRIPE_WEBHOOK_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['STRIPE_WEBHOOK_SECRET'],
        message: 'is required with STRIPE_SECRET_KEY (the endpoint secret of /webhooks/stripe)',
      });
    }
  });

export type BillingSettings = z.infer<typeof billingSettings>;
