import { parse } from 'parse5';
import yauzl from 'yauzl';
import { subscribe, waitFor, wsClient } from '@lattice/testkit';
import { type AiLattice, startAiLattice } from './ai';
import { ok } from './graphql';
import type { TestLattice } from './test-lattice';

export { gql, ok } from './graphql';

/** Identity, billing, ai, media and sites behind a gateway, ai on a simulator the test drives. */
export function startSitesLattice(env: Record<string, string> = {}): Promise<AiLattice> {
  return startAiLattice({
    subgraphs: ['media', 'sites'],
    env: { SITES_POLL_MS: '200', SITES_LEASE_MS: '3000', ...env },
  });
}

export const VERSION_FIELDS = /* GraphQL */ `
  id number kind pagePath status step error tokens simulated
  files { path kind title bytes }
  repairs { path kind detail }
  archive { id }
  previewUrl
`;

export const CREATE_SITE = `mutation($input: CreateSiteInput!) {
  createSite(input: $input) { id name prompt style options { pages colorScheme language images allowScripts } latestVersion { id status } }
}`;
export const SITE = `query($id: ID!) {
  site(id: $id) { id name latestVersion { ${VERSION_FIELDS} } currentVersion { id number } archive { id }
    versions(first: 10) { edges { node { id number kind status } } } }
}`;
export const SITE_GENERATION = `subscription($s: ID!, $after: Int) {
  siteGeneration(siteId: $s, after: $after) { siteId versionId sequence step status done total message version { id status } }
}`;

/** The model's answers for a site of `pages` (index.html first) and `images`, in the order sites asks. */
export function scriptedSite(
  pages: Array<{ path: string; title: string; html: string }>,
  images: string[] = [],
) {
  return [
    JSON.stringify({
      title: 'Green Leaf Yoga',
      description: 'A small yoga studio in Kraków.',
      pages: pages.map(({ path, title }) => ({ path, title, purpose: `The ${title} page` })),
      images: images.map((path) => ({ path, prompt: `A calm photo for ${path}`, alt: `Picture ${path}` })),
    }),
    JSON.stringify({ css: 'body { font-family: sans-serif; color: #234 } .hero { padding: 4rem }' }),
    ...pages.map(({ title, html }) => JSON.stringify({ title, html })),
  ];
}

/** Follows a site's generation from its first event until a version of it ends. */
export function followGeneration(lattice: TestLattice, token: string, siteId: string, after = 0) {
  return subscribe(wsClient(lattice.gateway.url, token), SITE_GENERATION, { s: siteId, after });
}

export const FINISHED = ['READY', 'FAILED', 'CANCELLED'];

/** The site's latest version once it has ended. */
export async function finishedVersion(lattice: TestLattice, token: string, siteId: string) {
  return waitFor(
    async () => {
      const { site } = await ok(lattice, token, SITE, { id: siteId });
      return FINISHED.includes(site.latestVersion?.status) ? site : undefined;
    },
    { timeoutMs: 30_000 },
  );
}

/** The site's archive once media has stored it, downloaded through its signed URL. */
export async function downloadArchive(lattice: TestLattice, token: string, siteId: string): Promise<Buffer> {
  const url = await waitFor(async () => {
    const { site } = await ok(
      lattice,
      token,
      'query($id: ID!) { site(id: $id) { archive { ... on Media { url } } } }',
      {
        id: siteId,
      },
    );
    return site.archive?.url ?? undefined;
  });
  const response = await fetch(url);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

/** Every entry of a ZIP, with its bytes. */
export function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

type Node = {
  nodeName: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
};

/** Every element of an HTML document (parse5), depth first. */
export function elementsOf(html: string): Node[] {
  const all: Node[] = [];
  const walk = (node: Node) => {
    all.push(node);
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(html) as unknown as Node);
  return all.filter((node) => !node.nodeName.startsWith('#'));
}

export const attr = (node: Node, name: string) => node.attrs?.find((each) => each.name === name)?.value;
