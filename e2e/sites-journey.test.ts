import { waitFor } from '@lattice/testkit';
import type { AiLattice } from './support/ai';
import { newCustomer } from './support/billing';
import {
  attr,
  CREATE_SITE,
  downloadArchive,
  elementsOf,
  finishedVersion,
  followGeneration,
  gql,
  ok,
  scriptedSite,
  startSitesLattice,
  unzip,
} from './support/sites';

// The journey through the gateway, the local OpenAI-compatible server answering:
// create a project → progress events in order → the ZIP downloaded, its entries listed and its
// HTML parsed; the model's script and broken link caught and repaired; the preview sandboxed.
let world: AiLattice;
beforeAll(async () => {
  world = await startSitesLattice({ PLANS: JSON.stringify({ free: { limits: { siteGenerations: 3 } } }) });
}, 60_000);
afterAll(() => world?.stop());
afterEach(() => world.openai.reset());

const HOME = `<header class="site-header"><nav class="site-nav"><a href="index.html">Home</a> <a href="classes.html">Classes</a>
  <a href="contact.html">Contact</a></nav></header>
  <section class="hero"><h1>Green Leaf Yoga</h1><img src="images/hero.png" alt="A calm studio">
  <p onclick="steal()">Breathe in.</p><script>fetch('/graphql', { credentials: 'include' })</script></section>`;
const CLASSES = `<header class="site-header"><a href="index.html">Home</a></header><section><h1>Classes</h1>
  <a href="javascript:alert(1)">Book</a><img src="https://tracker.example/pixel.gif"><table><tr><td>Monday</section>`;

test('a described site is generated step by step, live, and handed back as a checked ZIP', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  openai.replies(
    scriptedSite(
      [
        { path: 'index.html', title: 'Home', html: HOME },
        { path: 'classes.html', title: 'Classes', html: CLASSES },
      ],
      ['images/hero.png'],
    ),
  );
  const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
    input: {
      prompt: 'A website for my yoga studio in Kraków, calm and green',
      pages: 2,
      images: 1,
      language: 'pl',
    },
  });
  expect(createSite.options).toEqual({
    pages: 2,
    colorScheme: null,
    language: 'pl',
    images: 1,
    allowScripts: false,
  });
  const feed = followGeneration(lattice, user.token, createSite.id);
  try {
    await waitFor(() => feed.data().some((d: any) => d.siteGeneration.status === 'READY'), {
      timeoutMs: 30_000,
    });
    const events = feed.data().map((d: any) => d.siteGeneration);
    // In order, each once, from the queue to the end, every step in its turn.
    expect(events.map((event: any) => event.sequence)).toEqual(events.map((_: unknown, i: number) => i + 1));
    expect(events[0]).toMatchObject({ status: 'QUEUED', step: null });
    const steps = events
      .map((event: any) => event.step)
      .filter((step: string | null, i: number, all: unknown[]) => step && step !== all[i - 1]);
    expect(steps).toEqual(['PLAN', 'STYLES', 'IMAGES', 'PAGES', 'PACKAGE']);
    const pages = events.filter((event: any) => event.step === 'PAGES' && event.done > 0);
    expect(pages.map((event: any) => [event.done, event.total])).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(events.at(-1)).toMatchObject({ status: 'READY', step: 'PACKAGE', version: { status: 'READY' } });
  } finally {
    feed.stop();
  }

  const site = await finishedVersion(lattice, user.token, createSite.id);
  expect(site.name).toBe('Green Leaf Yoga'); // the plan's title names an unnamed site
  const version = site.latestVersion;
  expect(version).toMatchObject({ number: 1, kind: 'SITE', status: 'READY', simulated: true, error: null });
  expect(version.tokens).toBeGreaterThan(0);
  expect(version.files.map((file: any) => file.path)).toEqual([
    'classes.html',
    'images/hero.png',
    'index.html',
    'styles.css',
  ]);
  const repairs = version.repairs.map((repair: any) => `${repair.path} ${repair.kind}`);
  expect(repairs).toEqual(
    expect.arrayContaining([
      'index.html SCRIPT_REMOVED',
      'index.html EVENT_HANDLER_REMOVED',
      'index.html LINK_REPAIRED',
      'classes.html UNSAFE_URL_REMOVED',
      'classes.html EXTERNAL_RESOURCE_REMOVED',
    ]),
  );

  const zip = await unzip(await downloadArchive(lattice, user.token, createSite.id));
  expect([...zip.keys()]).toEqual(['index.html', 'classes.html', 'styles.css', 'images/hero.png']);
  expect(zip.get('images/hero.png')!.subarray(1, 4).toString()).toBe('PNG');
  for (const path of ['index.html', 'classes.html']) {
    const html = zip.get(path)!.toString();
    const elements = elementsOf(html);
    expect(elements.find((node) => node.nodeName === 'html')?.attrs).toEqual([{ name: 'lang', value: 'pl' }]);
    expect(elements.some((node) => node.nodeName === 'script')).toBe(false);
    expect(elements.some((node) => node.attrs?.some((each) => /^on/i.test(each.name)))).toBe(false);
    const links = elements.filter((node) => node.nodeName === 'a').map((node) => attr(node, 'href'));
    for (const href of links) expect(['index.html', 'classes.html', undefined]).toContain(href);
    const stylesheets = elements.filter((node) => node.nodeName === 'link').map((node) => attr(node, 'href'));
    expect(stylesheets).toEqual(['styles.css']);
    for (const img of elements.filter((node) => node.nodeName === 'img'))
      expect(attr(img, 'src')).toBe('images/hero.png');
  }
  expect(zip.get('index.html')!.toString()).toContain('Breathe in.');

  // Usage: one of the plan's site generations, the image one of its images.
  const usage = await waitFor(async () => {
    const { me } = await ok(lattice, user.token, '{ me { usage { meter used } } }');
    const used = Object.fromEntries(me.usage.map((meter: any) => [meter.meter, meter.used]));
    return used.siteGenerations === 1 && used.imageGenerations === 1 ? used : undefined;
  });
  expect(usage.aiTokens).toBe(version.tokens);
});

test('the preview is served sandboxed from the gateway, under a link that cannot be forged', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  openai.replies(scriptedSite([{ path: 'index.html', title: 'Home', html: '<h1>Hello</h1>' }]));
  const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
    input: { prompt: 'A one page site for a bakery', pages: 1, images: 0 },
  });
  const site = await finishedVersion(lattice, user.token, createSite.id);
  const preview: string = site.latestVersion.previewUrl;
  expect(preview.startsWith(`${lattice.gateway.url.replace(/\/graphql$/, '')}/sites/preview/`)).toBe(true);

  const page = await fetch(preview);
  expect(page.status).toBe(200);
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const policy = page.headers.get('content-security-policy')!;
  expect(policy).toMatch(/^sandbox allow-popups allow-popups-to-escape-sandbox;/);
  expect(policy).toContain("script-src 'none'");
  expect(policy).toContain("default-src 'none'");
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  expect(await page.text()).toContain('<h1>Hello</h1>');
  const css = await fetch(new URL('styles.css', preview));
  expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');

  const grant = new URL(preview).pathname.split('/')[3]!;
  const [id, expires, mac] = grant.split('.');
  const origin = new URL(preview).origin;
  for (const forged of [
    `${id}.${Number(expires) + 3600}.${mac}`,
    `${id}.${expires}.${mac!.slice(1)}x`,
    'nonsense',
  ]) {
    expect((await fetch(`${origin}/sites/preview/${forged}/index.html`)).status).toBe(403);
  }
  for (const path of ['..%2F..%2Fetc%2Fpasswd', 'missing.html', '%2e%2e/index.html']) {
    // A path that climbs out of the grant leaves it (403); any other name is none of the version's files (404).
    expect([403, 404]).toContain((await fetch(`${origin}/sites/preview/${grant}/${path}`)).status);
  }
  // A grant's MAC covers its id: another id under the same MAC opens nothing.
  expect((await fetch(`${origin}/sites/preview/${site.id}.${expires}.${mac}/index.html`)).status).toBe(403);
});

test('past the plan’s site generations, createSite is QUOTA_EXCEEDED and no job starts', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  for (let i = 0; i < 3; i += 1) {
    await ok(lattice, user.token, CREATE_SITE, {
      input: { prompt: `Site number ${i} for a florist`, pages: 1, images: 0 },
    });
  }
  const requestsBefore = openai.requestCount();
  const refused = await gql(lattice, user.token, CREATE_SITE, {
    input: { prompt: 'One more site for the florist', pages: 1, images: 0 },
  });
  expect(refused.errors?.[0]?.extensions).toMatchObject({
    code: 'QUOTA_EXCEEDED',
    meter: 'siteGenerations',
    limit: 3,
  });
  const { me } = await ok(lattice, user.token, '{ me { sites(first: 10) { edges { node { id } } } } }');
  expect(me.sites.edges).toHaveLength(3);
  // Let the three finish; the refused one asked the model nothing.
  for (const edge of me.sites.edges) await finishedVersion(lattice, user.token, edge.node.id);
  expect(openai.requests().filter((request) => JSON.stringify(request).includes('One more site'))).toEqual(
    [],
  );
  expect(openai.requestCount()).toBeGreaterThanOrEqual(requestsBefore);
});
