/**
 * Federation benchmark: Lattice's gateway, vanilla @apollo/gateway (Apollo Server 5) and Hive
 * Gateway against the same four subgraphs, in one run, alternating. The shape, data and query
 * are graphql-hive/graphql-gateways-benchmark's (four subgraphs, the heavy nested query).
 *
 *   npm run bench:federation
 *   BENCH_SECONDS (10), BENCH_ROUNDS (3), BENCH_WARMUP_SECONDS (5), BENCH_CONNECTIONS (50),
 *   BENCH_GATEWAYS (lattice,apollo,hive), BENCH_PROFILE=lattice (writes bench/profiles/*.cpuprofile),
 *   BENCH_NODE_ARGS_<GATEWAY> (extra node flags for one gateway, e.g. BENCH_NODE_ARGS_APOLLO=--trace-gc)
 *
 * Each gateway runs in its own process pinned to CPU 0; the subgraphs and the load generator
 * run on CPU 1. Every request carries its own `Authorization: Bearer <token>`: distinct
 * Ed25519 access tokens signed by the bench's key (Lattice's gateway verifies each one against
 * the bench's JWKS, the others ignore the header), so no gateway can collapse identical
 * requests. Only answers equal to the expected result (computed without any gateway) count.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@lattice/server-kit';
import { compileEntry } from '../compile-entry';
import { liveProcesses, multiCore, startPinned, stopProcess } from '../pinned-process';
import { expectedResult, QUERY } from './query';
import { composeSupergraph } from './supergraph';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const only = (process.env.BENCH_GATEWAYS ?? 'lattice,apollo,hive').split(',');
const profile = process.env.BENCH_PROFILE;

const GATEWAYS = [
  { name: 'lattice', label: "Lattice's gateway", file: 'lattice.ts' },
  { name: 'apollo', label: 'vanilla @apollo/gateway', file: 'apollo.ts' },
  { name: 'hive', label: 'Hive Gateway', file: 'hive.ts' },
].filter((g) => only.includes(g.name));

const work = mkdtempSync(join(tmpdir(), 'lattice-federation-bench-'));
/** Peak resident memory (VmHWM) of a process, in MiB. */
function peakRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/** CPU time (user + system) a process has used, in seconds. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Idle and total jiffies of CPU 0 so far (/proc/stat), to tell a gateway that waits from one that is crowded out. */
function cpu0Times(): { idle: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('cpu0 '));
  const values = (line ?? 'cpu0 0 0 0 0').trim().split(/\s+/).slice(1).map(Number);
  return { idle: (values[3] ?? 0) + (values[4] ?? 0), total: values.reduce((a, b) => a + b, 0) };
}

/** Distinct signed access tokens, handed out one per request. */
async function tokenMint(count: number) {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
  const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'EdDSA', use: 'sig' };
  const jwks = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const now = Math.floor(Date.now() / 1000);
  const tokens: string[] = [];
  for (let i = 0; i < count; i += 1) {
    tokens.push(
      await new SignJWT({ role: 'user', sid: randomUUID() })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'bench' })
        .setSubject(`bench-user-${i % connections}`)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt(now)
        .setExpirationTime(now + 4 * 3600)
        .setJti(String(i))
        .sign(privateKey),
    );
  }
  let next = 0;
  let wrapped = false;
  return {
    jwksUrl: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`,
    next: () => {
      if (next === tokens.length) {
        next = 0;
        wrapped = true;
      }
      return `Bearer ${tokens[next++]}`;
    },
    get wrapped() {
      return wrapped;
    },
    close: () => jwks.close(),
  };
}

interface Sample {
  gateway: string;
  round: number;
  correctPerSecond: number;
  wrong: number;
  errors: number;
  p50: number;
  p99: number;
  /** Share of its core the gateway used (the machine is shared: below ~95% it was kept waiting). */
  cpu: number;
  /** Correct responses per second of the gateway's CPU time: less sensitive to other load on the core. */
  perCpuSecond: number;
  /** Share of the time CPU 0 was idle: high means the gateway waited (something serialises it). */
  coreIdle: number;
}

async function main(): Promise<void> {
  if (multiCore) spawn('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
  const subgraphs = await startPinned(__dirname, 'subgraphs.ts', '1', {});
  const urls = subgraphs.info as Parameters<typeof composeSupergraph>[0];
  const { supergraphSdl, apiSchema } = composeSupergraph(urls);
  const supergraphPath = join(work, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraphSdl);
  const expected = await expectedResult(apiSchema);
  const body = JSON.stringify({ query: QUERY, operationName: 'TestQuery' });
  const mint = await tokenMint(Number(process.env.BENCH_TOKENS ?? 60_000));

  interface Running {
    name: string;
    label: string;
    child: ChildProcess;
    url: string;
    /** The gateway's first answer, checked against the expected result. */
    verified: string;
  }
  const running: Running[] = [];
  for (const gateway of GATEWAYS) {
    const env: Record<string, string> = {
      SUPERGRAPH_PATH: supergraphPath,
      NODE_ENV: 'production',
      // Lattice's gateway (the others ignore these).
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      JWKS_URL: mint.jwksUrl,
      RATE_LIMIT_USER_RPS: '1000000',
      RATE_LIMIT_USER_BURST: '1000000',
      RATE_LIMIT_IP_RPS: '1000000',
      RATE_LIMIT_IP_BURST: '1000000',
      REDIS_URL: '',
    };
    const nodeArgs = [
      ...(profile === gateway.name
        ? ['--cpu-prof', `--cpu-prof-dir=${join(__dirname, '..', 'profiles')}`]
        : []),
      // Extra node flags for one gateway, for experiments: BENCH_NODE_ARGS_LATTICE="--heap-prof".
      ...(process.env[`BENCH_NODE_ARGS_${gateway.name.toUpperCase()}`]?.split(' ').filter(Boolean) ?? []),
    ];
    const entry = await compileEntry(join(__dirname, 'gateways', gateway.file));
    const { child, info } = await startPinned(__dirname, entry, '0', env, nodeArgs);
    running.push({ ...gateway, child, url: String(info.url), verified: '' });
  }

  const results: Sample[] = [];
  try {
    // Load figures mean nothing if the answers are wrong: check each gateway's answer first.
    for (const gateway of running) {
      const response = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: mint.next() },
        body,
      });
      const text = await response.text();
      if (response.status !== 200 || !isDeepStrictEqual(JSON.parse(text), expected)) {
        throw new Error(`${gateway.label} answered wrongly (${response.status}): ${text.slice(0, 500)}`);
      }
      gateway.verified = text;
    }
    console.log(
      `federation bench: ${connections} connections, warm-up ${warmupSeconds}s, ` +
        `${rounds} rounds × ${seconds}s per gateway, gateways on CPU 0, subgraphs and load on CPU 1`,
    );
    for (const gateway of running) await drive(gateway, warmupSeconds);
    for (let round = 1; round <= rounds; round += 1) {
      // Rotate the order so that no gateway always runs first or last.
      const order = running.map((_, i) => running[(i + round - 1) % running.length]!);
      for (const gateway of order) {
        const sample = await drive(gateway, seconds);
        results.push({ ...sample, round });
        console.log(
          `round ${round} ${gateway.label}: ${sample.correctPerSecond} correct/s, p50 ${sample.p50} ms, ` +
            `p99 ${sample.p99} ms, cpu ${sample.cpu}% (core idle ${sample.coreIdle}%), ` +
            `${sample.perCpuSecond} correct per CPU-second, ` +
            `wrong ${sample.wrong}, errors ${sample.errors}`,
        );
      }
    }
    printTable(
      results,
      running.map((g) => ({ name: g.name, label: g.label, rss: peakRssMiB(g.child.pid!) })),
    );
    if (mint.wrapped) console.log('(the token pool wrapped around: raise BENCH_TOKENS)');
  } finally {
    for (const gateway of running) await stopProcess(gateway.child);
    await stopProcess(subgraphs.child);
    mint.close();
  }

  async function drive(gateway: Running, duration: number): Promise<Omit<Sample, 'round'>> {
    let correct = 0;
    let wrong = 0;
    const cpuBefore = cpuSeconds(gateway.child.pid!);
    const coreBefore = cpu0Times();
    const started = process.hrtime.bigint();
    const result = await autocannon({
      url: gateway.url,
      connections,
      duration,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, authorization: mint.next() },
          }),
          onResponse: (status, text) => {
            const ok =
              status === 200 && (text === gateway.verified || isDeepStrictEqual(safeParse(text), expected));
            if (ok) correct += 1;
            else wrong += 1;
          },
        },
      ],
    });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = (cpuSeconds(gateway.child.pid!) - cpuBefore) / elapsed;
    const coreAfter = cpu0Times();
    const coreIdle = (coreAfter.idle - coreBefore.idle) / Math.max(1, coreAfter.total - coreBefore.total);
    return {
      gateway: gateway.name,
      correctPerSecond: Math.round((correct / elapsed) * 10) / 10,
      wrong,
      errors: result.errors + result.timeouts,
      p50: result.latency.p50,
      p99: result.latency.p99,
      cpu: Math.round(cpu * 100),
      perCpuSecond: Math.round(correct / (cpuSeconds(gateway.child.pid!) - cpuBefore)),
      coreIdle: Math.round(coreIdle * 100),
    };
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function printTable(samples: Sample[], gateways: Array<{ name: string; label: string; rss: number }>): void {
  const vanilla = samples.filter((s) => s.gateway === 'apollo');
  const vanillaRps = vanilla.length ? median(vanilla.map((s) => s.correctPerSecond)) : NaN;
  const range = (values: number[]) => `${Math.min(...values)}–${Math.max(...values)}`;
  console.log(
    '\n| gateway | correct responses/s (median; range) | p50 ms (median) | p99 ms (median; range) | peak RSS MiB | CPU % of its core | correct per CPU-second | wrong or failed | × vanilla |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const gateway of gateways) {
    const mine = samples.filter((s) => s.gateway === gateway.name);
    const rps = Math.round(median(mine.map((s) => s.correctPerSecond)) * 10) / 10;
    console.log(
      `| ${gateway.label} | ${rps} (${range(mine.map((s) => s.correctPerSecond))}) | ` +
        `${median(mine.map((s) => s.p50))} | ${median(mine.map((s) => s.p99))} (${range(mine.map((s) => s.p99))}) | ` +
        `${gateway.rss} | ${median(mine.map((s) => s.cpu))} | ${median(mine.map((s) => s.perCpuSecond))} | ` +
        `${mine.reduce((n, s) => n + s.wrong + s.errors, 0)} | ` +
        `${Number.isNaN(vanillaRps) ? '–' : (rps / vanillaRps).toFixed(2)} |`,
    );
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const child of liveProcesses) child.kill('SIGTERM');
  });
