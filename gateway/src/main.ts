import { closeOnSignals, ConfigError, createLogger } from '@lattice/server-kit';
import { gatewayConfigFromEnv } from './config';
import { startGateway } from './gateway';

async function main(): Promise<void> {
  const config = gatewayConfigFromEnv();
  const logger = createLogger('gateway', config.logLevel);
  const gateway = await startGateway(config, { logger });
  closeOnSignals(gateway, logger);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
