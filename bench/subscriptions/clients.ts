/**
 * The load generator: BENCH_N graphql-ws clients (each with its own admin token in
 * `connection_init`), all subscribed to `ticks` (BENCH_DISTINCT distinct subscriptions,
 * client i on stream i % K). After a warm-up it measures a window of BENCH_SECONDS: every
 * event published in the window must reach every client (lost = expected - received, per
 * client seq gaps), latency = receipt - publishedAt (same machine clock), and the gateway's
 * CPU and memory from /proc/<BENCH_GATEWAY_PID>: memory per subscriber is the RSS the last
 * 95 % of the subscribers add to a gateway already serving the first 5 %. Prints the result
 * as one JSON line.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Client, createClient } from 'graphql-ws';
import { importJWK, SignJWT } from 'jose';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '@lattice/server-kit';
import WebSocket from 'ws';
import { BENCH_METRICS_TOKEN, type Shape, SUBSCRIPTIONS } from './schema';

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};
const gatewayUrl = env('BENCH_GATEWAY_URL').replace(/^http/, 'ws');
const gatewayPid = Number(env('BENCH_GATEWAY_PID'));
const subscribers = Number(env('BENCH_N'));
const distinct = Number(env('BENCH_DISTINCT', '1'));
const shape = env('BENCH_SHAPE', 'entity') as Shape;
const warmupSeconds = Number(env('BENCH_WARMUP_SECONDS', '5'));
const seconds = Number(env('BENCH_SECONDS', '20'));
const connectConcurrency = Number(env('BENCH_CONNECT_CONCURRENCY', '100'));
const WARM_FRACTION = 0.05;
const privateJwk = JSON.parse(env('BENCH_PRIVATE_JWK')) as Record<string, string>;

/** Latency histogram: 0.1 ms buckets up to 60 s. */
const BUCKET_MS = 0.1;
const histogram = new Uint32Array(600_000);
let overflow = 0;

interface Subscriber {
  client: Client;
  connected: boolean;
  lastSeq: number;
  inWindow: number;
  gaps: number;
  outOfOrder: number;
  errors: number;
}

const all: Subscriber[] = [];
let maxSeq = 0;
let windowFrom = Number.POSITIVE_INFINITY;
let windowTo = Number.POSITIVE_INFINITY;
let totalReceived = 0;
let errorEvents = 0;
let firstError: unknown;
let reconnects = 0;
let lastClose: string | undefined;

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function receive(subscriber: Subscriber, result: { data?: unknown; errors?: unknown }): void {
  const receivedAt = now();
  totalReceived += 1;
  const tick = (result.data as { ticks?: { seq: number; publishedAt: number } } | null)?.ticks;
  if (result.errors || !tick) {
    subscriber.errors += 1;
    errorEvents += 1;
    firstError ??= result.errors ?? result;
    if (!tick) return;
  }
  const { seq } = tick;
  if (seq > maxSeq) maxSeq = seq;
  if (subscriber.lastSeq !== 0) {
    if (seq <= subscriber.lastSeq) subscriber.outOfOrder += 1;
    else if (seq > subscriber.lastSeq + 1 && seq > windowFrom)
      subscriber.gaps += seq - subscriber.lastSeq - 1;
  }
  subscriber.lastSeq = Math.max(subscriber.lastSeq, seq);
  if (seq >= windowFrom && seq <= windowTo) {
    subscriber.inWindow += 1;
    const bucket = Math.floor((receivedAt - tick.publishedAt) / BUCKET_MS);
    if (bucket >= 0 && bucket < histogram.length) histogram[bucket]! += 1;
    else overflow += 1;
  }
}

async function connect(index: number, token: string): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const subscriber: Subscriber = {
      client: undefined as unknown as Client,
      connected: false,
      lastSeq: 0,
      inWindow: 0,
      gaps: 0,
      outOfOrder: 0,
      errors: 0,
    };
    subscriber.client = createClient({
      url: gatewayUrl,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      lazy: false,
      // As real clients do: a refused or dropped connection is retried (and counted).
      retryAttempts: 5,
      on: {
        connected: () => {
          subscriber.connected = true;
          resolve(subscriber);
        },
        closed: (event) => {
          reconnects += 1;
          lastClose ??= `${(event as { code?: number }).code} ${(event as { reason?: string }).reason}`;
          subscriber.connected = false;
        },
      },
    });
    subscriber.client.subscribe(
      { query: SUBSCRIPTIONS[shape], variables: { stream: index % distinct } },
      {
        next: (result) => receive(subscriber, result),
        error: (error) => {
          reject(new Error(`client ${index} failed: ${lastClose}`));
          subscriber.errors += 1;
          errorEvents += 1;
          firstError ??= error;
        },
        complete: () => {},
      },
    );
  });
}

interface ProcStat {
  cpuSeconds: number;
  rssKb: number;
  hwmKb: number;
}

function gatewayStat(): ProcStat {
  const stat = readFileSync(`/proc/${gatewayPid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks.
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / 100;
  const status = readFileSync(`/proc/${gatewayPid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { cpuSeconds, rssKb: kb('VmRSS'), hwmKb: kb('VmHWM') };
}

/** Seconds the process's main thread spent runnable but waiting for a CPU (others' load). */
function runQueueWait(pid: number | 'self'): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]) / 1e9;
}

function percentile(p: number, count: number): number {
  const rank = Math.ceil(count * p);
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i]!;
    if (seen >= rank) return (i + 1) * BUCKET_MS;
  }
  return Number.POSITIVE_INFINITY;
}

async function gatewayMetric(name: string): Promise<number> {
  const text = await (
    await fetch(gatewayUrl.replace(/^ws/, 'http').replace(/\/graphql$/, '/metrics'), {
      headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` },
    })
  ).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `) || l.startsWith(`${name}{`));
  return line ? Number(line.split(' ').pop()) : Number.NaN;
}

async function main(): Promise<void> {
  const key = await importJWK(privateJwk, 'EdDSA');
  const issuedAt = Math.floor(Date.now() / 1000);
  const tokens: string[] = [];
  for (let i = 0; i < subscribers; i++) {
    tokens.push(
      await new SignJWT({ role: 'admin', sid: randomUUID() })
        .setProtectedHeader({ alg: 'EdDSA', kid: 'bench' })
        .setSubject(`bench-admin-${i}`)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + 4 * 3600)
        .sign(key),
    );
  }

  const baseline = gatewayStat();
  reconnects = 0;
  const connectStart = now();
  const connectRange = async (first: number, last: number) => {
    for (let from = first; from < last; from += connectConcurrency) {
      const batch = [];
      for (let i = from; i < Math.min(last, from + connectConcurrency); i++)
        batch.push(connect(i, tokens[i]!));
      all.push(...(await Promise.all(batch)));
    }
  };
  // A first 5 % of the subscribers, and a few seconds of events, before the memory baseline:
  // what the others then add is what a subscriber costs, without the gateway's fixed costs
  // of fan-out (code compiled for the event path, the young generation paged in under the
  // event rate), which an idle gateway has not paid yet.
  const warm = Math.max(1, Math.round(subscribers * WARM_FRACTION));
  await connectRange(0, warm);
  const warmBy = now() + 30_000;
  while (all.some((s) => s.lastSeq === 0) && now() < warmBy) await sleep(100);
  await sleep(3_000);
  const warmRss: number[] = [];
  for (let i = 0; i < 3; i++) {
    warmRss.push(gatewayStat().rssKb);
    await sleep(500);
  }
  const rssWarm = warmRss.reduce((a, b) => a + b, 0) / warmRss.length;
  await connectRange(warm, subscribers);
  const connectSeconds = (now() - connectStart) / 1000;
  // Subscribed once an event arrived (graphql-ws does not acknowledge a subscribe).
  const subscribedBy = now() + 60_000;
  while (all.some((s) => s.lastSeq === 0) && now() < subscribedBy) await sleep(100);
  const subscribed = all.filter((s) => s.lastSeq !== 0).length;
  const reconnectsWhileConnecting = reconnects;
  const upstreams = await gatewayMetric('subscription_upstreams');

  await sleep(warmupSeconds * 1000);
  // This process holds every client (~16 KB each): a major GC of its heap during the window,
  // on the core it shares with the subgraphs, delays the receipt of one whole event by
  // hundreds of milliseconds and would be counted as the gateway's latency. Collecting just
  // before the window (with a young generation large enough that little is promoted during
  // it: see run.ts) keeps the next one out of the window.
  (globalThis as { gc?: () => void }).gc?.();
  const droppedBefore = await gatewayMetric('subscription_events_dropped_total');
  const withSubscribers: number[] = [];
  const start = gatewayStat();
  const waitStart = { gateway: runQueueWait(gatewayPid), load: runQueueWait('self') };
  const cpuStart = process.cpuUsage();
  const windowStart = now();
  windowFrom = maxSeq + 1;
  const receivedStart = totalReceived;
  for (let s = 0; s < seconds; s++) {
    await sleep(1000);
    withSubscribers.push(gatewayStat().rssKb);
  }
  windowTo = maxSeq;
  const windowEnd = now();
  const end = gatewayStat();
  const waitEnd = { gateway: runQueueWait(gatewayPid), load: runQueueWait('self') };
  const cpu = process.cpuUsage(cpuStart);
  const receivedInWindowTime = totalReceived - receivedStart;
  // Events of the window still on their way: every client has them once its last seq passed windowTo.
  const drainBy = now() + 10_000;
  while (all.some((s) => s.lastSeq < windowTo) && now() < drainBy) await sleep(50);
  const droppedAfter = await gatewayMetric('subscription_events_dropped_total');

  const wall = (windowEnd - windowStart) / 1000;
  const published = windowTo - windowFrom + 1;
  const expected = published * subscribers;
  const received = all.reduce((sum, s) => sum + s.inWindow, 0);
  const rssWith = withSubscribers.reduce((a, b) => a + b, 0) / withSubscribers.length;
  const final = gatewayStat();
  console.log(
    JSON.stringify({
      subscribers,
      subscribed,
      upstreams,
      connectSeconds,
      reconnectsWhileConnecting,
      reconnects: reconnects - reconnectsWhileConnecting,
      lastClose,
      windowSeconds: wall,
      published,
      expected,
      received,
      lost: expected - received,
      gaps: all.reduce((sum, s) => sum + s.gaps, 0),
      outOfOrder: all.reduce((sum, s) => sum + s.outOfOrder, 0),
      errorEvents,
      firstError: firstError === undefined ? undefined : JSON.stringify(firstError).slice(0, 300),
      gatewayDropped: droppedAfter - droppedBefore,
      deliveredPerSecond: receivedInWindowTime / wall,
      p50: percentile(0.5, received),
      p99: percentile(0.99, received),
      max: percentile(1, received),
      overflow,
      gatewayCpuPercent: ((end.cpuSeconds - start.cpuSeconds) / wall) * 100,
      gatewayWaitPercent: ((waitEnd.gateway - waitStart.gateway) / wall) * 100,
      loadWaitPercent: ((waitEnd.load - waitStart.load) / wall) * 100,
      loadCpuPercent: ((cpu.user + cpu.system) / 1e6 / wall) * 100,
      rssBaselineKb: baseline.rssKb,
      rssWithKb: rssWith,
      rssWarmKb: rssWarm,
      kbPerSubscriber: (rssWith - rssWarm) / (subscribers - warm),
      hwmKb: final.hwmKb,
    }),
  );
  await Promise.all(all.map((s) => s.client.dispose()));
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
