import { waitFor } from '@lattice/testkit';
import type { AiLattice } from './support/ai';
import { newCustomer } from './support/billing';
import {
  CREATE_SITE,
  finishedVersion,
  followGeneration,
  gql,
  ok,
  scriptedSite,
  SITE,
  startSitesLattice,
  unzip,
  downloadArchive,
} from './support/sites';

// Versions, cancelling and restarts: regenerating a page keeps the rest, a cancelled job ends
// CANCELLED and leaves the site usable, and a job whose process stops resumes where it was.
let world: AiLattice;
beforeAll(async () => {
  world = await startSitesLattice({ PLANS: JSON.stringify({ free: { limits: { siteGenerations: 20 } } }) });
}, 60_000);
afterAll(() => world?.stop());
afterEach(() => world.openai.reset());

const REGENERATE_PAGE = `mutation($id: ID!, $path: String!, $i: String) {
  regeneratePage(id: $id, path: $path, instructions: $i) { id number kind pagePath status }
}`;
const CANCEL = 'mutation($id: ID!) { cancelSiteGeneration(id: $id) { id status } }';

test('regeneratePage makes a new version with that page rewritten and every other file kept', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  openai.replies(
    scriptedSite([
      { path: 'index.html', title: 'Home', html: '<h1>Home v1</h1><a href="about.html">About</a>' },
      { path: 'about.html', title: 'About', html: '<h1>About v1</h1>' },
    ]),
  );
  const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
    input: { prompt: 'A site for a carpenter', name: 'Wood & Co', pages: 2, images: 0 },
  });
  await finishedVersion(lattice, user.token, createSite.id);

  openai.reply(JSON.stringify({ title: 'About us', html: '<h1>About v2</h1><a href="index.html">Home</a>' }));
  const { regeneratePage } = await ok(lattice, user.token, REGENERATE_PAGE, {
    id: createSite.id,
    path: 'about.html',
    i: 'Mention 20 years of experience',
  });
  expect(regeneratePage).toMatchObject({ number: 2, kind: 'PAGE', pagePath: 'about.html', status: 'QUEUED' });
  const site = await finishedVersion(lattice, user.token, createSite.id);
  expect(site.name).toBe('Wood & Co'); // named by the user: the plan does not rename it
  expect(site.latestVersion).toMatchObject({ number: 2, status: 'READY' });
  expect(site.versions.edges.map((edge: any) => [edge.node.number, edge.node.kind])).toEqual([
    [2, 'PAGE'],
    [1, 'SITE'],
  ]);
  await waitFor(
    async () =>
      (await ok(lattice, user.token, SITE, { id: createSite.id })).site.archive?.id ===
      site.latestVersion.archive?.id,
  );
  const zip = await unzip(await downloadArchive(lattice, user.token, createSite.id));
  expect(zip.get('index.html')!.toString()).toContain('Home v1');
  expect(zip.get('about.html')!.toString()).toContain('About v2');
  const prompt = JSON.stringify(openai.requests().at(-1));
  expect(prompt).toContain('Mention 20 years of experience');

  const bad = await gql(lattice, user.token, REGENERATE_PAGE, { id: createSite.id, path: '../etc.html' });
  expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'path' });
  const missing = await gql(lattice, user.token, REGENERATE_PAGE, { id: createSite.id, path: 'blog.html' });
  expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});

test('a cancelled generation ends CANCELLED, and the site can be generated again', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  openai.delay({ firstTokenMs: 1500 });
  const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
    input: { prompt: 'A site for a slow bakery', pages: 3, images: 0 },
  });
  const feed = followGeneration(lattice, user.token, createSite.id);
  try {
    await waitFor(() => feed.data().some((d: any) => d.siteGeneration.status === 'RUNNING'), {
      timeoutMs: 10_000,
    });
    const second = await gql(lattice, user.token, 'mutation($id: ID!) { regenerateSite(id: $id) { id } }', {
      id: createSite.id,
    });
    expect(second.errors?.[0]?.extensions?.code).toBe('CONFLICT'); // one generation at a time
    const { cancelSiteGeneration } = await ok(lattice, user.token, CANCEL, { id: createSite.id });
    expect(cancelSiteGeneration.status).toBe('RUNNING');
    await waitFor(() => feed.data().some((d: any) => d.siteGeneration.status === 'CANCELLED'), {
      timeoutMs: 10_000,
    });
  } finally {
    feed.stop();
  }
  const cancelled = await finishedVersion(lattice, user.token, createSite.id);
  expect(cancelled.latestVersion).toMatchObject({
    status: 'CANCELLED',
    error: null,
    archive: null,
    previewUrl: null,
  });
  const again = await gql(lattice, user.token, CANCEL, { id: createSite.id });
  expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

  openai.reset();
  const { regenerateSite } = await ok(
    lattice,
    user.token,
    'mutation($id: ID!) { regenerateSite(id: $id) { id number } }',
    {
      id: createSite.id,
    },
  );
  expect(regenerateSite.number).toBe(2);
  const site = await finishedVersion(lattice, user.token, createSite.id);
  expect(site.latestVersion).toMatchObject({ number: 2, status: 'READY' });
});

test('a model failure mid-job fails the version with its reason, and the site stays usable', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  openai.replies(['this is not JSON']);
  const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
    input: { prompt: 'A site for a broken model', pages: 1, images: 0 },
  });
  const failed = await finishedVersion(lattice, user.token, createSite.id);
  expect(failed.latestVersion).toMatchObject({ status: 'FAILED', step: 'PLAN', archive: null });
  expect(failed.latestVersion.error).toMatch(/unusable: not JSON/);
  await ok(lattice, user.token, 'mutation($id: ID!) { regenerateSite(id: $id) { id } }', {
    id: createSite.id,
  });
  expect((await finishedVersion(lattice, user.token, createSite.id)).latestVersion.status).toBe('READY');
});

test('a job whose process stops resumes when the process comes back, without redoing its pages', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  openai.delay({ firstTokenMs: 700 });
  const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
    input: { prompt: 'A site for a restart-proof gym', pages: 4, images: 0 },
  });
  const before = followGeneration(lattice, user.token, createSite.id);
  try {
    await waitFor(
      () => before.data().some((d: any) => d.siteGeneration.step === 'PAGES' && d.siteGeneration.done >= 1),
      { timeoutMs: 20_000 },
    );
  } finally {
    before.stop();
  }
  const pagesAsked = () =>
    openai.requests().filter((request) => JSON.stringify(request).includes('site_page')).length;
  const port = lattice.subgraphs.sites!.port;
  await lattice.subgraphs.sites!.close();
  const askedBeforeRestart = pagesAsked();
  lattice.subgraphs.sites = await lattice.restartSubgraph('sites', port);

  // A client coming back replays the whole story, then follows the rest.
  const after = followGeneration(lattice, user.token, createSite.id);
  try {
    await waitFor(() => after.data().some((d: any) => d.siteGeneration.status === 'READY'), {
      timeoutMs: 30_000,
    });
    const events = after.data().map((d: any) => d.siteGeneration);
    expect(events.map((event: any) => event.sequence)).toEqual(events.map((_: unknown, i: number) => i + 1));
    expect(events.filter((event: any) => event.message === 'Resumed')).toHaveLength(1);
  } finally {
    after.stop();
  }
  // Four pages in all: those written before the stop were not asked for again.
  expect(pagesAsked()).toBeLessThanOrEqual(askedBeforeRestart + 3);
  const site = await finishedVersion(lattice, user.token, createSite.id);
  expect(site.latestVersion.files.filter((file: any) => file.kind === 'PAGE')).toHaveLength(4);
});
