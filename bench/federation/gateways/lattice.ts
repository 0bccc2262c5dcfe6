/**
 * Lattice's gateway as production starts it (gateway/src/main.ts: configuration from the
 * environment, then startGateway with every default plugin). The runner sets the
 * environment: the supergraph file, a JWKS URL serving the bench's signing key, production
 * mode, and rate limits high enough that one load generator is not refused.
 */
import { closeOnSignals, createLogger } from '@lattice/server-kit';
import { gatewayConfigFromEnv, startGateway } from '@lattice/gateway';

async function main(): Promise<void> {
  const config = gatewayConfigFromEnv();
  const logger = createLogger('gateway', config.logLevel);
  const gateway = await startGateway(config, { logger });
  closeOnSignals(gateway, logger);
  console.log(JSON.stringify({ url: gateway.url }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
