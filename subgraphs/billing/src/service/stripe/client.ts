import Stripe from 'stripe';
import { startStripeSimulator, type StripeSimulator } from '@lattice/stripe-simulator';
import { randomBytes } from 'node:crypto';
import type { Logger } from '@lattice/server-kit';
import type { BillingSettings } from '../settings';

/** The Stripe SDK as billing uses it, and whether it talks to the simulator. */
export interface StripeConnection {
  stripe: Stripe;
  webhookSecret: string;
  simulated: boolean;
  /** Billing's own simulator, when no key and no other address is configured. */
  simulator?: StripeSimulator;
}

/**
 * Stripe itself with STRIPE_SECRET_KEY; otherwise the simulator at STRIPE_API_URL, or one
 * billing starts for itself (so `npm start` takes payments with no key, charging nothing).
 */
export async function connectStripe(
  settings: BillingSettings,
  log: Logger,
  production: boolean,
): Promise<StripeConnection> {
  const options = { maxNetworkRetries: 2, timeout: 20_000 };
  if (settings.STRIPE_SECRET_KEY && !settings.STRIPE_API_URL) {
    return {
      stripe: new Stripe(settings.STRIPE_SECRET_KEY, options),
      webhookSecret: settings.STRIPE_WEBHOOK_SECRET!,
      simulated: false,
    };
  }
  if (production && !settings.STRIPE_SIMULATOR) {
    throw new Error(
      'STRIPE_SECRET_KEY is required in production (or STRIPE_SIMULATOR=true for a demo that charges nothing)',
    );
  }
  const key = settings.STRIPE_SECRET_KEY ?? 'sk_test_lattice_simulator';
  if (settings.STRIPE_API_URL) {
    const url = new URL(settings.STRIPE_API_URL);
    const protocol = url.protocol === 'https:' ? 'https' : 'http';
    const port = Number(url.port || (protocol === 'https' ? 443 : 80));
    if (!settings.STRIPE_WEBHOOK_SECRET)
      throw new Error('STRIPE_WEBHOOK_SECRET is required with STRIPE_API_URL');
    log.warn({ url: url.origin }, 'payments go to a Stripe simulator: nothing is charged');
    return {
      stripe: new Stripe(key, { ...options, host: url.hostname, port, protocol }),
      webhookSecret: settings.STRIPE_WEBHOOK_SECRET,
      simulated: true,
    };
  }
  const webhookSecret = settings.STRIPE_WEBHOOK_SECRET ?? `whsec_${randomBytes(24).toString('hex')}`;
  const simulator = await startStripeSimulator({
    port: settings.STRIPE_SIMULATOR_PORT,
    webhook: { url: settings.STRIPE_WEBHOOK_URL, secret: webhookSecret },
  });
  log.warn(
    { simulator: simulator.url, webhooks: settings.STRIPE_WEBHOOK_URL },
    'no STRIPE_SECRET_KEY: payments go to the local Stripe simulator, nothing is charged',
  );
  return {
    stripe: new Stripe(key, { ...options, ...simulator.sdkOptions }),
    webhookSecret,
    simulated: true,
    simulator,
  };
}
