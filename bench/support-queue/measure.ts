/**
 * The measured queries: per shape, a warm-up, then RUNS queries with the index and
 * BASELINE_RUNS without it (spread evenly among them, the two taking turns), each timed from
 * the request to the parsed answer, each baseline answer checked against the indexed one.
 */
import { BASELINE_RUNS, FIRST, RUNS, WARMUP } from './options';
import { QUEUE, type Shape } from './shapes';
import type { Side } from './sides';

interface Page {
  ids: string[];
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Tally {
  latencies: number[];
  /** Answers listing other tickets, or another hasNextPage, than the indexed side's for that text. */
  different: number;
  /** Tickets per page, summed (for the mean). */
  returned: number;
}

export type ShapeTallies = Record<Side['key'], Tally>;

/** One queue query as the agent of `side`: its time (ms) and page; throws on a GraphQL error. */
async function ask(side: Side, text: string, after: string | null): Promise<{ ms: number; page: Page }> {
  const started = performance.now();
  const answer = (await side.fixture.post(side.agent, QUEUE, { text, first: FIRST, after })) as {
    data?: { supportTickets: { edges: Array<{ node: { id: string } }>; pageInfo: Omit<Page, 'ids'> } };
    errors?: unknown;
  };
  const ms = performance.now() - started;
  if (answer.errors || !answer.data)
    throw new Error(`${side.key} "${text}": ${JSON.stringify(answer.errors)}`);
  const { edges, pageInfo } = answer.data.supportTickets;
  return { ms, page: { ids: edges.map((edge) => edge.node.id), ...pageInfo } };
}

const samePage = (a: Page, b: Page) => a.hasNextPage === b.hasNextPage && a.ids.join() === b.ids.join();

/** Measures `shape` on both sides (`indexed` first in `sides`). */
export async function measureShape(sides: [Side, Side], shape: Shape): Promise<ShapeTallies> {
  const [indexed, baseline] = sides;
  const { texts } = shape;
  // Each text's page with the index, which every later answer must equal; and for a second page,
  // the first page's end cursor to ask `after`.
  const after: Array<string | null> = [];
  const expected: Page[] = [];
  for (const text of texts) {
    const first = (await ask(indexed, text, null)).page;
    after.push(shape.nextPage ? first.endCursor : null);
    expected.push(shape.nextPage ? (await ask(indexed, text, first.endCursor)).page : first);
  }
  // The indexed side is warmed by the pages above too; the baseline by one query (some cost seconds).
  for (let i = 0; i < WARMUP; i++) await ask(indexed, texts[i % texts.length]!, after[i % texts.length]!);
  await ask(baseline, texts[0]!, after[0]!);

  const tallies: ShapeTallies = {
    indexed: { latencies: [], different: 0, returned: 0 },
    baseline: { latencies: [], different: 0, returned: 0 },
  };
  const run = async (side: Side, t: number) => {
    const { ms, page } = await ask(side, texts[t]!, after[t]!);
    const tally = tallies[side.key];
    tally.latencies.push(ms);
    tally.returned += page.ids.length;
    if (!samePage(page, expected[t]!)) tally.different++;
  };
  let baselineDone = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = i % texts.length;
    // The baseline's share, spread evenly, asking the texts in turn; who goes first alternates.
    if (Math.floor(((i + 1) * BASELINE_RUNS) / RUNS) > Math.floor((i * BASELINE_RUNS) / RUNS)) {
      const b = baselineDone++ % texts.length;
      if (baselineDone % 2) {
        await run(baseline, b);
        await run(indexed, t);
      } else {
        await run(indexed, t);
        await run(baseline, b);
      }
    } else await run(indexed, t);
  }
  return tallies;
}
