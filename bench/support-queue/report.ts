/** The report on stdout: the data, the machine, a table per shape (each side and their ratio), the plans. */
import { cpus, loadavg } from 'node:os';
import type { ShapeTallies, Tally } from './measure';
import { BASELINE_RUNS, FIRST, RUNS, TICKETS, WARMUP } from './options';
import type { Shape } from './shapes';
import { LABELS, type Side } from './sides';

/** Nearest rank. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;
}

const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : '—');

function figures(tally: Tally) {
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted.at(-1) ?? NaN };
}

/** Rows of strings as a Markdown table, columns padded. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), line(widths.map((width) => '-'.repeat(width))), ...rows.slice(1).map(line)].join(
    '\n',
  );
}

export interface Results {
  facts: { table: string; index: string; seedSeconds: number; postgres: string };
  loadBefore: number[];
  shapes: Array<{
    shape: Shape;
    matches: number[];
    tallies: ShapeTallies;
    plans: Record<Side['key'], string[]>;
  }>;
}

export function printReport({ facts, loadBefore, shapes }: Results): void {
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  console.log(
    `# supportTickets(filter: { text }, first: ${FIRST}) over ${TICKETS.toLocaleString('en')} tickets\n`,
  );
  console.log(
    `${cpus().length} cores (${cpus()[0]?.model.trim()}), load ${load(loadBefore)} before, ${load(loadavg())} after; ` +
      `node ${process.version}; ${facts.postgres}`,
  );
  console.log(
    `support.ticket ${facts.table}, ticket_text_index ${facts.index}; seeded both databases in ${facts.seedSeconds.toFixed(1)} s`,
  );
  console.log(
    `${RUNS} queries per shape with the index, ${BASELINE_RUNS} without (after ${WARMUP} warm-up each), one at a time; ` +
      'latency from the request to the parsed answer, the subgraph in this process\n',
  );
  const rows = [
    ['shape', 'texts (tickets matching)', 'side', 'queries', 'p50 ms', 'p99 ms', 'max ms', 'same ids'],
  ];
  for (const { shape, matches, tallies } of shapes) {
    const indexed = figures(tallies.indexed);
    const baseline = figures(tallies.baseline);
    const texts = shape.texts.map((text, i) => `${text} (${matches[i]})`).join(', ');
    for (const key of ['indexed', 'baseline'] as const) {
      const tally = tallies[key];
      const own = key === 'indexed' ? indexed : baseline;
      rows.push([
        key === 'indexed' ? shape.label : '',
        key === 'indexed' ? texts : '',
        LABELS[key],
        String(tally.latencies.length),
        fixed(own.p50),
        fixed(own.p99),
        fixed(own.max),
        tally.different ? `${tally.different} differ` : 'yes',
      ]);
    }
    const ratio = (a: number, b: number) => `${fixed(a / b, 1)}×`;
    rows.push([
      '',
      '',
      '**no index ÷ index**',
      '',
      ratio(baseline.p50, indexed.p50),
      ratio(baseline.p99, indexed.p99),
      ratio(baseline.max, indexed.max),
      '',
    ]);
  }
  console.log(table(rows));
  console.log(
    '\n`explain (analyze, buffers)` of the statement the service sent, for the first text of each shape:',
  );
  for (const { shape, plans } of shapes) {
    console.log(`\n${shape.label}, "${shape.texts[0]}":`);
    for (const key of ['indexed', 'baseline'] as const) {
      console.log(`  ${LABELS[key]}:`);
      for (const line of plans[key]) console.log(`    ${line}`);
    }
  }
}
