import { startStripeSimulator } from './simulator';

/**
 * `npm start`: a simulator in its own process, for benchmarks and trying things by hand; driven
 * through `/_simulator/…`. Settings, read once here: STRIPE_SIMULATOR_PORT (default 12111),
 * STRIPE_WEBHOOK_URL with STRIPE_WEBHOOK_SECRET (optional), STRIPE_SIMULATOR_NOW (unix seconds).
 */
function settings(env: NodeJS.ProcessEnv) {
  const integer = (name: string, fallback?: number): number | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    if (!/^\d+$/.test(value)) {
      throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(value)}`);
    }
    return Number(value);
  };
  const url = env.STRIPE_WEBHOOK_URL;
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (Boolean(url) !== Boolean(secret)) {
    throw new Error('Set STRIPE_WEBHOOK_URL and STRIPE_WEBHOOK_SECRET together.');
  }
  return {
    port: integer('STRIPE_SIMULATOR_PORT', 12111),
    now: integer('STRIPE_SIMULATOR_NOW'),
    webhook: url && secret ? { url, secret } : undefined,
  };
}

async function main(): Promise<void> {
  const log = (message: string) => process.stdout.write(`${message}\n`);
  const simulator = await startStripeSimulator({ ...settings(process.env), log });
  log(`Stripe simulator on ${simulator.url} (use any sk_test_… key)`);
  const stop = () => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
