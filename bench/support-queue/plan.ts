/**
 * `explain (analyze, buffers)` of the statement the service really sends: caught on its way to
 * PostgreSQL (knex's `query` event on the subgraph's own pool) during one queue query, then
 * explained with the same bindings on that side's database, one line per plan node.
 */
import { FIRST } from './options';
import { QUEUE } from './shapes';
import type { Side } from './sides';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Scan Direction'?: string;
  'Sort Method'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Actual Total Time': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Exact Heap Blocks'?: number;
  'Lossy Heap Blocks'?: number;
  Plans?: PlanNode[];
}

type Explained = Array<{
  Plan: PlanNode;
  'Planning Time': number;
  'Execution Time': number;
  JIT?: { Functions: number; Timing: { Total: number } };
}>;

interface Statement {
  sql: string;
  bindings: unknown[];
}

/**
 * The statements on support.ticket that the queue query for `text` (after `after`) sends, in
 * order: a word search sends one (the latest tickets filled the page) or two (then the index).
 */
export async function caughtStatements(side: Side, text: string, after: string | null): Promise<Statement[]> {
  const statements: Statement[] = [];
  const listener = (query: { sql: string; bindings?: unknown[] }) =>
    statements.push({ sql: query.sql, bindings: query.bindings ?? [] });
  side.knex.on('query', listener);
  try {
    await side.fixture.ok(side.agent, QUEUE, { text, first: FIRST, after });
  } finally {
    side.knex.removeListener('query', listener);
  }
  const queue = statements.filter((statement) => /from "support"\."ticket"/.test(statement.sql));
  if (!queue.length) throw new Error('caught no statement on support.ticket');
  return queue;
}

/** The plan lines of each statement, one after the other. */
export async function explainAll(side: Side, statements: Statement[]): Promise<string[]> {
  const lines: string[] = [];
  for (const [i, statement] of statements.entries()) {
    if (statements.length > 1) lines.push(`statement ${i + 1} of ${statements.length}:`);
    lines.push(...(await explain(side, statement)));
  }
  return lines;
}

/** The plan lines of `statement` on `side`'s database. */
async function explain(side: Side, statement: Statement): Promise<string[]> {
  const result = (await side.knex.raw(
    `explain (analyze, buffers, format json) ${statement.sql}`,
    statement.bindings as never,
  )) as { rows: Array<{ 'QUERY PLAN': Explained }> };
  const {
    Plan: plan,
    'Planning Time': planning,
    'Execution Time': execution,
    JIT: jit,
  } = result.rows[0]!['QUERY PLAN'][0]!;
  const lines: string[] = [];
  const walk = (node: PlanNode, depth: number) => {
    const on = node['Index Name'] ?? node['Relation Name'];
    const parts = [
      `${'  '.repeat(depth)}${depth ? '-> ' : ''}${node['Node Type']}` +
        (node['Scan Direction'] === 'Backward' ? ' Backward' : '') +
        (on ? ` on ${on}` : ''),
      `rows ${node['Actual Rows']}${node['Actual Loops'] > 1 ? ` × ${node['Actual Loops']} loops` : ''}`,
      node['Rows Removed by Index Recheck']
        ? `removed by recheck ${node['Rows Removed by Index Recheck']}`
        : '',
      node['Rows Removed by Filter'] !== undefined
        ? `removed by filter ${node['Rows Removed by Filter']}`
        : '',
      node['Sort Method'] ?? '',
      node['Exact Heap Blocks'] !== undefined ? `heap blocks ${node['Exact Heap Blocks']}` : '',
      node['Lossy Heap Blocks'] ? `lossy ${node['Lossy Heap Blocks']}` : '',
      `buffers hit ${node['Shared Hit Blocks'] ?? 0} read ${node['Shared Read Blocks'] ?? 0}`,
      `${node['Actual Total Time'].toFixed(3)} ms`,
    ];
    lines.push(parts.filter(Boolean).join(', '));
    for (const child of node.Plans ?? []) walk(child, depth + 1);
  };
  walk(plan, 0);
  lines.push(
    `planning ${planning.toFixed(3)} ms, execution ${execution.toFixed(3)} ms` +
      (jit ? `, of which JIT ${jit.Timing.Total.toFixed(3)} ms (${jit.Functions} functions)` : ', no JIT'),
  );
  return lines;
}
