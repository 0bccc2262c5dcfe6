/**
 * `explain (analyze, buffers)` of the statement searchGyms sends, run by the runner with each
 * side's settings, written out one line per plan node.
 */
import { FIRST, RADIUS_KM } from './options';
import { SIDES, type Side } from './processes';
import { knex } from './runner-connection';
import type { Point } from './seed';

/**
 * The statement searchGyms (subgraphs/bookings/src/service/gym-search.ts) sends for `near` and
 * `first`, with the values written in: for `explain` and for the gyms within the radius.
 */
function searchSql(latitude: number, longitude: number, radiusKm: number, first: number): string {
  const here = `ll_to_earth(${latitude}::float8, ${longitude}::float8)`;
  const distance = `earth_distance(${here}, ll_to_earth(g.latitude, g.longitude))`;
  const metres = `${radiusKm * 1000}::float8`;
  return `select g.*, ${distance} as distance_m from bookings.gym g
    where g.status <> 'HIDDEN' and earth_box(${here}, ${metres}) @> ll_to_earth(g.latitude, g.longitude)
      and ${distance} <= ${metres}
    order by distance_m, g.id
    limit ${first + 1}`;
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Sort Method'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Actual Total Time': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Exact Heap Blocks'?: number;
  Plans?: PlanNode[];
}

/** The plan lines of the search at `point`, with the settings of side `key`. */
export async function explain(key: Side['key'], point: Point): Promise<string[]> {
  const settings = SIDES[key].options
    .split('-c ')
    .filter(Boolean)
    .map((option) => {
      const [name, value] = option.trim().split('=');
      return `set local ${name} = ${value}`;
    });
  type Explained = Array<{
    Plan: PlanNode;
    'Planning Time': number;
    'Execution Time': number;
    JIT?: { Functions: number; Timing: { Total: number } };
  }>;
  let explained: Explained = [];
  await knex().transaction(async (trx) => {
    for (const setting of settings) await trx.raw(setting);
    const sql = searchSql(point.latitude, point.longitude, RADIUS_KM, FIRST);
    const result = (await trx.raw(`explain (analyze, buffers, format json) ${sql}`)) as {
      rows: Array<{ 'QUERY PLAN': Explained }>;
    };
    explained = result.rows[0]!['QUERY PLAN'];
  });
  const { Plan: plan, 'Planning Time': planning, 'Execution Time': execution, JIT: jit } = explained[0]!;
  const lines: string[] = [];
  const walk = (node: PlanNode, depth: number) => {
    const on = node['Index Name'] ?? node['Relation Name'];
    const parts = [
      `${'  '.repeat(depth)}${depth ? '-> ' : ''}${node['Node Type']}${on ? ` on ${on}` : ''}`,
      `rows ${node['Actual Rows']}${node['Actual Loops'] > 1 ? ` × ${node['Actual Loops']} loops` : ''}`,
      node['Rows Removed by Index Recheck']
        ? `removed by recheck ${node['Rows Removed by Index Recheck']}`
        : '',
      node['Rows Removed by Filter'] !== undefined
        ? `removed by filter ${node['Rows Removed by Filter']}`
        : '',
      node['Sort Method'] ? node['Sort Method'] : '',
      node['Exact Heap Blocks'] !== undefined ? `heap blocks ${node['Exact Heap Blocks']}` : '',
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
