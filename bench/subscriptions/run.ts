/**
 * Subscription fan-out benchmark (issue 4): N graphql-ws subscribers on one Lattice gateway
 * process pinned to CPU 0, events published at R per second by a subgraph, subgraphs and
 * load generator on CPU 1.
 *
 *   npm run bench:subscriptions
 *   BENCH_SCENARIOS (a,b)   a: 10,000 subscribers x 1 event/s; b: 1,000 subscribers x 50 events/s;
 *                           or custom entries N:R, e.g. "a,b,500:20"
 *   BENCH_SHAPE (entity)    entity: each event resolves Tick.author from a second subgraph through
 *                           the query plan; flat: root-subgraph fields only; "entity,flat": both
 *   BENCH_DISTINCT (1)      K distinct subscriptions (client i subscribes to stream i % K)
 *   BENCH_SECONDS (20), BENCH_WARMUP_SECONDS (5), BENCH_ROUNDS (1)
 *   BENCH_PROFILE=gateway   CPU profiles (.cpuprofile, directory printed) of the gateway, and/or
 *                           the load generator: "gateway,load"
 *
 * Every client sends its own admin token (EdDSA, verified against the bench's JWKS) in
 * connection_init; `Subscription.ticks` requires the admin scope, so all admins share one
 * upstream subscription, as admins on platformEvents do. Targets: p99 < 250 ms, nothing
 * lost, < 20 KB of gateway memory per subscriber: the RSS the last 95 % of the subscribers
 * add to a gateway already serving the first 5 % (so the fixed costs of fan-out, such as the
 * young generation paged in under the event rate, are not spread over the subscribers).
 * The gateway runs as production runs it: compiled JavaScript on plain node.
 *
 * "CPU wait %" is the time the gateway's (and load generator's) main thread was runnable but
 * waiting for its CPU (/proc/<pid>/schedstat): other work on the machine. When it is high,
 * latencies measure the machine, not the gateway.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { compileEntry } from '../compile-entry';
import { liveProcesses, multiCore, startPinned, stopProcess } from '../pinned-process';
import { BENCH_METRICS_TOKEN, composeSupergraph, type Shape } from './schema';

const SCENARIOS: Record<string, { subscribers: number; rate: number }> = {
  a: { subscribers: 10_000, rate: 1 },
  b: { subscribers: 1_000, rate: 50 },
};
const TARGET = { p99: 250, kbPerSubscriber: 20 };

const scenarios = (process.env.BENCH_SCENARIOS ?? 'a,b').split(',').map((entry) => {
  const known = SCENARIOS[entry];
  if (known) return { name: entry, ...known };
  const [n, r] = entry.split(':').map(Number);
  if (!n || !r) throw new Error(`BENCH_SCENARIOS: unknown scenario ${entry}`);
  return { name: entry, subscribers: n, rate: r };
});
const shapes = (process.env.BENCH_SHAPE ?? 'entity').split(',') as Shape[];
const distinct = Number(process.env.BENCH_DISTINCT ?? 1);
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
const profile = process.env.BENCH_PROFILE ?? '';
const cpuProf = (who: string) =>
  profile.split(',').includes(who) ? ['--cpu-prof', `--cpu-prof-dir=${join(work, who)}`] : [];
const work = mkdtempSync(join(tmpdir(), 'lattice-subscriptions-bench-'));

interface Result {
  subscribers: number;
  subscribed: number;
  upstreams: number;
  published: number;
  expected: number;
  received: number;
  lost: number;
  gaps: number;
  outOfOrder: number;
  errorEvents: number;
  firstError?: string;
  gatewayDropped: number;
  deliveredPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  gatewayCpuPercent: number;
  loadCpuPercent: number;
  gatewayWaitPercent: number;
  loadWaitPercent: number;
  rssBaselineKb: number;
  rssWarmKb: number;
  rssWithKb: number;
  kbPerSubscriber: number;
  hwmKb: number;
  connectSeconds: number;
  reconnectsWhileConnecting: number;
  reconnects: number;
  lastClose?: string;
}

async function runOnce(
  scenario: { name: string; subscribers: number; rate: number },
  shape: Shape,
  keys: { publicJwks: string; privateJwk: string },
  gatewayEntry: string,
): Promise<Result> {
  const subgraphs = await startPinned(__dirname, 'subgraphs.ts', '1', {
    BENCH_RATE: String(scenario.rate),
    BENCH_JWKS: keys.publicJwks,
  });
  const urls = subgraphs.info as { ticks: string; users: string };
  const supergraphPath = join(work, 'supergraph.graphql');
  writeFileSync(supergraphPath, composeSupergraph(urls));
  const gateway = await startPinned(
    __dirname,
    gatewayEntry,
    '0',
    {
      SUPERGRAPH_PATH: supergraphPath,
      NODE_ENV: 'production',
      // Production serves /metrics only with a token (or on METRICS_PORT).
      METRICS_TOKEN: BENCH_METRICS_TOKEN,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JWKS_URL: urls.ticks.replace(/\/graphql$/, '/.well-known/jwks.json'),
      REDIS_URL: '',
      OTEL_EXPORTER_OTLP_ENDPOINT: '',
    },
    cpuProf('gateway'),
  );
  try {
    // Settle (JIT of startup code, first GC) before the baseline RSS is read.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const load = await startPinned(
      __dirname,
      'clients.ts',
      '1',
      {
        BENCH_GATEWAY_URL: String(gateway.info.url),
        BENCH_GATEWAY_PID: String(gateway.child.pid),
        BENCH_N: String(scenario.subscribers),
        BENCH_DISTINCT: String(distinct),
        BENCH_SHAPE: shape,
        BENCH_PRIVATE_JWK: keys.privateJwk,
      },
      // See the collection before the window in clients.ts.
      ['--expose-gc', '--max-semi-space-size=64', ...cpuProf('load')],
    );
    await stopProcess(load.child);
    return load.info as unknown as Result;
  } finally {
    await stopProcess(gateway.child);
    await stopProcess(subgraphs.child);
  }
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : String(value));

async function main(): Promise<void> {
  // This process (mostly idle) stays off the gateway's core.
  if (multiCore) spawn('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { extractable: true });
  const keys = {
    publicJwks: JSON.stringify({
      keys: [{ ...(await exportJWK(publicKey)), kid: 'bench', alg: 'EdDSA', use: 'sig' }],
    }),
    privateJwk: JSON.stringify(await exportJWK(privateKey)),
  };
  // The gateway as production runs it: compiled, on plain node (the federation benchmark's launcher).
  const gatewayEntry = await compileEntry(join(__dirname, '../federation/gateways/lattice.ts'));
  const rows: string[] = [];
  for (let round = 1; round <= rounds; round++) {
    for (const shape of shapes) {
      for (const scenario of scenarios) {
        console.error(
          `round ${round}: scenario ${scenario.name} (${scenario.subscribers} x ${scenario.rate}/s, ${shape})...`,
        );
        const r = await runOnce(scenario, shape, keys, gatewayEntry);
        if (r.firstError) console.error(`  first error: ${r.firstError}`);
        console.error(
          `  connected in ${fixed(r.connectSeconds)} s, reconnects while connecting ${r.reconnectsWhileConnecting}, ` +
            `during the window ${r.reconnects}${r.lastClose ? ` (first close: ${r.lastClose})` : ''}`,
        );
        const pass =
          r.subscribed === r.subscribers &&
          r.lost === 0 &&
          r.reconnects === 0 &&
          r.errorEvents === 0 &&
          r.p99 < TARGET.p99 &&
          r.kbPerSubscriber < TARGET.kbPerSubscriber;
        rows.push(
          `| ${scenario.name} | ${shape} | ${r.subscribed}/${r.subscribers} | ${r.upstreams} | ${scenario.rate} | ${Math.round(r.deliveredPerSecond)} | ${r.expected} | ${r.lost} | ${r.gatewayDropped} | ${fixed(r.p50)} | ${fixed(r.p99)} | ${fixed(r.max)} | ${Math.round(r.gatewayCpuPercent)} | ${fixed(r.rssBaselineKb / 1024)} → ${fixed(r.rssWarmKb / 1024)} → ${fixed(r.rssWithKb / 1024)} | ${fixed(r.kbPerSubscriber)} | ${fixed(r.hwmKb / 1024)} | ${Math.round(r.loadCpuPercent)} | ${Math.round(r.gatewayWaitPercent)} / ${Math.round(r.loadWaitPercent)} | ${pass ? 'yes' : 'NO'} |`,
        );
      }
    }
  }
  console.log(
    `\nSubscription fan-out, Lattice gateway on 1 core (${multiCore ? 'pinned to CPU 0, load on CPU 1' : 'single core, not pinned'}), ` +
      `${distinct} distinct subscription(s), ${process.env.BENCH_SECONDS ?? 20} s measured after ${process.env.BENCH_WARMUP_SECONDS ?? 5} s warm-up`,
  );
  console.log(
    '\n| scenario | shape | subscribed | upstreams | events/s | delivered/s | expected | lost | gw dropped | p50 ms | p99 ms | max ms | gw CPU % | gw RSS MB: idle → 5 % → all | KB/sub | gw VmHWM MB | load CPU % | CPU wait % gw / load | targets met |',
  );
  console.log(`|${'---|'.repeat(19)}`);
  for (const row of rows) console.log(row);
  if (profile) console.log(`\nCPU profiles in ${work}/{gateway,load}`);
}

const cleanup = () => {
  for (const child of liveProcesses) child.kill('SIGTERM');
};
process.once('SIGINT', () => {
  cleanup();
  process.exit(130);
});
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(cleanup);
