/**
 * The hot-path quota check of @lattice/entitlements (`meter.check`: one statement reading a
 * user's allowance and counter) against real PostgreSQL, next to `select 1` sent the same way
 * (a forked EntityManager, the same pool): the difference is what the check itself costs.
 *   npm run bench:entitlements      (DATABASE_URL, BENCH_SECONDS, BENCH_CONCURRENCY, BENCH_USERS to tune)
 * Works in a scratch schema, dropped at the end.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createMeter,
  planCatalogue,
  UsageAllowance,
  UsageCounter,
  usageEntities,
} from '@lattice/entitlements';
import { type EntityManager, MikroORM, PostgreSqlDriver } from '@mikro-orm/postgresql';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const userCount = Number(process.env.BENCH_USERS ?? 1000);
const POOL_SIZE = 10; // subgraph-kit's

interface Result {
  target: string;
  ops: number;
  opsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

/** `concurrency` callers each running `operation` back to back for `durationSeconds`. */
async function drive(
  target: string,
  durationSeconds: number,
  operation: () => Promise<unknown>,
): Promise<Result> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const begin = performance.now();
        try {
          await operation();
          latencies.push(performance.now() - begin);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return {
    target,
    ops: latencies.length,
    opsPerSecond: Math.round(latencies.length / elapsed),
    p50: percentile(0.5),
    p99: percentile(0.99),
    errors,
  };
}

async function seed(em: EntityManager, users: string[]): Promise<void> {
  const pro = planCatalogue().get('pro')!;
  const now = Date.now();
  const periodStart = new Date(now - 5 * 86_400_000);
  const periodEnd = new Date(now + 25 * 86_400_000);
  // Half the users have a paid allowance (its period), the others none (the free plan, this month).
  const month = new Date(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), 1));
  await em.insertMany(
    UsageAllowance,
    users
      .filter((_, i) => i % 2 === 0)
      .map((userId) => ({
        userId,
        plan: pro.id,
        periodStart,
        periodEnd,
        aiTokensLimit: pro.limits.aiTokens,
        imageGenerationsLimit: pro.limits.imageGenerations,
        siteGenerationsLimit: pro.limits.siteGenerations,
        storageBytesLimit: pro.limits.storageBytes,
        eventId: randomUUID(),
        eventOccurredAt: periodStart,
        updatedAt: periodStart,
      })),
  );
  await em.insertMany(
    UsageCounter,
    users.flatMap((userId, i) => [
      // The previous period's counter too: the statement must pass it by.
      { userId, meter: 'aiTokens', periodStart: i % 2 === 0 ? periodStart : month, used: 1_000 + i },
      { userId, meter: 'aiTokens', periodStart: new Date(periodStart.getTime() - 30 * 86_400_000), used: 5 },
    ]),
  );
}

function print(results: Result[]): void {
  console.log('\n| target | ops | ops/s | p50 ms | p99 ms | errors |');
  console.log('|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.target} | ${r.ops} | ${r.opsPerSecond} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ${r.errors} |`,
    );
}

async function main(): Promise<void> {
  const schema = `entitlements_bench_${randomBytes(4).toString('hex')}`;
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    schema,
    entities: usageEntities,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: POOL_SIZE },
    discovery: { warnWhenNoEntities: false },
  });
  try {
    await orm.schema.createSchema();
    const users = Array.from({ length: userCount }, () => randomUUID());
    await seed(orm.em.fork(), users);
    const meter = createMeter({ catalogue: planCatalogue() });
    const anyUser = () => users[Math.floor(Math.random() * users.length)]!;
    const check = () => meter.check(orm.em.fork(), anyUser(), 'aiTokens');
    const selectOne = () => {
      const em = orm.em.fork();
      return em.getConnection().execute('select 1', [], 'all', em.getTransactionContext());
    };

    console.log(
      `${concurrency} concurrent callers, ${seconds}s per target (after a 2s warm-up), pool of ${POOL_SIZE}, ` +
        `${userCount} users, ${databaseUrl.replace(/\/\/[^@]*@/, '//')}`,
    );
    await drive('warm-up', 2, check);
    print([
      await drive('select 1 (baseline)', seconds, selectOne),
      await drive('meter.check', seconds, check),
    ]);
  } finally {
    await orm.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
    await orm.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
