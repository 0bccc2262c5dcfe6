/**
 * A gateway alone in its own OS process, configured by its environment as in production:
 * another replica in front of the test's subgraphs, on the same Redis.
 * Prints `{"gatewayUrl": …}` once ready; SIGTERM stops it.
 */
import { gatewayConfigFromEnv, startGateway } from '@lattice/gateway';

async function main() {
  const gateway = await startGateway(gatewayConfigFromEnv());
  process.stdout.write(`${JSON.stringify({ gatewayUrl: gateway.url })}\n`);
  process.once('SIGTERM', () => {
    void gateway.close().then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
