/**
 * Vanilla @apollo/gateway in Apollo Server 5 with its defaults (startStandaloneServer), as
 * graphql-gateways-benchmark runs it, on the supergraph file given as SUPERGRAPH_PATH.
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

async function main(): Promise<void> {
  const gateway = new ApolloGateway({ supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH!, 'utf8') });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  console.log(JSON.stringify({ url }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
