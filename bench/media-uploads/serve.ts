/**
 * The serving process of the media-uploads benchmark: identity and media behind a gateway, all
 * in this one process (the runner samples its RSS), over DATABASE_URL, storing files under
 * STORAGE_DIR. Prints `{"gateway", "pid"}` as one JSON line on stdout (logs go to stderr);
 * stops on SIGTERM.
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
    only: ['media'],
    env: {
      STORAGE_DIR: required('STORAGE_DIR'),
      MEDIA_MAX_FILE_BYTES: required('MEDIA_MAX_FILE_BYTES'),
      // One user uploads everything: no storage limit on the free plan.
      PLANS: JSON.stringify({ free: { limits: { storageBytes: null } } }),
      // The janitor would only find the uploads of the run in progress.
      MEDIA_JANITOR_INTERVAL_SECONDS: '3600',
      // All requests come from one address with one token: rate limits would measure themselves.
      RATE_LIMIT_USER_RPS: '1000000',
      RATE_LIMIT_USER_BURST: '1000000',
      RATE_LIMIT_IP_RPS: '1000000',
      RATE_LIMIT_IP_BURST: '1000000',
    },
  });
  console.log(JSON.stringify({ gateway: lattice.gateway.url, pid: process.pid }));
  reportMemoryOnSignal();
  process.once('SIGTERM', () => {
    void lattice.close().finally(() => process.exit(0));
  });
}

type Heap = Pick<NodeJS.MemoryUsage, 'heapUsed' | 'external' | 'arrayBuffers'>;

/**
 * Where the RSS goes, which /proc cannot tell: the JavaScript heap and the memory outside it
 * (`arrayBuffers`: Buffers, the bytes in flight). Sampled every 50 ms; SIGUSR2 prints
 * `{"memory": {"now", "peak"}}` (the peaks since the last SIGUSR2) as one line on stdout.
 */
function reportMemoryOnSignal(): void {
  const now = (): Heap => {
    const { heapUsed, external, arrayBuffers } = process.memoryUsage();
    return { heapUsed, external, arrayBuffers };
  };
  let peak = now();
  const sample = () => {
    const current = now();
    for (const key of Object.keys(peak) as (keyof Heap)[]) peak[key] = Math.max(peak[key], current[key]);
    return current;
  };
  setInterval(sample, 50).unref();
  process.on('SIGUSR2', () => {
    const current = sample();
    console.log(JSON.stringify({ memory: { now: current, peak } }));
    peak = current;
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
