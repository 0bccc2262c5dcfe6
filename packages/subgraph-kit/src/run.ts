import { closeOnSignals, ConfigError, createLogger } from '@lattice/server-kit';
import { subgraphConfigFromEnv } from './config';
import type { SubgraphDefinition } from './definition';
import { startSubgraph } from './start';

/** Entry point of a subgraph running as its own process (the production shape). */
export async function runSubgraph<TRuntime, TLoaders, TSettings>(
  definition: SubgraphDefinition<TRuntime, TLoaders, TSettings>,
): Promise<void> {
  try {
    const config = subgraphConfigFromEnv(definition.port);
    const logger = createLogger(definition.name, config.logLevel);
    const running = await startSubgraph(definition, config, { logger });
    closeOnSignals(running, logger);
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  }
}
