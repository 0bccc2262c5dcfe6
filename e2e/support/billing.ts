import { randomBytes, randomUUID } from 'node:crypto';
import { startStripeSimulator, type StripeSimulator } from '@lattice/stripe-simulator';
import Stripe from 'stripe';
import type { Logger } from '@lattice/server-kit';
import { registerUser } from './accounts';
import { startTestLattice, type TestLattice } from './test-lattice';

export { gql, ok } from './graphql';

export interface BillingLattice {
  lattice: TestLattice;
  /** The local Stripe the billing subgraph talks to, whose webhooks go to the gateway's host. */
  simulator: StripeSimulator;
  /** The SDK on the same simulator, for what a test checks or does behind billing's back. */
  stripe: Stripe;
  webhookSecret: string;
  webhookUrl: string;
  stop(): Promise<void>;
}

/**
 * Identity, billing (and `subgraphs`) behind a gateway, with a Stripe simulator delivering
 * signed webhooks to the gateway's `POST /webhooks/stripe`, as Stripe does in production.
 */
export async function startBillingLattice(
  options: { subgraphs?: string[]; env?: Record<string, string>; redis?: false; logger?: Logger } = {},
): Promise<BillingLattice> {
  const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
  const simulator = await startStripeSimulator();
  try {
    const lattice = await startTestLattice(
      { STRIPE_API_URL: simulator.url, STRIPE_WEBHOOK_SECRET: webhookSecret, ...options.env },
      {
        subgraphs: ['billing', ...(options.subgraphs ?? [])],
        ...(options.redis === false ? { redis: false } : {}),
        ...(options.logger ? { logger: options.logger } : {}),
      },
    );
    const webhookUrl = new URL('/webhooks/stripe', lattice.gateway.url).href;
    simulator.setWebhook({ url: webhookUrl, secret: webhookSecret });
    return {
      lattice,
      simulator,
      stripe: new Stripe('sk_test_lattice_e2e', simulator.sdkOptions),
      webhookSecret,
      webhookUrl,
      stop: async () => {
        await lattice.stop();
        await simulator.close();
      },
    };
  } catch (error) {
    await simulator.close();
    throw error;
  }
}

export async function newCustomer(lattice: TestLattice) {
  const user = await registerUser(lattice);
  return { ...user, token: user.accessToken };
}

export const idempotencyKey = () => `test-${randomUUID()}`;
