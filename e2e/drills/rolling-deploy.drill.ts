/**
 * A rolling deploy played on one machine (on demand: `npm run drill:rolling-deploy`), as Kubernetes plays it (maxSurge 1, maxUnavailable 0):
 * two gateways and two replicas of identity and of analytics, each its own OS process started
 * from its real entry point, behind a round-robin TCP proxy per service (kube-proxy: the
 * clients' in front of the gateways, the gateways' in front of each subgraph's replicas). Under
 * a steady mixed load (queries, registrations, live subscriptions), every process is replaced in
 * turn: a new one starts and joins its pool once ready; the old one leaves the pool (its endpoint
 * removed), sleeps through its preStop, gets SIGTERM and must exit 0.
 * Then: no request failed; every registration (identity.user_registered) was counted once by
 * analytics (none lost, none twice); each subscriber received events again after each gateway
 * was replaced, through its own retries, and never one event twice.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  deleteRedisKeys,
  describeWithRedis,
  type TestDatabase,
  testRedisUrl,
  uniqueRedisPrefix,
  waitFor,
} from '@lattice/testkit';
import { newEmail, PASSWORD } from '../support/accounts';
import { composeSupergraph } from '../support/compose';
import { startLiveFeed } from '../support/live-feed';
import { type LoadFigures, startMixedLoad } from '../support/mixed-load';
import { RoundRobinProxy } from '../support/round-robin-proxy';
import { type ServiceProcess, startServiceProcess } from '../support/service-process';

/** The test's preStop: long enough for a pool change to be seen (Kubernetes' is 10 s). */
const PRE_STOP_MS = 1_000;
const ADMIN_EMAIL = 'rolling-admin@example.com';
const SUBGRAPHS = ['identity', 'analytics'] as const;
type Service = (typeof SUBGRAPHS)[number] | 'gateway';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const SIGNUPS = `{ signups(from: "${day(-1)}", to: "${day(1)}") { total } }`;
const REGISTRATIONS =
  'subscription { platformEvents(types: ["identity.user_registered"]) { id subject actor { id email } } }';

describeWithRedis('a rolling deploy of every process', () => {
  let database: TestDatabase;
  let scratch: string;
  const redisUrl = testRedisUrl()!;
  const redisPrefix = uniqueRedisPrefix('rolling');
  const proxies = {} as Record<Service, RoundRobinProxy>;
  const running = {} as Record<Service, ServiceProcess[]>;
  const everyProcess: ServiceProcess[] = [];
  let generation = 0;

  const envOf = (service: Service): Record<string, string> => {
    const common = {
      NODE_ENV: 'test',
      // As production: idle keep-alive connections get 2 s for a last request (Connection: close).
      SHUTDOWN_IDLE_DRAIN_MS: '2000',
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      SUBGRAPH_SECRET: SECRET,
      JWKS_URL: proxies.identity.url('/.well-known/jwks.json'),
    };
    if (service === 'identity') return { ...common, ADMIN_EMAIL, ADMIN_PASSWORD: PASSWORD };
    if (service === 'analytics') return common;
    return {
      ...common,
      SUPERGRAPH_PATH: join(scratch, 'supergraph.graphql'),
      SUBGRAPH_URLS: SUBGRAPHS.map((name) => `${name}=${proxies[name].url('/graphql')}`).join(','),
      // One client address and a handful of users make all of the load: no rate limit here.
      RATE_LIMIT_IP_RPS: '100000',
      RATE_LIMIT_IP_BURST: '100000',
      RATE_LIMIT_USER_RPS: '100000',
      RATE_LIMIT_USER_BURST: '100000',
    };
  };
  const SECRET = randomBytes(32).toString('hex');

  /** A new pod, started until ready; `join` adds it to its Service's endpoints. */
  const startReplica = async (service: Service): Promise<ServiceProcess> => {
    generation += 1;
    const replica = await startServiceProcess({
      name: `${service}-${generation}`,
      entry: service === 'gateway' ? 'gateway/src/main.ts' : `subgraphs/${service}/src/main.ts`,
      env: envOf(service),
      readyTimeoutMs: 90_000,
    });
    everyProcess.push(replica);
    return replica;
  };
  const addEndpoint = (service: Service, replica: ServiceProcess) =>
    proxies[service].add({ name: replica.name, port: replica.port });
  const startAndJoin = async (service: Service) => {
    const replica = await startReplica(service);
    addEndpoint(service, replica);
    running[service].push(replica);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    scratch = mkdtempSync(join(tmpdir(), 'lattice-rolling-'));
    writeFileSync(join(scratch, 'supergraph.graphql'), composeSupergraph('', [...SUBGRAPHS]));
    for (const service of [...SUBGRAPHS, 'gateway'] as const) {
      proxies[service] = await RoundRobinProxy.start();
      running[service] = [];
    }
    // The first identity creates the admin and the signing keys; then the others, together.
    await startAndJoin('identity');
    await Promise.all([startAndJoin('identity'), startAndJoin('analytics'), startAndJoin('analytics')]);
    await Promise.all([startAndJoin('gateway'), startAndJoin('gateway')]);
  }, 180_000);

  afterAll(async () => {
    for (const replica of everyProcess) replica.kill();
    await Promise.all(everyProcess.map((replica) => replica.exited));
    await Promise.all(Object.values(proxies).map((proxy) => proxy.close()));
    await database?.drop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    await deleteRedisKeys(redisUrl, redisPrefix);
  });

  it('replaces every process one by one under load: no failed request, no event lost or doubled', async () => {
    const url = proxies.gateway.url('/graphql');
    const post = async (query: string, variables?: unknown, token?: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: any; errors?: unknown };
    };
    const signIn = async (email: string) => {
      const { data, errors } = await post(
        'mutation ($input: LoginInput!) { login(input: $input) { accessToken user { id } } }',
        { input: { email, password: PASSWORD } },
      );
      if (!data?.login) throw new Error(JSON.stringify(errors));
      return data.login as { accessToken: string; user: { id: string } };
    };
    const REGISTER =
      'mutation ($input: RegisterInput!) { register(input: $input) { accessToken user { id email } } }';
    const userEmail = newEmail('rolling');
    await post(REGISTER, { input: { email: userEmail, password: PASSWORD } });
    const user = await signIn(userEmail);
    const admin = await signIn(ADMIN_EMAIL);
    // Registered before the load: the admin (at identity's start) and this user.
    const registeredBefore = 2;

    const registered: string[] = [];
    const load = startMixedLoad(url, [
      {
        name: 'query me',
        workers: 3,
        pauseMs: 20,
        token: () => user.accessToken,
        body: () => ({ query: '{ me { id email } }' }),
        check: (data) => data?.me?.id === user.user.id,
      },
      {
        name: 'query signups',
        workers: 1,
        pauseMs: 50,
        token: () => admin.accessToken,
        body: () => ({ query: SIGNUPS }),
        check: (data) => typeof data?.signups?.total === 'number',
      },
      {
        name: 'mutation register',
        workers: 2,
        pauseMs: 100,
        body: () => ({
          query: REGISTER,
          variables: { input: { email: newEmail('load'), password: PASSWORD } },
        }),
        check: (data) => typeof data?.register?.user?.id === 'string',
        onSuccess: (data) => registered.push(data.register.user.id),
      },
    ]);
    const feeds = [1, 2].map(() =>
      startLiveFeed({
        url,
        token: admin.accessToken,
        query: REGISTRATIONS,
        keyOf: (data) => data.platformEvents.id,
      }),
    );
    const rolled: Array<{
      old: string;
      fresh: string;
      startMs: number;
      drainMs: number;
      code: number | null;
    }> = [];
    const startedAt = Date.now();
    let stopped: Promise<LoadFigures> | undefined;
    try {
      await waitFor(() => feeds.every((feed) => feed.receivedSince(0) > 0), {
        timeoutMs: 20_000,
        message: 'both subscriptions live',
      });

      // The new release's pods boot beside the old ones (on two cores, booting one by one
      // would take minutes); then each old pod is replaced in turn, as a rollout does.
      const order = [...SUBGRAPHS, 'gateway'] as const;
      const next = await Promise.all(
        order.map((service) => running[service].map(() => startReplica(service))).flat(),
      );
      for (const service of order) {
        for (const old of [...running[service]]) {
          const fresh = next.find(
            (replica) =>
              replica.name.startsWith(`${service}-`) && !rolled.some((r) => r.fresh === replica.name),
          )!;
          addEndpoint(service, fresh); // ready: it joins the endpoints
          running[service] = [...running[service].filter((replica) => replica !== old), fresh];
          // The old pod is deleted: its endpoint goes while preStop sleeps, then SIGTERM.
          proxies[service].remove(old.name);
          await sleep(PRE_STOP_MS);
          const { code, drainMs } = await old.terminate();
          rolled.push({ old: old.name, fresh: fresh.name, startMs: fresh.startMs, drainMs, code });
          if (code !== 0) throw new Error(`${old.name} exited with ${code}:\n${old.output()}`);
          if (service === 'gateway') {
            // Its subscribers were told to go away (1001): they are back, on another gateway.
            const replacedAt = Date.now();
            await waitFor(() => feeds.every((feed) => feed.receivedSince(replacedAt) > 0), {
              timeoutMs: 20_000,
              message: `subscriptions resumed after ${old.name}`,
            });
          } else {
            await sleep(PRE_STOP_MS); // the load runs on the new pod a moment before the next change
          }
        }
      }
    } finally {
      stopped = load.stop();
    }
    const figures = await stopped;
    const rollMs = Date.now() - startedAt;

    // Every registration reaches analytics once: the sign-ups it counted are exactly those made.
    const expected = registeredBefore + registered.length;
    let counted = -1;
    await waitFor(
      async () => {
        counted = (await post(SIGNUPS, undefined, admin.accessToken)).data?.signups?.total ?? -1;
        return counted >= expected;
      },
      { timeoutMs: 20_000, intervalMs: 200, message: `${expected} sign-ups counted (last: ${counted})` },
    );
    await sleep(1_000); // a late duplicate would be counted by now
    counted = (await post(SIGNUPS, undefined, admin.accessToken)).data.signups.total;
    await sleep(500);
    const live = feeds.map((feed) => feed.figures());
    await Promise.all(feeds.map((feed) => feed.stop()));

    process.stdout.write(
      `${[
        'rolling deploy:',
        `  processes replaced: ${rolled.length} in ${(rollMs / 1000).toFixed(1)} s (preStop ${PRE_STOP_MS} ms)`,
        ...rolled.map(
          (r) =>
            `    ${r.old} -> ${r.fresh}: new one ready in ${r.startMs} ms, old one drained in ${r.drainMs} ms`,
        ),
        `  requests: ${figures.requests} (${figures.ratePerSecond}/s), failed: ${figures.failures}`,
        ...Object.entries(figures.byOperation).map(
          ([name, counts]) => `    ${name}: ${counts.requests}, failed ${counts.failures}`,
        ),
        `  latency: p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms`,
        `  events: ${registered.length} registrations under load, sign-ups counted ${counted} of ${expected} expected`,
        ...live.map(
          (feed, i) =>
            `  subscriber ${i + 1}: ${feed.received} events, ${feed.duplicates} duplicated, ${feed.reconnects} reconnects (close codes ${feed.closeCodes.join(', ') || 'none'})`,
        ),
        `  proxy connections: ${[...Object.values(proxies)].map((proxy) => [...proxy.connections].map(([n, c]) => `${n} ${c}`).join(', ')).join('; ')}; refused ${Object.values(proxies).reduce((sum, proxy) => sum + proxy.refused, 0)}`,
        ...figures.failureSamples.map((sample) => `  failure: ${sample}`),
        ...live.flatMap((feed) => feed.errors.slice(0, 3).map((error) => `  subscription error: ${error}`)),
      ].join('\n')}\n`,
    );

    expect(rolled).toHaveLength(6);
    expect(figures.failureSamples).toEqual([]);
    expect(figures.failures).toBe(0);
    expect(registered.length).toBeGreaterThan(10);
    expect(counted).toBe(expected);
    for (const feed of live) {
      expect(feed.duplicates).toBe(0);
      expect(feed.reconnects).toBeGreaterThanOrEqual(1);
      expect(feed.errors).toEqual([]);
    }
  }, 180_000);
});
