import { spawn, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { multiCore, startPinned, stopProcess } from './pinned-process';

export interface ServedLattice {
  gateway: string;
  subgraphs: Record<string, string>;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts bench/serve.ts in its own process, pinned to CPU 0 when the machine has two or more
 * cores (the load generator then runs on the others).
 */
export async function serveLattice(): Promise<ServedLattice> {
  const { child, info } = await startPinned(__dirname, 'serve.ts', '0', {});
  if (multiCore)
    spawn('taskset', ['-cp', `1-${cpus().length - 1}`, String(process.pid)], { stdio: 'ignore' });
  const urls = info as { gateway: string; subgraphs: Record<string, string> };
  return { ...urls, process: child, stop: () => stopProcess(child) };
}

export interface LoadResult {
  target: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Drives POST GraphQL load at a URL for `seconds` with `connections` concurrent connections. */
export async function drive(
  target: string,
  url: string,
  body: unknown,
  headers: Record<string, string>,
  { seconds, connections }: { seconds: number; connections: number },
): Promise<LoadResult> {
  const result = await autocannon({
    url,
    method: 'POST',
    duration: seconds,
    connections,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    target,
    requests: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

export function printTable(results: LoadResult[]): void {
  console.log('\n| target | requests | rps | p50 ms | p99 ms | non-2xx | errors |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(
      `| ${r.target} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`,
    );
  }
}
