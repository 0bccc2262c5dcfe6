/**
 * The agents' queue search of the support subgraph: `supportTickets(filter: { text }, first:
 * 20)` (word-prefix full-text search, latest activity first, keyset pages) over TICKETS seeded
 * tickets, p50/p99 per query shape with the GIN index `ticket_text_index` next to the same
 * queries with that index dropped, in the same run. Both sides are the support subgraph in this
 * process (startSubgraphFixture), each over its own scratch database holding the same tickets;
 * requests are signed as the gateway signs them and sent as an agent. Checks that both sides
 * answer the same tickets, prints `explain (analyze, buffers)` of the statement the service sends.
 * See README.md beside this file.
 *   npm run bench:support-queue   (SUPPORT_BENCH_TICKETS, SUPPORT_BENCH_RUNS,
 *     SUPPORT_BENCH_BASELINE_RUNS, SUPPORT_BENCH_WARMUP; DATABASE_URL, default
 *     postgres://postgres@127.0.0.1:5432/postgres)
 */
import { loadavg } from 'node:os';
import { matches } from './counts';
import { measureShape } from './measure';
import { TICKETS } from './options';
import { caughtStatements, explainAll } from './plan';
import { printReport, type Results } from './report';
import { digest, seed } from './seed';
import { SHAPES } from './shapes';
import { freshToken, type Side, startSide, stopSides } from './sides';

let cleaning: Promise<void> | undefined;
const cleanup = () => (cleaning ??= stopSides());

async function scalar(side: Side, sql: string): Promise<string> {
  const result = (await side.knex.raw(sql)) as { rows: Array<{ value: string }> };
  return result.rows[0]!.value;
}

async function main(): Promise<void> {
  const loadBefore = loadavg();
  console.error(
    'support starting twice (scratch databases, migrations); the baseline drops ticket_text_index…',
  );
  const sides: [Side, Side] = [await startSide('indexed'), await startSide('baseline')];
  const [indexed, baseline] = sides;

  console.error(`${TICKETS.toLocaleString('en')} tickets into each database…`);
  const anchor = new Date();
  const started = performance.now();
  // Both at once, each in its own session (and on its own core, with 2 or more).
  await Promise.all(sides.map((side) => seed(side.knex, anchor)));
  const seedSeconds = (performance.now() - started) / 1000;
  const [indexedDigest, baselineDigest] = [await digest(indexed.knex), await digest(baseline.knex)];
  if (indexedDigest !== baselineDigest) throw new Error('the two databases hold different tickets');

  const results: Results['shapes'] = [];
  for (const shape of SHAPES) {
    console.error(`${shape.label}…`);
    for (const side of sides) await freshToken(side);
    const tallies = await measureShape(sides, shape);
    const counts = await matches(indexed.knex, shape);
    // The first text's statement, as the service sent it (for a second page, the one after the first page).
    let after: string | null = null;
    if (shape.nextPage) {
      const answer = (await indexed.fixture.ok(
        indexed.agent,
        'query($t: String!) { supportTickets(filter: { text: $t }) { pageInfo { endCursor } } }',
        {
          t: shape.texts[0],
        },
      )) as { supportTickets: { pageInfo: { endCursor: string | null } } };
      after = answer.supportTickets.pageInfo.endCursor;
    }
    const plans = {
      indexed: await explainAll(indexed, await caughtStatements(indexed, shape.texts[0]!, after)),
      baseline: await explainAll(baseline, await caughtStatements(baseline, shape.texts[0]!, after)),
    };
    results.push({ shape, matches: counts, tallies, plans });
  }
  const facts = {
    table: await scalar(indexed, `select pg_size_pretty(pg_table_size('support.ticket')) as value`),
    index: await scalar(
      indexed,
      `select pg_size_pretty(pg_relation_size('support.ticket_text_index')) as value`,
    ),
    postgres: await scalar(
      indexed,
      `select 'PostgreSQL ' || current_setting('server_version') || ', shared_buffers ' || current_setting('shared_buffers') || ', jit ' || current_setting('jit') as value`,
    ),
    seedSeconds,
  };
  printReport({ facts, loadBefore, shapes: results });
  const sql = (await caughtStatements(indexed, SHAPES[2]!.texts[0]!, null))
    .map((statement) => statement.sql)
    .join(';\n');
  console.log(`\nThe statement, for "${SHAPES[2]!.texts[0]}":\n${sql}`);
  if (results.some(({ tallies }) => tallies.indexed.different + tallies.baseline.different > 0)) {
    console.error('\nsome answers differ: see the table');
    process.exitCode = 1;
  }
}

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
