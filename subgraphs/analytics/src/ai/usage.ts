import type { EntityManager } from '@mikro-orm/postgresql';
import { badUserInput } from '@lattice/server-kit';
import { type Connection, decodeCursor, encodeCursor, type PageArgs, pageSize } from '@lattice/subgraph-kit';
import type { DayRange } from '../service/ranges';

/** What `Query.aiUsage` asks: each of its fields reads the ai facts only when selected. */
export interface AiUsageQuery {
  range: DayRange;
}

/** An estimated cost in US dollars, exact: never a float. */
export interface AiCost {
  /** Dollars with 12 decimals, e.g. `"0.000123450000"`. */
  dollars: string;
  /** The same in picodollars (10⁻¹² USD), an integer as a decimal string. */
  picodollars: string;
}

/** Replies, tokens, images and cost of a group of ai facts. */
export interface AiFigures {
  replies: number;
  failedReplies: number;
  cancelledReplies: number;
  promptTokens: number;
  completionTokens: number;
  images: number;
  cost: AiCost;
}

export interface AiUsageTotals extends AiFigures {
  /** Distinct users who got a reply. */
  chatters: number;
  replyCost: AiCost;
  imageCost: AiCost;
}

export interface AiUsageDay extends AiFigures {
  date: string;
  chatters: number;
}

export interface AiModelUsage extends AiFigures {
  provider: string;
  model: string;
}

export interface AiPlanUsage extends AiFigures {
  plan: string;
  /** Distinct users who got a reply or an image. */
  users: number;
}

export interface AiModelPerformance {
  provider: string;
  model: string;
  replies: number;
  failedReplies: number;
  cancelledReplies: number;
  errorRate: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  firstTokenP50Ms: number | null;
  firstTokenP95Ms: number | null;
}

export interface AiPopularModel {
  provider: string;
  model: string;
  replies: number;
  chatters: number;
}

const REPLY = 'ai.message_completed';
const IMAGE = 'ai.image_generated';
const PICOS_PER_DOLLAR = 10n ** 12n;

/** Picodollars (an integer as a string) as exact dollars with 12 decimals, by BigInt. */
export function aiCost(picodollars: string): AiCost {
  const picos = BigInt(picodollars);
  const fraction = (picos % PICOS_PER_DOLLAR).toString().padStart(12, '0');
  return { dollars: `${picos / PICOS_PER_DOLLAR}.${fraction}`, picodollars: picos.toString() };
}

// The ai facts of a range: its first day's midnight (UTC) inclusive to the midnight after its
// last day exclusive, so the (type, occurred_at) index serves it.
const IN_RANGE = `f.type in ('${REPLY}', '${IMAGE}') and f.occurred_at >= ?::timestamptz and f.occurred_at < ?::timestamptz`;
const DAY_MS = 86_400_000;
const rangeParams = ({ from, to }: DayRange) => [
  `${from}T00:00:00.000Z`,
  new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS).toISOString(),
];

const isReply = `f.type = '${REPLY}'`;
// Sums come back as text (PostgreSQL's numeric): tokens are read as numbers (SafeInt), costs
// stay strings until BigInt.
const FIGURES = `
  count(*) filter (where ${isReply})::int as replies,
  count(*) filter (where ${isReply} and f.data->>'status' = 'FAILED')::int as "failedReplies",
  count(*) filter (where ${isReply} and f.data->>'status' = 'CANCELLED')::int as "cancelledReplies",
  coalesce(sum((f.data->>'promptTokens')::bigint) filter (where ${isReply}), 0)::text as "promptTokens",
  coalesce(sum((f.data->>'completionTokens')::bigint) filter (where ${isReply}), 0)::text as "completionTokens",
  count(*) filter (where f.type = '${IMAGE}')::int as images,
  coalesce(sum((f.data->>'costPicos')::bigint), 0)::text as cost`;
const CHATTERS = `count(distinct f.data->>'userId') filter (where ${isReply})::int as chatters`;

interface FigureRow {
  replies: number;
  failedReplies: number;
  cancelledReplies: number;
  promptTokens: string;
  completionTokens: string;
  images: number;
  cost: string;
}

function figures<T extends FigureRow>(row: T): Omit<T, keyof FigureRow> & AiFigures {
  return {
    ...row,
    promptTokens: Number(row.promptTokens),
    completionTokens: Number(row.completionTokens),
    cost: aiCost(row.cost),
  };
}

/** Everything over the range (one statement). */
export async function aiUsageTotals(em: EntityManager, { range }: AiUsageQuery): Promise<AiUsageTotals> {
  const [row] = await em.execute<Array<FigureRow & { chatters: number; replyCost: string }>>(
    `select ${FIGURES}, ${CHATTERS},
       coalesce(sum((f.data->>'costPicos')::bigint) filter (where ${isReply}), 0)::text as "replyCost"
     from analytics.event_fact f where ${IN_RANGE}`,
    rangeParams(range),
  );
  const { replyCost, ...rest } = row!;
  const total = figures(rest);
  return {
    ...total,
    replyCost: aiCost(replyCost),
    imageCost: aiCost((BigInt(rest.cost) - BigInt(replyCost)).toString()),
  };
}

/** Per day of the range, zero on days without replies or images, oldest first (one statement). */
export async function aiUsageOverTime(em: EntityManager, { range }: AiUsageQuery): Promise<AiUsageDay[]> {
  const rows = await em.execute<Array<FigureRow & { date: string; chatters: number }>>(
    `with facts as (
       select (f.occurred_at at time zone 'UTC')::date as day, f.type, f.data
       from analytics.event_fact f where ${IN_RANGE})
     select to_char(days.day, 'YYYY-MM-DD') as date, ${FIGURES}, ${CHATTERS}
     from generate_series(?::date, ?::date, interval '1 day') days(day)
     left join facts f on f.day = days.day
     group by days.day order by days.day`,
    [...rangeParams(range), range.from, range.to],
  );
  return rows.map(figures);
}

/** Per provider and model that replied or drew in the range, by provider then model (one statement). */
export async function aiUsageByModel(em: EntityManager, { range }: AiUsageQuery): Promise<AiModelUsage[]> {
  const rows = await em.execute<Array<FigureRow & { provider: string; model: string }>>(
    `select f.data->>'provider' as provider, f.data->>'model' as model, ${FIGURES}
     from analytics.event_fact f where ${IN_RANGE}
     group by 1, 2 order by 1, 2`,
    rangeParams(range),
  );
  return rows.map(figures);
}

/**
 * Per plan the users are on now (their latest `billing.plan_changed`; `free` when billing
 * never told), tokens from highest, then by plan (one statement).
 */
export async function aiUsageByPlan(em: EntityManager, { range }: AiUsageQuery): Promise<AiPlanUsage[]> {
  const rows = await em.execute<Array<FigureRow & { plan: string; users: number }>>(
    `select coalesce(s.plan, 'free') as plan, count(distinct f.data->>'userId')::int as users, ${FIGURES}
     from analytics.event_fact f
     left join analytics.subscription_mrr s on s.user_id = f.data->>'userId'
     where ${IN_RANGE}
     group by 1
     order by coalesce(sum((f.data->>'promptTokens')::bigint + (f.data->>'completionTokens')::bigint), 0) desc, 1`,
    rangeParams(range),
  );
  return rows.map(figures);
}

// Milliseconds to a tenth: percentile_cont interpolates in doubles (385 would read 384.99999999999994).
const percentile = (fraction: number, field: string, where: string) =>
  `round((percentile_cont(${fraction}) within group (order by (f.data->>'${field}')::float8)
     filter (where ${where}))::numeric, 1)::float8`;

/**
 * Per provider and model that replied in the range, by provider then model (one statement):
 * the error rate over every reply, latency percentiles over complete replies and first-token
 * percentiles over replies that got a first token.
 */
export async function aiModelPerformance(
  em: EntityManager,
  { range }: AiUsageQuery,
): Promise<AiModelPerformance[]> {
  const complete = `f.data->>'status' = 'COMPLETE'`;
  const firstToken = `f.data->>'firstTokenMs' is not null`;
  const rows = await em.execute<Array<Omit<AiModelPerformance, 'errorRate'>>>(
    `select f.data->>'provider' as provider, f.data->>'model' as model,
       count(*)::int as replies,
       count(*) filter (where f.data->>'status' = 'FAILED')::int as "failedReplies",
       count(*) filter (where f.data->>'status' = 'CANCELLED')::int as "cancelledReplies",
       ${percentile(0.5, 'latencyMs', complete)} as "latencyP50Ms",
       ${percentile(0.95, 'latencyMs', complete)} as "latencyP95Ms",
       ${percentile(0.5, 'firstTokenMs', firstToken)} as "firstTokenP50Ms",
       ${percentile(0.95, 'firstTokenMs', firstToken)} as "firstTokenP95Ms"
     from analytics.event_fact f where ${IN_RANGE} and ${isReply}
     group by 1, 2 order by 1, 2`,
    rangeParams(range),
  );
  return rows.map((row) => ({ ...row, errorRate: row.failedReplies / row.replies }));
}

/** `(replies, provider, model)` of a cursor made for this list. */
function decodePopularCursor(cursor: string): [number, string, string] {
  const [replies, provider, model] = decodeCursor(cursor, 3);
  if (Number.isInteger(replies) && typeof provider === 'string' && typeof model === 'string') {
    return [replies as number, provider, model];
  }
  throw badUserInput('after: not a cursor returned by this list', 'after');
}

/**
 * Models by replies over the range, most first, ties by provider then model: keyset
 * pagination on `(replies desc, provider, model)`, one statement per page.
 */
export async function popularModels(
  em: EntityManager,
  { range }: AiUsageQuery,
  args: PageArgs,
): Promise<Connection<AiPopularModel>> {
  const first = pageSize(args);
  const after = args.after ? decodePopularCursor(args.after) : undefined;
  const rows = await em.execute<AiPopularModel[]>(
    `select f.data->>'provider' as provider, f.data->>'model' as model, count(*)::int as replies,
       count(distinct f.data->>'userId')::int as chatters
     from analytics.event_fact f where ${IN_RANGE} and ${isReply}
     group by 1, 2
     ${after ? `having count(*) < ? or (count(*) = ? and (f.data->>'provider', f.data->>'model') > (?, ?))` : ''}
     order by replies desc, provider, model
     limit ?`,
    [...rangeParams(range), ...(after ? [after[0], ...after] : []), first + 1],
  );
  const edges = rows
    .slice(0, first)
    .map((node) => ({ node, cursor: encodeCursor([node.replies, node.provider, node.model]) }));
  return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}
