/**
 * Issuing invoices through the gateway: `issueInvoice` of typed drafts of INVOICING_BENCH_LINES
 * (10) lines, next to `createInvoiceDraft` of the same drafts (the baseline: the same gateway,
 * authentication and transaction path, without the number, the PDF and its storage), in the
 * same run. Two shapes, each a baseline round then an issue round, INVOICING_BENCH_ROUNDS (3)
 * times: (a) INVOICING_BENCH_USERS (100) users issuing one draft each, all at once; (b) one
 * user issuing INVOICING_BENCH_BURST (20) drafts at once (they queue on that user's numbering
 * row by design: the spread is reported). Prints p50/p99/max latency, throughput per second and
 * the serving process's CPU per request, what issuing adds (percentile minus percentile), and
 * renderInvoicePdf timed in this process for 1, 10 and 100 lines (p50/p90 ms, PDF bytes) with
 * its share of an issue's CPU. Checks every answer and that the numbers have no gap and no
 * repeat. The serving process (identity, accounts, media, ai on its own OpenAI simulator,
 * invoicing and the gateway) is this same file run with INVOICING_BENCH_SERVE=1, pinned to CPU 0.
 * See README.md beside this file.
 *   npm run bench:invoicing-issue   (INVOICING_BENCH_USERS, INVOICING_BENCH_BURST,
 *     INVOICING_BENCH_ROUNDS, INVOICING_BENCH_LINES, INVOICING_BENCH_PDF_RUNS; DATABASE_URL,
 *     default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { startLattice } from '@lattice/all-in-one';
import { readSubgraphManifest } from '@lattice/manifest';
import { createLogger } from '@lattice/server-kit';
import { createTestDatabase, type TestDatabase } from '@lattice/testkit';
import { Invoice } from '../../subgraphs/invoicing/src/entities';
import { computeDraft, type DraftContent } from '../../subgraphs/invoicing/src/service/draft-content';
import { renderInvoicePdf } from '../../subgraphs/invoicing/src/service/pdf';
import { multiCore, startPinned, stopProcess } from '../pinned-process';

const USERS = Number(process.env.INVOICING_BENCH_USERS ?? 100);
const BURST = Number(process.env.INVOICING_BENCH_BURST ?? 20);
const ROUNDS = Number(process.env.INVOICING_BENCH_ROUNDS ?? 3);
const LINES = Number(process.env.INVOICING_BENCH_LINES ?? 10);
const PDF_RUNS = Number(process.env.INVOICING_BENCH_PDF_RUNS ?? 50);
/** Renders of each size not counted before the timed ones. */
const PDF_WARMUP = 10;
/** Line counts renderInvoicePdf is timed at, in this process. */
const PDF_SIZES = [1, 10, 100];
/** Registrations in flight at once (argon2: the serving process's core does them). */
const REGISTER_CONCURRENCY = 8;
/** The pause after each round: the events of the issues (media stores the PDFs, accounts learns the clients) settle. */
const PAUSE_MS = 1_500;
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const SUBGRAPHS = ['identity', 'accounts', 'media', 'ai', 'invoicing'];
process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/postgres';

if (!(
  Number.isInteger(USERS) &&
  USERS >= 1 &&
  Number.isInteger(BURST) &&
  BURST >= 1 &&
  Number.isInteger(ROUNDS) &&
  ROUNDS >= 1 &&
  Number.isInteger(LINES) &&
  LINES >= 1 &&
  LINES <= 100 &&
  Number.isInteger(PDF_RUNS) &&
  PDF_RUNS >= 1
))
  throw new Error(
    'INVOICING_BENCH_USERS, INVOICING_BENCH_BURST, INVOICING_BENCH_ROUNDS and INVOICING_BENCH_PDF_RUNS must be integers ≥ 1, INVOICING_BENCH_LINES from 1 to 100',
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.now();

// --- The serving process (this file with INVOICING_BENCH_SERVE=1) ---

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

/**
 * Identity, accounts, media, ai and invoicing behind a gateway, all in this one process, over
 * DATABASE_URL; files (the PDFs) under STORAGE_DIR. Prints `{"gateway", "pid"}` as one JSON
 * line on stdout (logs go to stderr); stops on SIGTERM.
 */
async function serve(): Promise<void> {
  const lattice = await startLattice({
    databaseUrl: required('DATABASE_URL'),
    gatewayPort: 0,
    subgraphPorts: 'random',
    logLevel: 'warn',
    // On stderr: stdout's first JSON line is the one the runner waits for.
    logger: createLogger('lattice', 'warn', process.stderr),
    nodeEnv: 'production',
    supergraphPath: required('BENCH_SUPERGRAPH_PATH'),
    only: SUBGRAPHS.filter((name) => name !== 'identity'),
    env: {
      STORAGE_DIR: required('STORAGE_DIR'),
      // ai (which invoicing calls, for drafts from transcripts only: none here) on the OpenAI
      // simulator it starts itself on a free port; production refuses it unless asked for.
      OPENAI_SIMULATOR: 'true',
      // One user stores every PDF of (b): no storage limit on the free plan.
      PLANS: JSON.stringify({ free: { limits: { storageBytes: null, aiTokens: null } } }),
      // Every user registers and issues from one address: rate limits would measure themselves.
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

function supergraph(): string {
  const services = readSubgraphManifest()
    .filter(({ name }) => SUBGRAPHS.includes(name))
    .map(({ name, dir }) => ({
      name,
      url: `http://${name}.invalid/graphql`,
      typeDefs: parse(readFileSync(join(dir, 'schema.graphql'), 'utf8')),
    }));
  const result = composeServices(services);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}

// --- The drafts ---

/** A typed draft of `lines` lines, EUR, two tax rates, a client with every field. */
function draftOf(lines: number, tag: string): DraftContent {
  return {
    client: {
      name: `Zoë Café Ltd ${tag}`,
      email: 'accounts@cafe.example',
      address: '1 Rue de la Paix\n75002 Paris',
      taxId: 'FR12345678901',
    },
    currency: 'EUR',
    lines: Array.from({ length: lines }, (_, i) => ({
      description: `Espresso workshop, session ${i + 1}`,
      quantity: '1.5',
      unit: 'hour',
      unitPrice: `${80 + i}.50`,
      taxRate: i % 2 ? '5.5' : '20',
    })),
    notes: 'Payable by bank transfer within the terms.',
  };
}

// --- GraphQL through the gateway ---

const REGISTER = 'mutation ($i: RegisterInput!) { register(input: $i) { accessToken } }';
/** The same fields asked of both mutations. */
const FIELDS = 'id status number currency total issueDate dueDate';
const CREATE = `mutation ($input: InvoiceDraftInput!) { createInvoiceDraft(input: $input) { ${FIELDS} } }`;
const ISSUE = `mutation ($id: ID!) { issueInvoice(id: $id) { ${FIELDS} } }`;

interface Answer {
  id: string;
  status: string;
  number: string | null;
  total: string;
}

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

// --- The serving process seen from /proc ---

/** User + system CPU seconds of a process, all its threads. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS; // utime, stime
}

// --- Rounds ---

interface Call {
  ms?: number;
  answer?: Answer;
  error?: string;
}

interface Round {
  calls: Call[];
  seconds: number;
  /** CPU seconds of the serving process during the round. */
  servingCpu: number;
}

/** Sends every request at once (`send(i)`), timing each from its send to its parsed answer. */
async function round(
  servingPid: number,
  count: number,
  send: (i: number) => Promise<Answer>,
): Promise<Round> {
  const cpuBefore = cpuSeconds(servingPid);
  const started = now();
  const calls = await Promise.all(
    Array.from({ length: count }, async (_, i): Promise<Call> => {
      const sent = now();
      try {
        const answer = await send(i);
        return { ms: now() - sent, answer };
      } catch (error) {
        return { error: String(error).slice(0, 300) };
      }
    }),
  );
  const seconds = (now() - started) / 1000;
  return { calls, seconds, servingCpu: cpuSeconds(servingPid) - cpuBefore };
}

interface Shape {
  label: string;
  create: Round[];
  issue: Round[];
  /** What is wrong with the answers (wrong status, numbers repeated or with gaps). */
  problems: string[];
}

const sequenceOf = (number: string | null) => Number(/(\d+)$/.exec(number ?? '')?.[1] ?? NaN);

/**
 * One round of a shape: `owners[i]` creates draft i (all at once), then issues it (all at
 * once). Checks the answers: drafts, then ISSUED with a number; each owner's numbers in the
 * round consecutive (no gap, no repeat), following its last one.
 */
async function shapeRound(
  gateway: string,
  servingPid: number,
  owners: string[],
  tag: string,
  lastSequence: Map<string, number>,
  shape: Shape,
): Promise<void> {
  const create = await round(servingPid, owners.length, async (i) => {
    const { createInvoiceDraft } = await graphql(
      gateway,
      CREATE,
      { input: draftOf(LINES, `${tag}-${i}`) },
      owners[i],
    );
    return createInvoiceDraft as Answer;
  });
  await sleep(PAUSE_MS);
  const issue = await round(servingPid, owners.length, async (i) => {
    const draft = create.calls[i]!.answer;
    if (!draft) throw new Error('no draft to issue');
    const { issueInvoice } = await graphql(gateway, ISSUE, { id: draft.id }, owners[i]);
    return issueInvoice as Answer;
  });
  await sleep(PAUSE_MS);
  shape.create.push(create);
  shape.issue.push(issue);

  for (const call of create.calls)
    if (call.answer && (call.answer.status !== 'DRAFT' || call.answer.number !== null))
      shape.problems.push(`${tag}: a draft answered ${call.answer.status} ${call.answer.number}`);
  const byOwner = new Map<string, number[]>();
  issue.calls.forEach((call, i) => {
    if (!call.answer) return;
    if (call.answer.status !== 'ISSUED')
      return void shape.problems.push(`${tag}: issued answered ${call.answer.status}`);
    const owner = owners[i]!;
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), sequenceOf(call.answer.number)]);
  });
  for (const [owner, sequences] of byOwner) {
    const sorted = [...sequences].sort((a, b) => a - b);
    const first = (lastSequence.get(owner) ?? 0) + 1;
    if (sorted.some((sequence, k) => sequence !== first + k))
      shape.problems.push(`${tag}: numbers ${sorted.join(', ')} where ${first}… were due`);
    lastSequence.set(owner, Math.max(lastSequence.get(owner) ?? 0, ...sorted));
  }
}

// --- Figures ---

/** Nearest-rank percentile of ascending `sorted`. */
const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN;

function summary(rounds: Round[]) {
  const calls = rounds.flatMap((r) => r.calls);
  const sorted = calls
    .map((call) => call.ms)
    .filter((ms): ms is number => ms !== undefined)
    .sort((a, b) => a - b);
  const seconds = rounds.reduce((sum, r) => sum + r.seconds, 0);
  const cpu = rounds.reduce((sum, r) => sum + r.servingCpu, 0);
  return {
    requests: calls.length,
    ok: sorted.length,
    errors: calls.filter((call) => call.error).map((call) => call.error!),
    min: sorted[0] ?? NaN,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    /** Answers per second over the rounds' wall time (first send to last answer). */
    perSecond: sorted.length / seconds,
    seconds,
    cpuMsPerRequest: (1000 * cpu) / calls.length,
    cpuPercent: (100 * cpu) / seconds,
  };
}
type Summary = ReturnType<typeof summary>;

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');

function shapeTable(shape: Shape): { issue: Summary; create: Summary } {
  const create = summary(shape.create);
  const issue = summary(shape.issue);
  console.log(`\n${shape.label}, ${ROUNDS} round${ROUNDS > 1 ? 's' : ''}:\n`);
  console.log(
    '| path | ok | min ms | p50 ms | p99 ms | max ms | spread (max − min) ms | per s | rounds s | serving CPU ms per request | serving CPU % |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  const row = (name: string, s: Summary) =>
    console.log(
      `| ${name} | ${s.ok}/${s.requests} | ${ms(s.min)} | ${ms(s.p50)} | ${ms(s.p99)} | ${ms(s.max)} | ${ms(s.max - s.min)} | ${s.perSecond.toFixed(1)} | ${s.seconds.toFixed(2)} | ${ms(s.cpuMsPerRequest)} | ${s.cpuPercent.toFixed(0)} |`,
    );
  row('baseline: createInvoiceDraft', create);
  row('issueInvoice', issue);
  console.log(
    `| added by issuing (percentile minus percentile) | | ${ms(issue.min - create.min)} | ${ms(issue.p50 - create.p50)} | ${ms(issue.p99 - create.p99)} | ${ms(issue.max - create.max)} | | | | ${ms(issue.cpuMsPerRequest - create.cpuMsPerRequest)} | |`,
  );
  for (const [name, s] of [
    ['createInvoiceDraft', create],
    ['issueInvoice', issue],
  ] as const)
    if (s.errors.length) console.log(`\n${s.errors.length} ${name} failed, e.g. ${s.errors[0]}`);
  for (const problem of shape.problems.slice(0, 5)) console.log(`\nwrong: ${problem}`);
  return { issue, create };
}

interface PdfTiming {
  lines: number;
  runs: number;
  p50: number;
  p90: number;
  bytes: number;
}

/** An issued invoice of `lines` lines, as issueInvoice renders it (no logo: the users have none). */
function issuedOf(lines: number): Invoice {
  const draft = computeDraft(draftOf(lines, 'pdf'), '2026-12-02');
  return Object.assign(new Invoice(), {
    ...draft,
    ownerId: '00000000-0000-4000-8000-000000000001',
    status: 'ISSUED',
    number: 'INV-2026-0042',
    issueDate: '2026-12-02',
    dueDate: '2027-01-01',
    seller: { companyName: null, address: null, taxId: null },
  });
}

/**
 * renderInvoicePdf in this process at each of `sizes` lines, the sizes taking turns (so that
 * they share the machine's moods): PDF_WARMUP renders of each not counted, then PDF_RUNS each.
 */
async function timePdfs(sizes: number[]): Promise<PdfTiming[]> {
  const invoices = sizes.map(issuedOf);
  for (let i = 0; i < PDF_WARMUP; i += 1) for (const invoice of invoices) await renderInvoicePdf(invoice);
  const times = sizes.map((): number[] => []);
  const bytes = sizes.map(() => 0);
  for (let i = 0; i < PDF_RUNS; i += 1)
    for (const [k, invoice] of invoices.entries()) {
      const started = now();
      const pdf = await renderInvoicePdf(invoice);
      times[k]!.push(now() - started);
      bytes[k] = pdf.length;
    }
  return sizes.map((lines, k) => {
    const sorted = times[k]!.sort((a, b) => a - b);
    return {
      lines,
      runs: PDF_RUNS,
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      bytes: bytes[k]!,
    };
  });
}

// --- The run ---

const resources: { work?: string; database?: TestDatabase; serving?: ChildProcess } = {};
let cleaning: Promise<void> | undefined;

/** Stops the serving process, drops the database, removes the folder: once, on success or failure. */
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    const { serving, database, work } = resources;
    if (serving) {
      const kill = setTimeout(() => serving.kill('SIGKILL'), 15_000);
      await stopProcess(serving);
      clearTimeout(kill);
    }
    if (database)
      await database.drop().catch((error: unknown) => console.error('database not dropped:', error));
    if (work) rmSync(work, { recursive: true, force: true });
  })();
  return cleaning;
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  // The serving process gets CPU 0; this one (the clients, the PDF timings) the others.
  if (multiCore) {
    await new Promise((resolve) =>
      spawn('taskset', ['-a', '-cp', `1-${cpus().length - 1}`, String(process.pid)], {
        stdio: 'ignore',
      }).once('exit', resolve),
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'lattice-invoicing-bench-'));
  resources.work = work;
  const storageDir = join(work, 'storage');
  mkdirSync(storageDir);
  const supergraphPath = join(work, 'supergraph.graphql');
  writeFileSync(supergraphPath, supergraph());
  resources.database = await createTestDatabase();
  console.error(`serving process starting (${SUBGRAPHS.join(', ')}, the gateway; migrations)…`);
  const served = await startPinned(__dirname, 'run.ts', '0', {
    INVOICING_BENCH_SERVE: '1',
    DATABASE_URL: resources.database.url,
    BENCH_SUPERGRAPH_PATH: supergraphPath,
    STORAGE_DIR: storageDir,
    REDIS_URL: '', // the in-process bus: nothing else shares this lattice
  });
  resources.serving = served.child;
  const gateway = String(served.info.gateway);
  const servingPid = Number(served.info.pid);

  const run = randomBytes(4).toString('hex');
  const started = now();
  const tokens = await inBatches(Array.from({ length: USERS + 1 }), REGISTER_CONCURRENCY, async (_, i) => {
    const { register } = await graphql(gateway, REGISTER, {
      i: { email: `invoicing-bench-${run}-${i}@example.com`, password: 'bench password 1' },
    });
    return register.accessToken as string;
  });
  console.error(`${USERS + 1} users registered in ${((now() - started) / 1000).toFixed(1)} s`);
  const many = tokens.slice(0, USERS);
  const one = tokens[USERS]!;
  const lastSequence = new Map<string, number>();
  const shapes = {
    many: {
      label: `(a) ${USERS} users issuing one draft of ${LINES} lines each, all at once`,
      create: [],
      issue: [],
      problems: [],
    } as Shape,
    one: {
      label: `(b) one user issuing ${BURST} drafts of ${LINES} lines at once (they queue on the user's numbering row)`,
      create: [],
      issue: [],
      problems: [],
    } as Shape,
  };

  console.error('warm-up: both shapes once, smaller (not reported)…');
  const warm: Shape = { label: 'warm-up', create: [], issue: [], problems: [] };
  await shapeRound(gateway, servingPid, many.slice(0, Math.min(USERS, 20)), 'warm-a', lastSequence, warm);
  await shapeRound(
    gateway,
    servingPid,
    Array.from({ length: Math.min(BURST, 5) }, () => one),
    'warm-b',
    lastSequence,
    warm,
  );
  const warmErrors = [...warm.create, ...warm.issue].flatMap((r) => r.calls).filter((call) => call.error);
  if (warmErrors.length)
    throw new Error(`warm-up: ${warmErrors.length} requests failed, e.g. ${warmErrors[0]!.error}`);

  for (let r = 1; r <= ROUNDS; r += 1) {
    console.error(`round ${r}/${ROUNDS}: (a) ${USERS} drafts then ${USERS} issues at once…`);
    await shapeRound(gateway, servingPid, many, `a${r}`, lastSequence, shapes.many);
    console.error(`round ${r}/${ROUNDS}: (b) ${BURST} drafts then ${BURST} issues of one user at once…`);
    await shapeRound(
      gateway,
      servingPid,
      Array.from({ length: BURST }, () => one),
      `b${r}`,
      lastSequence,
      shapes.one,
    );
  }
  const loadAfterRounds = loadavg();
  await cleanup();
  console.error(
    `renderInvoicePdf in this process, ${PDF_RUNS} times each for ${PDF_SIZES.join(', ')} lines…`,
  );
  const pdfs = await timePdfs(PDF_SIZES.includes(LINES) ? PDF_SIZES : [...PDF_SIZES, LINES]);

  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  const pinning = multiCore
    ? `serving process (identity, accounts, media, ai, invoicing, the gateway; pid ${servingPid}) pinned to CPU 0, this process (clients, PDF timings) on ${cpus().length > 2 ? `CPUs 1–${cpus().length - 1}` : 'CPU 1'}`
    : 'one CPU for everything';
  console.log(
    `\nInvoicing issue benchmark: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ${pinning}; ` +
      `load average ${load(loadBefore)} before, ${load(loadAfterRounds)} after the rounds, ${load(loadavg())} after the PDF timings`,
  );
  const a = shapeTable(shapes.many);
  const b = shapeTable(shapes.one);

  console.log(
    `\nrenderInvoicePdf in this process (no logo), ${PDF_RUNS} renders per size after ${PDF_WARMUP} not counted, the sizes taking turns:\n`,
  );
  console.log('| lines | renders | p50 ms | p90 ms | PDF bytes |');
  console.log('|---|---|---|---|---|');
  for (const pdf of pdfs)
    console.log(`| ${pdf.lines} | ${pdf.runs} | ${ms(pdf.p50)} | ${ms(pdf.p90)} | ${pdf.bytes} |`);
  const render = pdfs.find((pdf) => pdf.lines === LINES)!;
  for (const [name, { issue, create }] of [
    ['(a)', a],
    ['(b)', b],
  ] as const) {
    const added = issue.cpuMsPerRequest - create.cpuMsPerRequest;
    console.log(
      `\nPDF render share ${name}: a ${LINES}-line render takes ${ms(render.p50)} ms at p50 here, ` +
        `${((100 * render.p50) / issue.cpuMsPerRequest).toFixed(0)} % of the serving CPU per issue (${ms(issue.cpuMsPerRequest)} ms) ` +
        `and ${((100 * render.p50) / added).toFixed(0)} % of what issuing adds to a draft's (${ms(added)} ms)`,
    );
  }
  const failed = [a.create, a.issue, b.create, b.issue].reduce((sum, s) => sum + s.errors.length, 0);
  const problems = shapes.many.problems.length + shapes.one.problems.length;
  console.log(
    failed + problems
      ? `\n${failed} requests failed, ${problems} wrong answers`
      : '\nevery request answered; every issued number follows its owner’s last, no gap, no repeat',
  );
  if (failed + problems) process.exitCode = 1;
}

if (process.env.INVOICING_BENCH_SERVE === '1') {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  let interrupted = false;
  // `on`, not `once`: under npm a Ctrl-C arrives twice (the terminal's, and npm's relay).
  process.on('SIGINT', () => {
    interrupted = true;
    void cleanup().finally(() => process.exit(130));
  });
  main()
    .catch((error: unknown) => {
      if (!interrupted) console.error(error);
      process.exitCode = 1;
    })
    .finally(() => cleanup());
}
