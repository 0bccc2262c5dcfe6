/**
 * Hive Gateway (@graphql-hive/gateway's runtime) on node:http with the supergraph file given
 * as SUPERGRAPH_PATH and the configuration graphql-gateways-benchmark gives it (in-flight
 * deduplication of identical incoming requests, JIT execution). Every benchmark request
 * carries its own authorization header, part of the deduplication key, so nothing collapses.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

// Loaded untyped: @graphql-hive/gateway's types bring GraphQL Yoga's global augmentation of
// GraphQLError extensions, which clashes with Apollo Server's in the bench's type check (the
// bench type-checks Lattice's gateway sources too).
interface HiveGateway {
  createGatewayRuntime(config: Record<string, unknown>): RequestListener & { dispose(): unknown };
  getBuiltinPluginsFromConfig(config: Record<string, unknown>, context: unknown): Promise<unknown[]>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createGatewayRuntime, getBuiltinPluginsFromConfig } = require('@graphql-hive/gateway') as HiveGateway;

async function main(): Promise<void> {
  // What the CLI adds for `jit: true` (the JIT executor plugin).
  const builtin = await getBuiltinPluginsFromConfig({ jit: true }, {});
  const gateway = createGatewayRuntime({
    supergraph: process.env.SUPERGRAPH_PATH!,
    inboundInflightRequestDeduplication: true,
    logging: 'warn',
    plugins: () => builtin,
  });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  console.log(JSON.stringify({ url: `http://127.0.0.1:${port}/graphql` }));
  process.once('SIGTERM', () => {
    server.closeAllConnections();
    server.close();
    void Promise.resolve(gateway.dispose()).finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
