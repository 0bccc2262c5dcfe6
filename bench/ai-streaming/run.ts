/**
 * Streamed chat replies through the gateway: AI_BENCH_STREAMS (200) users, each with a
 * conversation and an open `messageStream` subscription (graphql-ws, through the gateway), send
 * `sendMessage` at once; the time from each mutation to the first delta on its subscription is
 * set against the same number of streamed chat completions asked of the provider directly (the
 * baseline), in the same run. The provider is the OpenAI simulator in its own process, at a
 * fixed pace (AI_BENCH_FIRST_TOKEN_MS before the first token, AI_BENCH_PER_TOKEN_MS between
 * tokens, replies of AI_BENCH_TOKENS tokens). Prints p50/p99/max of both, what Lattice adds,
 * and whether the p99 it adds is under 20 ms. AI_BENCH_RAMP_MS spreads the requests (both
 * sides) evenly over that many milliseconds instead. See README.md beside this file.
 *   npm run bench:ai-streaming   (AI_BENCH_STREAMS, AI_BENCH_FIRST_TOKEN_MS, AI_BENCH_PER_TOKEN_MS,
 *                                 AI_BENCH_TOKENS, AI_BENCH_RAMP_MS; DATABASE_URL, default
 *                                 postgres://postgres@127.0.0.1:5432/postgres)
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import type { Client } from 'graphql-ws';
import { readSubgraphManifest } from '@lattice/manifest';
import { createTestDatabase, type TestDatabase, wsClient } from '@lattice/testkit';
import { liveProcesses, multiCore, startPinned, stopProcess } from '../pinned-process';

const STREAMS = Number(process.env.AI_BENCH_STREAMS ?? 200);
const FIRST_TOKEN_MS = Number(process.env.AI_BENCH_FIRST_TOKEN_MS ?? 50);
const PER_TOKEN_MS = Number(process.env.AI_BENCH_PER_TOKEN_MS ?? 10);
const TOKENS = Number(process.env.AI_BENCH_TOKENS ?? 50);
/** Spread the requests evenly over this many milliseconds instead of sending them all at once (0). */
const RAMP_MS = Number(process.env.AI_BENCH_RAMP_MS ?? 0);
/** What Lattice may add to the time to first delta, at p99. */
const TARGET_MS = 20;
/** Registrations in flight at once (argon2: the serving process's core does them). */
const REGISTER_CONCURRENCY = 8;
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const ROOT = join(__dirname, '..', '..');
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

if (!(Number.isInteger(STREAMS) && STREAMS >= 1)) throw new Error('AI_BENCH_STREAMS must be an integer ≥ 1');
if (!(Number.isInteger(TOKENS) && TOKENS >= 6)) throw new Error('AI_BENCH_TOKENS must be an integer ≥ 6');
if (!(FIRST_TOKEN_MS >= 0 && PER_TOKEN_MS >= 0 && RAMP_MS >= 0))
  throw new Error('AI_BENCH_FIRST_TOKEN_MS, AI_BENCH_PER_TOKEN_MS and AI_BENCH_RAMP_MS must be ≥ 0');

function supergraph(): string {
  const services = readSubgraphManifest()
    .filter(({ name }) => name === 'identity' || name === 'ai')
    .map(({ name, dir }) => ({
      name,
      url: `http://${name}.invalid/graphql`,
      typeDefs: parse(readFileSync(join(dir, 'schema.graphql'), 'utf8')),
    }));
  const result = composeServices(services);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits for request `i`'s turn: none when all go at once, else evenly over RAMP_MS. */
const turn = (i: number) => (RAMP_MS > 0 ? sleep((i * RAMP_MS) / STREAMS) : Promise.resolve());
const now = () => performance.now();
/** A time of `performance.now()` as milliseconds since the epoch (the simulator's clock). */
const epochOf = (time: number) => performance.timeOrigin + time;

/**
 * What stream `i` of round `round` says: the simulator echoes it (`You said: …`), so the reply
 * is `TOKENS` tokens (`You`, ` said`, `:`, the two tags, then words), and the request is known
 * by it in the simulator's log.
 */
const contentOf = (round: string, i: number) => `u${i} ${round} ${'word '.repeat(TOKENS - 5).trim()}`;
const replyOf = (content: string) => `You said: ${content}`;

// --- Processes seen from /proc ---

/** User + system CPU seconds of a process, all its threads. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
}

/**
 * Seconds the threads of a process spent runnable but waiting for a CPU (`/proc/<pid>/task/<tid>/schedstat`,
 * its second field): on a shared machine, how much of its core other processes took.
 */
function waitSeconds(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[1]);
    } catch {
      // the thread ended
    }
  }
  return ns / 1e9;
}

// --- The simulator, in a process of its own ---

interface Simulator {
  url: string;
  pid: number;
  child: ChildProcess;
}

/** The simulator's own command line (packages/openai-simulator/src/main.ts), pinned to `cpu`, on a free port. */
async function startSimulator(cpu: string): Promise<Simulator> {
  const args = [
    '--conditions=lattice-source',
    '--import',
    'tsx',
    join(ROOT, 'packages/openai-simulator/src/main.ts'),
  ];
  const child = spawn(
    multiCore ? 'taskset' : process.execPath,
    multiCore ? ['-c', cpu, process.execPath, ...args] : args,
    {
      cwd: join(ROOT, 'packages/openai-simulator'),
      env: { ...process.env, OPENAI_SIMULATOR_PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  liveProcesses.add(child);
  child.once('exit', () => liveProcesses.delete(child));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the OpenAI simulator exited with ${code}`)));
    // Its first line says where it listens; then a line per request, read and dropped.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const found = /OpenAI simulator on (http:\/\/\S+)\/v1/.exec(line);
      if (found) resolve(found[1]!);
      else if (process.env.BENCH_CHILD_OUTPUT) console.error(`[simulator] ${line}`);
    });
  });
  return { url, pid: child.pid!, child };
}

async function control(simulator: Simulator, path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${simulator.url}/_simulator/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`simulator ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** A fresh request log, and the pace of every reply. */
async function prepareSimulator(simulator: Simulator): Promise<void> {
  await control(simulator, 'reset', {});
  await control(simulator, 'delay', { firstTokenMs: FIRST_TOKEN_MS, perTokenMs: PER_TOKEN_MS });
}

/** When each chat completion arrived at the simulator (ms since the epoch), by its last user message. */
async function arrivals(simulator: Simulator): Promise<Map<string, number>> {
  const { data } = (await control(simulator, 'requests')) as {
    data: Array<{ kind: string; at: number; body: { messages?: Array<{ role: string; content: unknown }> } }>;
  };
  const byContent = new Map<string, number>();
  for (const request of data) {
    if (request.kind !== 'POST /v1/chat/completions') continue;
    const last = request.body.messages?.filter((message) => message.role === 'user').at(-1);
    if (typeof last?.content === 'string') byContent.set(last.content, request.at);
  }
  return byContent;
}

// --- One stream's figures ---

interface Timing {
  /** Milliseconds from the request (the mutation, or the chat completion) to: */
  firstDelta?: number;
  lastEvent?: number;
  /** the simulator's receipt of the chat completion (its clock, ms resolution), */
  providerArrival?: number;
  /** the mutation's answer (Lattice only). */
  answered?: number;
  error?: string;
}

interface Round {
  timings: Timing[];
  seconds: number;
  servingCpuPercent?: number;
  /** Time the serving process was ready to run but waited for a CPU, in % of the round. */
  servingWaitPercent?: number;
  simulatorCpuPercent: number;
  runnerCpuPercent: number;
}

/** Reads the CPU time of the processes around a round. */
async function measured(
  simulator: Simulator,
  servingPid: number | undefined,
  run: () => Promise<Timing[]>,
): Promise<Round> {
  const servingBefore = servingPid ? cpuSeconds(servingPid) : 0;
  const waitBefore = servingPid ? waitSeconds(servingPid) : 0;
  const simulatorBefore = cpuSeconds(simulator.pid);
  const runnerBefore = process.cpuUsage();
  const started = now();
  const timings = await run();
  const seconds = (now() - started) / 1000;
  const runner = process.cpuUsage(runnerBefore);
  const percent = (cpu: number) => (100 * cpu) / seconds;
  return {
    timings,
    seconds,
    servingCpuPercent: servingPid ? percent(cpuSeconds(servingPid) - servingBefore) : undefined,
    servingWaitPercent: servingPid ? percent(waitSeconds(servingPid) - waitBefore) : undefined,
    simulatorCpuPercent: percent(cpuSeconds(simulator.pid) - simulatorBefore),
    runnerCpuPercent: percent((runner.user + runner.system) / 1e6),
  };
}

/** Fills in when each stream's request reached the simulator. */
async function addArrivals(simulator: Simulator, round: string, timings: Timing[], sentAt: number[]) {
  const arrived = await arrivals(simulator);
  timings.forEach((timing, i) => {
    const at = arrived.get(contentOf(round, i));
    if (at !== undefined) timing.providerArrival = at - epochOf(sentAt[i]!);
  });
}

// --- The baseline: streamed chat completions straight to the simulator ---

/** One streamed completion over fetch, its server-sent events parsed as they come. */
async function completion(simulator: Simulator, content: string, sentAt: number): Promise<Timing> {
  const timing: Timing = {};
  const response = await fetch(`${simulator.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
    body: JSON.stringify({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content }],
      stream: true,
      stream_options: { include_usage: true },
    }),
  });
  if (!response.ok || !response.body) throw new Error(`chat completion: ${response.status}`);
  const decoder = new TextDecoder();
  let buffered = '';
  let text = '';
  let done = false;
  for await (const bytes of response.body) {
    buffered += decoder.decode(bytes as Uint8Array, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const event = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      if (!event.startsWith('data: ')) continue;
      const data = event.slice('data: '.length);
      if (data === '[DONE]') {
        done = true;
        continue;
      }
      const chunk = JSON.parse(data) as { choices: Array<{ delta?: { content?: string } }> };
      const delta = chunk.choices[0]?.delta?.content;
      if (!delta) continue;
      timing.firstDelta ??= now() - sentAt;
      text += delta;
    }
  }
  timing.lastEvent = now() - sentAt;
  if (!done) timing.error = 'no [DONE]';
  else if (text !== replyOf(content)) timing.error = 'the deltas do not make the reply';
  return timing;
}

async function baselineRound(simulator: Simulator, round: string): Promise<Round> {
  await prepareSimulator(simulator);
  const sentAt: number[] = [];
  const result = await measured(simulator, undefined, () =>
    Promise.all(
      Array.from({ length: STREAMS }, async (_, i) => {
        await turn(i);
        sentAt[i] = now();
        return completion(simulator, contentOf(round, i), sentAt[i]).catch((error: unknown): Timing => ({
          error: String(error),
        }));
      }),
    ),
  );
  await addArrivals(simulator, round, result.timings, sentAt);
  return result;
}

// --- Through Lattice ---

async function graphql(gateway: string, query: string, variables: unknown, token?: string): Promise<any> {
  const response = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await response.json()) as { data?: any; errors?: unknown };
  if (json.errors) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

const REGISTER = 'mutation ($i: RegisterInput!) { register(input: $i) { accessToken } }';
const CREATE_CONVERSATION =
  'mutation ($input: CreateConversationInput!) { createConversation(input: $input) { id } }';
const SEND =
  'mutation ($id: ID!, $content: String!) { sendMessage(conversationId: $id, content: $content) { id status } }';
const STREAM =
  'subscription ($id: ID!) { messageStream(conversationId: $id) { messageId offset delta message { id status } } }';

interface StreamEvent {
  messageId: string;
  offset: number;
  delta: string;
  message: { id: string; status: string } | null;
}

/** What one user's subscription receives during a round. */
interface Watch {
  events: Array<{ at: number; event: StreamEvent }>;
  errors: string[];
  ended: () => void;
}

interface User {
  token: string;
  conversationId: string;
  client: Client;
  watch?: Watch;
}

/** Runs `task` over `items`, `concurrency` at a time. */
async function inBatches<T, R>(items: T[], concurrency: number, task: (item: T, i: number) => Promise<R>) {
  const results: R[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]!, i);
      }
    }),
  );
  return results;
}

/** Registers the users, makes their conversations and opens their subscriptions (outside any measurement). */
async function prepareUsers(gateway: string): Promise<User[]> {
  const run = randomBytes(4).toString('hex');
  const started = now();
  const tokens = await inBatches(Array.from({ length: STREAMS }), REGISTER_CONCURRENCY, async (_, i) => {
    const { register } = await graphql(gateway, REGISTER, {
      i: { email: `ai-bench-${run}-${i}@example.com`, password: 'bench password 1' },
    });
    return register.accessToken as string;
  });
  console.error(`  ${STREAMS} users registered in ${((now() - started) / 1000).toFixed(1)} s`);
  const users = await inBatches(tokens, 20, async (token): Promise<User> => {
    const { createConversation } = await graphql(gateway, CREATE_CONVERSATION, { input: {} }, token);
    let connected!: () => void;
    const open = new Promise<void>((resolve) => (connected = resolve));
    const client = wsClient(gateway, token, { on: { connected: () => connected() } });
    const user: User = { token, conversationId: createConversation.id as string, client };
    client.subscribe<{ messageStream: StreamEvent }>(
      { query: STREAM, variables: { id: user.conversationId } },
      {
        next: (result) => {
          const watch = user.watch;
          if (!watch) return;
          if (result.errors?.length) watch.errors.push(JSON.stringify(result.errors));
          const event = result.data?.messageStream;
          if (!event) return;
          watch.events.push({ at: now(), event });
          if (event.message) watch.ended();
        },
        error: (error) => user.watch?.errors.push(`subscription ended: ${String(error)}`),
        complete: () => user.watch?.errors.push('subscription completed'),
      },
    );
    await open;
    return user;
  });
  return users;
}

/** Checks what one subscription received for `messageId`; the timings, or what is wrong. */
function check(watch: Watch, messageId: string, content: string, sentAt: number, timing: Timing): void {
  if (watch.errors.length) return void (timing.error = watch.errors[0]);
  let text = '';
  for (const { at, event } of watch.events) {
    if (event.messageId !== messageId) return void (timing.error = `an event of message ${event.messageId}`);
    if (event.offset !== text.length)
      return void (timing.error = `offset ${event.offset} after ${text.length} characters`);
    if (event.delta) timing.firstDelta ??= at - sentAt;
    text += event.delta;
    if (event.message) {
      timing.lastEvent = at - sentAt;
      if (event.message.id !== messageId || event.message.status !== 'COMPLETE')
        return void (timing.error = `ended ${event.message.status}`);
    }
  }
  if (timing.lastEvent === undefined) timing.error = 'no final event';
  else if (text !== replyOf(content)) timing.error = 'the deltas do not make the reply';
}

async function latticeRound(
  simulator: Simulator,
  gateway: string,
  servingPid: number,
  users: User[],
  round: string,
): Promise<Round> {
  await prepareSimulator(simulator);
  const timeoutMs = 60_000 + FIRST_TOKEN_MS + TOKENS * PER_TOKEN_MS;
  const sentAt: number[] = [];
  const result = await measured(simulator, servingPid, async () => {
    const ends = users.map((user) => {
      const watch: Watch = { events: [], errors: [], ended: () => undefined };
      const ended = new Promise<void>((resolve) => (watch.ended = resolve));
      user.watch = watch;
      return ended;
    });
    const sends = users.map(async (user, i) => {
      const timing: Timing = {};
      await turn(i);
      sentAt[i] = now();
      return graphql(
        gateway,
        SEND,
        { id: user.conversationId, content: contentOf(round, i) },
        user.token,
      ).then(
        ({ sendMessage }) => {
          timing.answered = now() - sentAt[i]!;
          return { timing, messageId: sendMessage.id as string };
        },
        (error: unknown) => ({ timing: { error: `sendMessage: ${String(error)}` }, messageId: '' }),
      );
    });
    const answers = await Promise.all(sends);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(ends.filter((_, i) => answers[i]!.messageId)),
      new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
    return answers.map(({ timing, messageId }, i) => {
      if (messageId) check(users[i]!.watch!, messageId, contentOf(round, i), sentAt[i]!, timing);
      return timing;
    });
  });
  for (const user of users) user.watch = undefined;
  await addArrivals(simulator, round, result.timings, sentAt);
  return result;
}

// --- Figures ---

/** Nearest-rank percentile of ascending `sorted`. */
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

function summary(values: Array<number | undefined>) {
  const sorted = values.filter((value): value is number => value !== undefined).sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    n: sorted.length,
  };
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');
const cells = (s: ReturnType<typeof summary>) => `${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)}`;

function errorsOf(round: Round): { count: number; first?: string } {
  const failed = round.timings.filter((timing) => timing.error);
  return { count: failed.length, first: failed[0]?.error };
}

function report(
  baseline: Round,
  lattice: Round,
  servingPid: number,
  load: { before: number[]; after: number[] },
) {
  const first = {
    baseline: summary(baseline.timings.map((t) => t.firstDelta)),
    lattice: summary(lattice.timings.map((t) => t.firstDelta)),
  };
  const last = {
    baseline: summary(baseline.timings.map((t) => t.lastEvent)),
    lattice: summary(lattice.timings.map((t) => t.lastEvent)),
  };
  const errors = { baseline: errorsOf(baseline), lattice: errorsOf(lattice) };
  const added = { p50: first.lattice.p50 - first.baseline.p50, p99: first.lattice.p99 - first.baseline.p99 };
  const pinning = multiCore
    ? `serving process (identity + ai + gateway, pid ${servingPid}) pinned to CPU 0; simulator on CPU ${cpus().length - 1}; client on ${cpus().length > 2 ? `CPUs 1–${cpus().length - 1}` : 'CPU 1'}`
    : 'one CPU for everything';
  console.log(
    `\n${STREAMS} streamed replies ${RAMP_MS > 0 ? `sent evenly over ${RAMP_MS} ms` : 'at once'}, ${TOKENS} tokens each, simulator pace ${FIRST_TOKEN_MS} ms to the first token then ${PER_TOKEN_MS} ms per token; ` +
      `node ${process.version}; ${pinning}; load average ${load.before.map((l) => l.toFixed(2)).join(' ')} before, ${load.after.map((l) => l.toFixed(2)).join(' ')} after`,
  );
  console.log(
    '\n| path | streams ok | first delta p50 ms | p99 | max | last event p50 ms | p99 | max | errors | round s | serving CPU % | serving waited for a CPU % | simulator CPU % | client CPU % |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const row = (name: string, round: Round, which: 'baseline' | 'lattice') =>
    console.log(
      `| ${name} | ${STREAMS - errors[which].count}/${STREAMS} | ${cells(first[which])} | ${cells(last[which])} | ${errors[which].count} | ${round.seconds.toFixed(1)} | ${round.servingCpuPercent === undefined ? '—' : round.servingCpuPercent.toFixed(0)} | ${round.servingWaitPercent === undefined ? '—' : round.servingWaitPercent.toFixed(0)} | ${round.simulatorCpuPercent.toFixed(0)} | ${round.runnerCpuPercent.toFixed(0)} |`,
    );
  row('baseline: POST /v1/chat/completions to the simulator (fetch, SSE)', baseline, 'baseline');
  row('Lattice: sendMessage → messageStream (gateway, graphql-ws)', lattice, 'lattice');
  console.log(
    `| added by Lattice (percentile minus percentile) | | ${ms(added.p50)} | ${ms(added.p99)} | ${ms(first.lattice.max - first.baseline.max)} | ${ms(last.lattice.p50 - last.baseline.p50)} | ${ms(last.lattice.p99 - last.baseline.p99)} | ${ms(last.lattice.max - last.baseline.max)} | | | | | | |`,
  );
  for (const [which, { first: message }] of Object.entries(errors))
    if (message) console.log(`\nfirst ${which} error: ${message}`);

  const arrival = {
    baseline: summary(baseline.timings.map((t) => t.providerArrival)),
    lattice: summary(lattice.timings.map((t) => t.providerArrival)),
  };
  const afterArrival = (round: Round) =>
    summary(
      round.timings.map((t) =>
        t.firstDelta !== undefined && t.providerArrival !== undefined
          ? t.firstDelta - t.providerArrival
          : undefined,
      ),
    );
  console.log(
    '\nwhere the time to first delta goes (ms, p50 | p99 | max; the simulator stamps arrivals to the millisecond)\n',
  );
  console.log(
    '| path | request → simulator has it p50 | p99 | max | simulator has it → first delta at the client p50 | p99 | max | mutation answered p50 | p99 | max |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  console.log(`| baseline | ${cells(arrival.baseline)} | ${cells(afterArrival(baseline))} | — | — | — |`);
  console.log(
    `| Lattice | ${cells(arrival.lattice)} | ${cells(afterArrival(lattice))} | ${cells(summary(lattice.timings.map((t) => t.answered)))} |`,
  );
  console.log(
    `\nserving CPU per reply (user + system over the round, divided by ${STREAMS}): ${ms(((lattice.servingCpuPercent ?? NaN) * lattice.seconds * 10) / STREAMS)} ms` +
      `\np99 added to the time to first delta: ${ms(added.p99)} ms (p50 ${ms(added.p50)} ms) — target under ${TARGET_MS} ms: ${added.p99 < TARGET_MS ? 'met' : 'NOT met'}` +
      `${errors.baseline.count + errors.lattice.count ? `; ${errors.lattice.count} Lattice and ${errors.baseline.count} baseline streams failed` : '; every reply complete, deltas in order'}`,
  );
}

// --- The run ---

const resources: {
  work?: string;
  database?: TestDatabase;
  serving?: ChildProcess;
  simulator?: ChildProcess;
  clients: Client[];
} = { clients: [] };
let cleaning: Promise<void> | undefined;

/** Closes the clients, stops both processes, drops the database, removes the folder: once, on success or failure. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    const { clients, serving, simulator, database, work } = resources;
    await Promise.allSettled(clients.map((client) => client.dispose()));
    for (const child of [serving, simulator]) {
      if (!child) continue;
      const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await stopProcess(child);
      clearTimeout(kill);
    }
    if (database)
      await database.drop().catch((error: unknown) => console.error('database not dropped:', error));
    if (work) rmSync(work, { recursive: true, force: true });
  })();
  return cleaning;
}

async function main(): Promise<void> {
  // The serving process gets CPU 0; this one (the clients) the others, the simulator the last.
  if (multiCore) {
    await new Promise((resolve) =>
      spawn('taskset', ['-a', '-cp', `1-${cpus().length - 1}`, String(process.pid)], {
        stdio: 'ignore',
      }).once('exit', resolve),
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'lattice-ai-bench-'));
  resources.work = work;
  const storageDir = join(work, 'storage');
  mkdirSync(storageDir);
  const supergraphPath = join(work, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraph());

  const simulator = await startSimulator(String(cpus().length - 1));
  resources.simulator = simulator.child;
  resources.database = await createTestDatabase();
  const served = await startPinned(__dirname, 'serve.ts', '0', {
    DATABASE_URL: resources.database.url,
    BENCH_SUPERGRAPH_PATH: supergraphPath,
    OPENAI_SIMULATOR_URL: simulator.url,
    STORAGE_DIR: storageDir,
    REDIS_URL: '', // the in-process bus: nothing else shares this lattice
  });
  resources.serving = served.child;
  const gateway = String(served.info.gateway);
  const servingPid = Number(served.info.pid);

  console.error(`preparing ${STREAMS} users (register, a conversation each, an open messageStream)…`);
  const users = await prepareUsers(gateway);
  resources.clients = users.map((user) => user.client);

  console.error('warm-up: a round through Lattice and one straight to the simulator (not reported)…');
  const warmLattice = await latticeRound(simulator, gateway, servingPid, users, 'warm');
  const warmBaseline = await baselineRound(simulator, 'warm');
  for (const [name, round] of [
    ['Lattice', warmLattice],
    ['baseline', warmBaseline],
  ] as const) {
    const { count, first } = errorsOf(round);
    if (count) console.error(`  warm-up ${name}: ${count} streams failed, e.g. ${first}`);
  }
  await sleep(1_000);

  const load = { before: loadavg(), after: [] as number[] };
  console.error(`baseline: ${STREAMS} streamed chat completions straight to the simulator…`);
  const baseline = await baselineRound(simulator, 'base');
  await sleep(1_000);
  console.error(
    `Lattice: ${STREAMS} sendMessage ${RAMP_MS > 0 ? `over ${RAMP_MS} ms` : 'at once'}, replies on their subscriptions…`,
  );
  // BENCH_PROFILE_DIR: the serving process profiles this round (see serve.ts).
  const profiling = process.env.BENCH_PROFILE_DIR;
  if (profiling) process.kill(servingPid, 'SIGUSR2');
  const lattice = await latticeRound(simulator, gateway, servingPid, users, 'lat');
  load.after = loadavg();
  if (profiling) {
    process.kill(servingPid, 'SIGUSR2');
    await sleep(2_000);
    console.error(`profile of the Lattice round in ${profiling} (serving.cpuprofile, sql.json)`);
  }
  report(baseline, lattice, servingPid, load);
}

process.once('SIGINT', () => {
  void cleanup().finally(() => process.exit(130));
});
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => cleanup());
