/**
 * The serving process of the ai-streaming benchmark: identity and ai behind a gateway, all in
 * this one process (pinned to its own core by the runner), over DATABASE_URL, with ai's
 * provider the OpenAI simulator at OPENAI_SIMULATOR_URL (another process). Prints
 * `{"gateway", "pid"}` as one JSON line on stdout (logs go to stderr); stops on SIGTERM.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { createRequire } from 'node:module';
import { join } from 'node:path';
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
      // ai's delta window and how far it grows under load, when a run asks for others than the defaults.
      ...Object.fromEntries(
        ['AI_STREAM_BATCH_MS', 'AI_STREAM_BATCH_MAX_MS'].flatMap((name) =>
          process.env[name] ? [[name, process.env[name]]] : [],
        ),
      ),
    },
  });
  if (process.env.BENCH_PROFILE_DIR) profileOnSignal(process.env.BENCH_PROFILE_DIR);
  console.log(JSON.stringify({ gateway: lattice.gateway.url, pid: process.pid }));
  process.once('SIGTERM', () => {
    void lattice.close().finally(() => process.exit(0));
  });
}

/**
 * BENCH_PROFILE_DIR: the runner sends SIGUSR2 before and after the measured round through
 * Lattice; between the two, a CPU profile is taken (`serving.cpuprofile`, for Chrome's DevTools
 * or speedscope) and the SQL statements ai and identity send are counted (`sql.json`).
 */
function profileOnSignal(dir: string): void {
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<any>((resolve, reject) =>
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
    );
  let statements: Map<string, number> | undefined;
  // Either pg: MikroORM's own (a version of its own) and the one knex would load.
  for (const from of [require.resolve('@mikro-orm/postgresql'), require.resolve('knex')]) {
    const { Client } = createRequire(from)('pg') as {
      Client: { prototype: { query: (...args: any[]) => unknown } };
    };
    const query = Client.prototype.query;
    if ((query as { counted?: boolean }).counted) continue;
    const counting = function (this: unknown, ...args: any[]) {
      const text = typeof args[0] === 'string' ? args[0] : args[0]?.text;
      if (statements && typeof text === 'string') statements.set(text, (statements.get(text) ?? 0) + 1);
      return query.apply(this, args);
    };
    Client.prototype.query = Object.assign(counting, { counted: true });
  }
  process.on('SIGUSR2', () => {
    if (!statements) {
      statements = new Map();
      void post('Profiler.enable')
        .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
        .then(() => post('Profiler.start'));
      return;
    }
    const counted = [...statements].sort((a, b) => b[1] - a[1]);
    statements = undefined;
    writeFileSync(join(dir, 'sql.json'), JSON.stringify(counted, null, 1));
    void post('Profiler.stop').then(({ profile }) =>
      writeFileSync(join(dir, 'serving.cpuprofile'), JSON.stringify(profile)),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
