import { randomUUID } from 'node:crypto';
import type { EventData } from '@lattice/events';
import {
  startTestSubgraph,
  type TestSubgraph,
  startTokenIssuer,
  type TokenIssuer,
} from '@lattice/subgraph-kit/testing';
import { aiCost } from '../src/ai/usage';
import { checkAiEvent } from '../src/ai/contract';
import { analytics } from '../src/subgraph';
import { image, reply } from './support/ai';
import { planChange } from './support/billing';
import { post } from './support/graphql';

let fixture: TestSubgraph;
let issuer: TokenIssuer;
let admin: string;

beforeAll(async () => {
  issuer = await startTokenIssuer();
  fixture = await startTestSubgraph(analytics, { JWKS_URL: issuer.jwksUrl });
  admin = await issuer.token('admin');
});
afterAll(async () => {
  await fixture?.stop();
  await issuer?.close();
});

// null: anonymous
const query = (document: string, variables: unknown = {}, token: string | null = admin) =>
  post(fixture.subgraph.url, document, variables, token ?? undefined);

const publish = async (...events: Parameters<TestSubgraph['bus']['publish']>[0][]) => {
  for (const event of events) await fixture.bus.publish(event);
};

const COST = 'cost { dollars picodollars }';
const FIGURES = `replies failedReplies cancelledReplies promptTokens completionTokens images ${COST}`;
const USAGE = `query($from: Date!, $to: Date!) { aiUsage(from: $from, to: $to) {
  totals { ${FIGURES} chatters replyCost { dollars picodollars } imageCost { dollars picodollars } }
  overTime { date chatters ${FIGURES} }
  byModel { provider model ${FIGURES} }
  byPlan { plan users ${FIGURES} }
  performance { provider model replies failedReplies cancelledReplies errorRate
    latencyP50Ms latencyP95Ms firstTokenP50Ms firstTokenP95Ms } } }`;
const POPULAR = `query($from: Date!, $to: Date!, $first: Int, $after: String) {
  aiUsage(from: $from, to: $to) { popularModels(first: $first, after: $after) {
    edges { cursor node { provider model replies chatters } } pageInfo { hasNextPage endCursor } } } }`;
const METRIC = `query($m: String!, $from: Date!, $to: Date!) { dailyMetric(metric: $m, from: $from, to: $to) { date value } }`;

const MAX = Number.MAX_SAFE_INTEGER; // 9007199254740991

/** A reply's `[status, prompt tokens, completion tokens, latency, first token, picodollars]`. */
type ChatFigures = [Status, number, number, number, number | null, number];
type Status = EventData<'ai.message_completed'>['status'];

const chat = (
  userId: string,
  occurredAt: string,
  model: { provider: string; model: string },
  [status, promptTokens, completionTokens, latencyMs, firstTokenMs, costPicos]: ChatFigures,
) =>
  reply(userId, occurredAt, {
    ...model,
    status,
    promptTokens,
    completionTokens,
    latencyMs,
    firstTokenMs,
    costPicos,
  });

/** The figures every group reports, as the API answers them. */
const figures = (
  [replies, failedReplies, cancelledReplies]: number[],
  [promptTokens, completionTokens]: number[],
  images: number,
  picodollars: string,
) => ({
  replies,
  failedReplies,
  cancelledReplies,
  promptTokens,
  completionTokens,
  images,
  cost: aiCost(picodollars),
});

const performanceOf = (
  [replies, failedReplies, cancelledReplies]: number[],
  errorRate: number,
  [latencyP50Ms, latencyP95Ms]: number[],
  [firstTokenP50Ms, firstTokenP95Ms]: number[],
) => ({
  replies,
  failedReplies,
  cancelledReplies,
  errorRate,
  latencyP50Ms,
  latencyP95Ms,
  firstTokenP50Ms,
  firstTokenP95Ms,
});

describe('aiUsage', () => {
  // Each test uses its own years, so they hold in any order (and beside the other files').
  it('reports chat activity, tokens by model and plan, performance and exact costs', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    const day1 = '2042-01-01T10:00:00.000Z';
    const day3 = '2042-01-03T23:59:59.999Z';
    const mini = { provider: 'openai', model: 'gpt-4o-mini' } as const;
    const haiku = { provider: 'anthropic', model: 'claude-3-5-haiku' } as const;
    const opus = { provider: 'anthropic', model: 'claude-3-opus' } as const;
    const mistral = { provider: 'mistral', model: 'mistral-small' } as const;
    const drawer = { provider: 'openai', model: 'gpt-image-1' } as const;
    await publish(
      // a is on pro; c subscribed to team, then canceled (free); billing never told about b (free).
      planChange(a, 'subscribed', 'pro', 1999, 'usd', '2041-06-01T00:00:00.000Z'),
      planChange(c, 'subscribed', 'team', 4999, 'usd', '2041-06-01T00:00:00.000Z'),
      planChange(c, 'canceled', 'free', 0, 'usd', '2042-01-02T00:00:00.000Z'),
      // [status, prompt tokens, completion tokens, latency, first token, picodollars]
      chat(a, day1, mini, ['COMPLETE', 100, 50, 100, 10, 1_000_000]),
      chat(a, day1, mini, ['COMPLETE', 200, 100, 200, 20, 2_000_000]),
      chat(b, day1, haiku, ['FAILED', 300, 0, 5000, null, 0]),
      chat(b, day3, mini, ['COMPLETE', 300, 150, 300, 30, 3_000_000]),
      chat(c, day3, mini, ['COMPLETE', 400, 200, 400, 40, 4_000_000]),
      chat(c, day3, mini, ['CANCELLED', 50, 5, 1000, 15, 500_000]),
      chat(c, day3, haiku, ['COMPLETE', 1000, 500, 800, 100, 7_000_000_000_000]),
      // Beyond a 32-bit Int.
      chat(a, day3, opus, ['COMPLETE', 3_000_000_000, 1, 60_000, 2000, 123]),
      chat(b, day3, mistral, ['COMPLETE', 10, 5, 50, 5, 0]),
      // Their sum is past 2^53 picodollars: a double would lose the last digits.
      image(a, day3, { ...drawer, costPicos: MAX }),
      image(b, day3, { ...drawer, costPicos: MAX }),
      // Outside the range.
      chat(a, '2041-12-31T23:59:59.999Z', mini, ['COMPLETE', 7, 7, 7, 7, 7]),
      chat(a, '2042-01-04T00:00:00.000Z', mini, ['FAILED', 7, 7, 7, null, 7]),
      image(c, '2042-01-04T00:00:00.000Z', { ...drawer, costPicos: 7 }),
    );

    const { data, errors } = await query(USAGE, { from: '2042-01-01', to: '2042-01-03' });
    expect(errors).toBeUndefined();
    const usage = data.aiUsage;
    expect(usage.totals).toEqual({
      ...figures([9, 1, 1], [3_000_002_360, 1011], 2, '18021398519982105'),
      chatters: 3,
      replyCost: aiCost('7000010500123'),
      imageCost: aiCost('18014398509481982'),
    });
    expect(usage.totals.cost).toEqual({ dollars: '18021.398519982105', picodollars: '18021398519982105' });
    expect(usage.totals.replyCost.dollars).toBe('7.000010500123');
    expect(usage.totals.imageCost.dollars).toBe('18014.398509481982');
    expect(usage.overTime).toEqual([
      { date: '2042-01-01', chatters: 2, ...figures([3, 1, 0], [600, 150], 0, '3000000') },
      { date: '2042-01-02', chatters: 0, ...figures([0, 0, 0], [0, 0], 0, '0') },
      {
        date: '2042-01-03',
        chatters: 3,
        ...figures([6, 0, 1], [3_000_001_760, 861], 2, '18021398516982105'),
      },
    ]);
    expect(usage.overTime[1].cost).toEqual({ dollars: '0.000000000000', picodollars: '0' });
    // By provider, then model.
    expect(usage.byModel).toEqual([
      { ...haiku, ...figures([2, 1, 0], [1300, 500], 0, '7000000000000') },
      { ...opus, ...figures([1, 0, 0], [3_000_000_000, 1], 0, '123') },
      { ...mistral, ...figures([1, 0, 0], [10, 5], 0, '0') },
      { ...mini, ...figures([5, 0, 1], [1050, 505], 0, '10500000') },
      { ...drawer, ...figures([0, 0, 0], [0, 0], 2, '18014398509481982') },
    ]);
    expect(usage.byModel[1].cost.dollars).toBe('0.000000000123');
    // Most tokens first; b and c are both on free now.
    expect(usage.byPlan).toEqual([
      { plan: 'pro', users: 1, ...figures([3, 0, 0], [3_000_000_300, 151], 1, '9007199257741114') },
      { plan: 'free', users: 2, ...figures([6, 1, 1], [2060, 860], 1, '9014199262240991') },
    ]);
    // Latency over complete replies, first token over replies that had one; image models are
    // not listed. gpt-4o-mini: latencies 100..400 (p95 = 300 + 0.85 × 100, which a double
    // reads 384.99999999999994), first tokens 10, 15, 20, 30, 40 (the cancelled one's
    // included; p95 = 30 + 0.8 × 10).
    // [replies, failed, cancelled], error rate, [latency p50, p95], [first token p50, p95]
    expect(usage.performance).toEqual([
      { ...haiku, ...performanceOf([2, 1, 0], 0.5, [800, 800], [100, 100]) },
      { ...opus, ...performanceOf([1, 0, 0], 0, [60_000, 60_000], [2000, 2000]) },
      { ...mistral, ...performanceOf([1, 0, 0], 0, [50, 50], [5, 5]) },
      { ...mini, ...performanceOf([5, 0, 1], 0, [250, 385], [20, 38]) },
    ]);

    // Popular models, paginated through a tie (1 reply each: by provider, then model).
    const first = await query(POPULAR, { from: '2042-01-01', to: '2042-01-03', first: 3 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data.aiUsage.popularModels;
    expect(page1.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { ...mini, replies: 5, chatters: 3 },
      { ...haiku, replies: 2, chatters: 2 },
      { provider: 'anthropic', model: 'claude-3-opus', replies: 1, chatters: 1 },
    ]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await query(POPULAR, {
      from: '2042-01-01',
      to: '2042-01-03',
      first: 3,
      after: page1.pageInfo.endCursor,
    });
    expect(second.data.aiUsage.popularModels).toEqual({
      edges: [
        {
          cursor: expect.any(String),
          node: { provider: 'mistral', model: 'mistral-small', replies: 1, chatters: 1 },
        },
      ],
      pageInfo: { hasNextPage: false, endCursor: second.data.aiUsage.popularModels.edges[0].cursor },
    });

    // The daily metrics count the same replies.
    const metric = async (m: string, to = '2042-01-03') => {
      const result = await query(METRIC, { m, from: '2042-01-01', to });
      expect(result.errors).toBeUndefined();
      return result.data.dailyMetric.map((day: { value: number }) => day.value);
    };
    expect(await metric('ai.replies')).toEqual([3, 0, 6]);
    expect(await metric('ai.replies_failed')).toEqual([1, 0, 0]);
    expect(await metric('ai.replies_cancelled')).toEqual([0, 0, 1]);
    expect(await metric('ai.completion_tokens')).toEqual([150, 0, 861]);
    expect(await metric('ai.images')).toEqual([0, 0, 2]);
    // (The 3rd's prompt tokens outgrow DailyValue's Int: aiUsage reads them as SafeInt.)
    expect(await metric('ai.prompt_tokens', '2042-01-02')).toEqual([600, 0]);
  });

  it('answers zeros for a quiet range and an empty list of models', async () => {
    const { data, errors } = await query(
      `{ aiUsage(from: "2043-05-01", to: "2043-05-02") {
        totals { replies chatters promptTokens images cost { dollars picodollars } }
        overTime { date replies chatters } byModel { model } byPlan { plan } performance { model }
        popularModels { edges { cursor } pageInfo { hasNextPage endCursor } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.aiUsage).toEqual({
      totals: {
        replies: 0,
        chatters: 0,
        promptTokens: 0,
        images: 0,
        cost: { dollars: '0.000000000000', picodollars: '0' },
      },
      overTime: [
        { date: '2043-05-01', replies: 0, chatters: 0 },
        { date: '2043-05-02', replies: 0, chatters: 0 },
      ],
      byModel: [],
      byPlan: [],
      performance: [],
      popularModels: { edges: [], pageInfo: { hasNextPage: false, endCursor: null } },
    });
  });

  it('gives null latencies to a model whose replies all failed', async () => {
    const user = randomUUID();
    await publish(
      reply(user, '2044-02-02T12:00:00.000Z', {
        provider: 'openai',
        model: 'gpt-4o',
        status: 'FAILED',
        promptTokens: 10,
        completionTokens: 0,
        firstTokenMs: null,
        error: 'rate_limited',
      }),
    );
    const { data } = await query(
      `{ aiUsage(from: "2044-02-02", to: "2044-02-02") { performance {
        model replies failedReplies errorRate latencyP50Ms latencyP95Ms firstTokenP50Ms firstTokenP95Ms } } }`,
    );
    expect(data.aiUsage.performance).toEqual([
      {
        model: 'gpt-4o',
        replies: 1,
        failedReplies: 1,
        errorRate: 1,
        latencyP50Ms: null,
        latencyP95Ms: null,
        firstTokenP50Ms: null,
        firstTokenP95Ms: null,
      },
    ]);
  });

  it('refuses an ai event whose figures break the contract, recording nothing', async () => {
    const user = randomUUID();
    const broken = [
      reply(user, '2045-03-03T12:00:00.000Z', {
        provider: 'openai',
        model: 'gpt-4o-mini',
        status: 'COMPLETE',
        promptTokens: 1.5,
        completionTokens: 1,
      }),
      reply(user, '2045-03-03T12:00:00.000Z', {
        provider: 'openai',
        model: 'gpt-4o-mini',
        status: 'COMPLETE',
        promptTokens: 1,
        completionTokens: 1,
        costPicos: -1,
      }),
      image(user, '2045-03-03T12:00:00.000Z', {
        provider: 'openai',
        model: 'gpt-image-1',
        costPicos: 2 ** 53,
      }),
    ];
    for (const event of broken)
      expect(() => checkAiEvent(event)).toThrow(/must be a non-negative safe integer/);
    // Retried, then dead-lettered (the bus's default handlers log each attempt): no fact.
    const quiet = [jest.spyOn(console, 'warn'), jest.spyOn(console, 'error')].map((spy) =>
      spy.mockImplementation(() => undefined),
    );
    try {
      await publish(broken[0]!);
    } finally {
      for (const spy of quiet) spy.mockRestore();
    }
    const facts = await fixture.subgraph.orm.em
      .getConnection()
      .execute<Array<{ count: string }>>('select count(*) from analytics.event_fact where actor_id = ?', [
        user,
      ]);
    expect(Number(facts[0]!.count)).toBe(0);
  });

  it('refuses a range over 366 days, a bad cursor and an oversized page', async () => {
    const long = await query(USAGE, { from: '2040-01-01', to: '2041-01-01' });
    expect(long.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    const range = { from: '2043-01-01', to: '2043-01-02' };
    const cursor = await query(POPULAR, { ...range, after: 'junk' });
    expect(cursor.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const forged = await query(POPULAR, {
      ...range,
      after: Buffer.from('["1","a","b"]').toString('base64url'),
    });
    expect(forged.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    const first = await query(POPULAR, { ...range, first: 101 });
    expect(first.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('answers FORBIDDEN to non-admins and UNAUTHENTICATED to anonymous callers', async () => {
    const range = { from: '2043-01-01', to: '2043-01-02' };
    for (const role of ['user', 'moderator'] as const) {
      const token = await issuer.token(role);
      expect((await query(USAGE, range, token)).errors![0].extensions.code).toBe('FORBIDDEN');
    }
    expect((await query(USAGE, range, null)).errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
