/**
 * The serving process of the ai-streaming benchmark: identity and ai behind a gateway, all in
 * this one process (pinned to its own core by the runner), over DATABASE_URL, with ai's
 * provider the OpenAI simulator at OPENAI_SIMULATOR_URL (another process). Prints
 * `{"gateway", "pid"}` as one JSON line on stdout (logs go to stderr); stops on SIGTERM.
 */
import { startLattice } from '@lattice/all-in-one';
import { createLogger } from '@lattice/server-kit';

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

async function main(): Promise<void> {
  const lattice = await startLattice({
    databaseUrl: required('DATABASE_URL'),
    gatewayPort: 0,
    subgraphPorts: 'random',
    logLevel: 'warn',
    // On stderr: stdout's first JSON line is the one the runner waits for.
    logger: createLogger('lattice', 'warn', process.stderr),
    nodeEnv: 'production',
    supergraphPath: required('BENCH_SUPERGRAPH_PATH'),
    only: ['ai'],
    env: {
      OPENAI_SIMULATOR_URL: required('OPENAI_SIMULATOR_URL'),
      // Production refuses the simulator unless asked for.
      OPENAI_SIMULATOR: 'true',
      // Generated images would go there (none are): the runner's temporary folder.
      STORAGE_DIR: required('STORAGE_DIR'),
      // Every run's tokens count: no budget on the free plan, so no round is refused.
      PLANS: JSON.stringify({ free: { limits: { aiTokens: null } } }),
      // Every user registers and chats from one address: rate limits would measure themselves.
      RATE_LIMIT_USER_RPS: '1000000',
      RATE_LIMIT_USER_BURST: '1000000',
      RATE_LIMIT_IP_RPS: '1000000',
      RATE_LIMIT_IP_BURST: '1000000',
    },
  });
  console.log(JSON.stringify({ gateway: lattice.gateway.url, pid: process.pid }));
  process.once('SIGTERM', () => {
    void lattice.close().finally(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
