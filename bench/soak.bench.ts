/**
 * A steady mixed load through the gateway, as users make it: USERS users each sign up, then
 * read `me { profile }`, write their profile and refresh their tokens at a steady pace, for
 * SOAK_SECONDS. Prints requests, rate, latency and every error by operation and code; exits
 * 1 if any request failed.
 *   npm run bench:soak            (SOAK_SECONDS=60, SOAK_USERS=100, SOAK_RPS=190 to tune)
 */
import { performance } from 'node:perf_hooks';
import { serveLattice } from './harness';

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const users = Number(process.env.SOAK_USERS ?? 100);
const targetRps = Number(process.env.SOAK_RPS ?? 190);
const PASSWORD = 'soak test password';

const REGISTER = 'mutation($i: RegisterInput!) { register(input: $i) { accessToken refreshToken } }';
const ME = '{ me { id email role profile { displayName } } }';
const UPDATE = 'mutation($i: UpdateProfileInput!) { updateProfile(input: $i) { displayName } }';
const REFRESH = 'mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }';

interface Tally {
  count: number;
  latencies: number[];
  errors: Map<string, number>;
}
const tallies = new Map<string, Tally>();

async function call(url: string, operation: string, query: string, variables: unknown, token?: string) {
  const tally: Tally = tallies.get(operation) ?? { count: 0, latencies: [], errors: new Map() };
  tallies.set(operation, tally);
  const started = performance.now();
  let failure: string | undefined;
  let data: any;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const json = (await response.json()) as {
      data?: any;
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    if (json.errors?.length) failure = `${response.status} ${json.errors[0]?.extensions?.code ?? 'no code'}`;
    else if (!response.ok) failure = `HTTP ${response.status}`;
    data = json.data;
  } catch (error) {
    failure = `network: ${(error as Error).message}`;
  }
  tally.count += 1;
  tally.latencies.push(performance.now() - started);
  if (failure) tally.errors.set(failure, (tally.errors.get(failure) ?? 0) + 1);
  return failure ? undefined : data;
}

/** One user: signs up, then acts every `interval` ms until `until`. */
async function user(url: string, n: number, interval: number, until: number): Promise<void> {
  const email = `soak-${process.pid}-${n}@example.com`;
  const signedUp = await call(url, 'register', REGISTER, { i: { email, password: PASSWORD } });
  if (!signedUp) return;
  let { accessToken, refreshToken } = signedUp.register as { accessToken: string; refreshToken: string };
  // Spread the users over the first interval so the load is steady, not in waves.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * interval));
  for (let step = 0; performance.now() < until; step += 1) {
    const next = performance.now() + interval;
    const roll = step % 10;
    if (roll < 6) await call(url, 'me', ME, {}, accessToken);
    else if (roll < 9)
      await call(url, 'updateProfile', UPDATE, { i: { displayName: `soak ${n}.${step}` } }, accessToken);
    else {
      const refreshed = await call(url, 'refreshToken', REFRESH, { t: refreshToken });
      if (refreshed) ({ accessToken, refreshToken } = refreshed.refreshToken);
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

async function main(): Promise<void> {
  const lattice = await serveLattice();
  let failed = 0;
  try {
    const interval = (users / targetRps) * 1000;
    console.log(
      `soak: ${users} users, one request each every ${interval.toFixed(0)} ms (~${targetRps}/s), ${seconds} s`,
    );
    const started = performance.now();
    await Promise.all(
      Array.from({ length: users }, (_, n) => user(lattice.gateway, n, interval, started + seconds * 1000)),
    );
    const elapsed = (performance.now() - started) / 1000;
    console.log('\n| operation | requests | p50 ms | p99 ms | errors |\n| --- | ---: | ---: | ---: | --- |');
    let total = 0;
    for (const [operation, tally] of tallies) {
      const sorted = [...tally.latencies].sort((a, b) => a - b);
      const errors = [...tally.errors].map(([kind, count]) => `${count}× ${kind}`).join(', ') || '0';
      failed += [...tally.errors.values()].reduce((sum, count) => sum + count, 0);
      total += tally.count;
      console.log(
        `| ${operation} | ${tally.count} | ${percentile(sorted, 0.5).toFixed(1)} | ${percentile(sorted, 0.99).toFixed(1)} | ${errors} |`,
      );
    }
    console.log(
      `\n${total} requests in ${elapsed.toFixed(1)} s: ${(total / elapsed).toFixed(0)}/s; ${failed} failed`,
    );
  } finally {
    await lattice.stop();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
