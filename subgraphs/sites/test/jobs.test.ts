import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { waitFor } from '@lattice/testkit';
import { type SubgraphFixture, startSubgraphFixture } from '@lattice/subgraph-kit/testing';
import { GenerationEvent, Site, SiteFile, SiteVersion } from '../src/entities';
import type { SitesRuntime } from '../src/runtime';
import { sites } from '../src/subgraph';

// The job queue without a model: versions whose steps are all stored need none, so what is
// tested here is the worker — leases, resuming, giving up — against the real database.
let subgraph: SubgraphFixture<SitesRuntime>;
const storageDir = mkdtempSync(join(tmpdir(), 'sites-jobs-'));
beforeAll(async () => {
  subgraph = await startSubgraphFixture(sites, {
    SITES_POLL_MS: '100',
    SITES_LEASE_MS: '3000',
    SITES_MAX_ATTEMPTS: '3',
    STORAGE_DIR: storageDir,
  });
}, 60_000);
afterAll(async () => {
  await subgraph?.stop();
  rmSync(storageDir, { recursive: true, force: true });
});

const PLAN = {
  title: 'Bakery',
  description: 'Bread.',
  pages: [{ path: 'index.html', title: 'Home', purpose: 'Welcome' }],
  images: [],
};

/** A site whose only version is RUNNING under `lease`, every step but packing already stored. */
async function runningVersion(lease: { owner: string; until: Date; attempts: number }) {
  const em = subgraph.em();
  const ownerId = randomUUID();
  const site = em.create(Site, {
    ownerId,
    name: 'Bakery',
    prompt: 'A bakery site',
    style: 'MODERN',
    options: { pages: 1, colorScheme: null, language: 'en', images: 0, allowScripts: false },
    versionCount: 1,
  });
  const version = em.create(SiteVersion, {
    siteId: site.id,
    ownerId,
    number: 1,
    kind: 'SITE',
    status: 'RUNNING',
    step: 'PAGES',
    plan: PLAN,
    attempts: lease.attempts,
    leaseOwner: lease.owner,
    leaseUntil: lease.until,
    startedAt: new Date(),
  });
  em.create(SiteFile, {
    versionId: version.id,
    path: 'styles.css',
    kind: 'STYLESHEET',
    content: 'body{}',
    bytes: 6,
  });
  const html = '<!DOCTYPE html><html lang="en"><head><title>Home</title></head><body>Bread</body></html>';
  em.create(SiteFile, {
    versionId: version.id,
    path: 'index.html',
    kind: 'PAGE',
    title: 'Home',
    content: html,
    bytes: html.length,
  });
  await em.flush();
  return version.id;
}

const versionOf = (id: string) => subgraph.em().findOneOrFail(SiteVersion, { id });
const messagesOf = async (id: string) =>
  (await subgraph.em().find(GenerationEvent, { versionId: id }, { orderBy: { sequence: 'asc' } })).map(
    (event) => event.message,
  );

test('a job whose worker died (its lease lapsed) is taken up by another and resumes from its stored steps', async () => {
  const id = await runningVersion({ owner: 'dead-worker', until: new Date(Date.now() - 1000), attempts: 1 });
  const version = await waitFor(async () => {
    const current = await versionOf(id);
    return current.status === 'READY' ? current : undefined;
  });
  expect(version).toMatchObject({ attempts: 2, leaseOwner: null, error: null });
  expect(await messagesOf(id)).toEqual([
    'Resumed',
    'Writing 0 page(s)',
    'Packing the ZIP',
    expect.stringMatching(/^Ready: 2 file\(s\)/),
  ]);
  const [generated] = await subgraph.outbox('sites.site_generated');
  expect(generated).toMatchObject({ versionId: id, pages: 1, images: 0 });
  const stored = await subgraph.runtime.storage.stat(generated!.archive.storageKey);
  expect(stored?.size).toBe(generated!.archive.bytes);
});

test('a job started too many times fails with its reason instead of running again', async () => {
  const id = await runningVersion({ owner: 'dead-worker', until: new Date(Date.now() - 1000), attempts: 3 });
  const version = await waitFor(async () => {
    const current = await versionOf(id);
    return current.status === 'FAILED' ? current : undefined;
  });
  expect(version.error).toBe('The generation was interrupted 3 times; try again');
  expect(await messagesOf(id)).toEqual(['The generation was interrupted 3 times; try again']);
  expect(await subgraph.outbox('sites.generation_failed')).toEqual(
    expect.arrayContaining([expect.objectContaining({ versionId: id, step: 'PAGES' })]),
  );
});

test('a job whose lease another worker holds is left alone', async () => {
  const id = await runningVersion({
    owner: 'live-worker',
    until: new Date(Date.now() + 60_000),
    attempts: 1,
  });
  subgraph.runtime.worker.wake();
  await new Promise((resolve) => setTimeout(resolve, 800)); // several polls
  expect(await versionOf(id)).toMatchObject({ status: 'RUNNING', leaseOwner: 'live-worker', attempts: 1 });
  expect(await messagesOf(id)).toEqual([]);
});
