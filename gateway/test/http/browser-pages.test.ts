import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { gunzipSync, gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { gatewayConfigFromEnv, type RunningGateway, startGateway } from '../../src';
import { PAGE_CSP } from '../../src/http/browser/headers';

const SUPERGRAPH = join(__dirname, '..', '..', '..', 'schema', 'supergraph.graphql');
const SECRET = 'the content of a file outside the assets folder';
const IDE_SCRIPT = 'console.warn("ide")';

let scratch: string;
let gateway: RunningGateway;

/** A console build of two small files, and a file beside it that must never be served. */
function fakeBuild(): string {
  scratch = mkdtempSync(join(tmpdir(), 'lattice-browser-'));
  const dist = join(scratch, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(scratch, 'secret.txt'), SECRET);
  writeFileSync(join(dist, 'secret.js'), SECRET);
  writeFileSync(join(dist, 'assets', 'ide-ABC.js'), IDE_SCRIPT);
  writeFileSync(join(dist, 'assets', 'ide-ABC.js.gz'), gzipSync(IDE_SCRIPT));
  writeFileSync(join(dist, 'assets', 'ide-ABC.css'), 'body{}');
  writeFileSync(join(dist, 'assets', 'console-DEF.js'), 'console.warn("console")');
  writeFileSync(
    join(dist, 'manifest.json'),
    JSON.stringify({
      ide: { scripts: ['ide-ABC.js'], styles: ['ide-ABC.css'] },
      console: { scripts: ['console-DEF.js'], styles: [] },
    }),
  );
  return dist;
}

const env = {
  SUPERGRAPH_PATH: SUPERGRAPH,
  SUBGRAPH_URLS: 'identity=http://127.0.0.1:9/graphql',
  PORT: '0',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'silent',
};

async function start(extra: Record<string, string>, assetsDir: string): Promise<RunningGateway> {
  const config = gatewayConfigFromEnv({ ...env, ...extra });
  return startGateway({ ...config, browser: { ...config.browser, assetsDir } });
}

/** A raw request: the path is sent exactly as written (fetch would normalize it). */
function get(
  path: string,
  headers: Record<string, string> = {},
  on = gateway,
): Promise<{
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  bytes: Buffer;
}> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: on.port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const BROWSER = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

beforeAll(async () => {
  gateway = await start({ NODE_ENV: 'development' }, fakeBuild());
});
afterAll(async () => {
  await gateway?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the GraphQL IDE and the admin console', () => {
  it('serves the IDE to a browser on GET /graphql, with the strict policy and no caching', async () => {
    const page = await get('/graphql', BROWSER);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(PAGE_CSP);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.body).toContain('<script type="module" src="/ui/assets/ide-ABC.js"></script>');
    expect(page.body).toContain('<link rel="stylesheet" href="/ui/assets/ide-ABC.css">');
    expect(page.body).not.toMatch(/<script>|<script [^>]*>[^<]/); // no inline script
  });

  it('leaves GraphQL clients alone on /graphql', async () => {
    const response = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    // A GET without text/html is Apollo's, which refuses it as a possible CSRF.
    expect((await get('/graphql?query=%7B__typename%7D')).status).toBe(400);
  });

  it('serves the console at /admin and sends a browser from / to the IDE', async () => {
    for (const path of ['/admin', '/admin/']) {
      const page = await get(path, BROWSER);
      expect(page.status).toBe(200);
      expect(page.headers['content-security-policy']).toBe(PAGE_CSP);
      expect(page.body).toContain('src="/ui/assets/console-DEF.js"');
    }
    const root = await get('/', BROWSER);
    expect(root.status).toBe(302);
    expect(root.headers.location).toBe('/graphql');
    expect(root.headers['content-security-policy']).toBe(PAGE_CSP);
  });

  it('writes nothing of the request into a page', async () => {
    const plain = await get('/admin', BROWSER);
    const hostile = await get('/admin?next=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&x=<b>', {
      ...BROWSER,
      'x-forwarded-host': '"><script>alert(1)</script>',
      referer: 'https://evil.example/"><script>',
      'user-agent': '<script>alert(1)</script>',
    });
    expect(hostile.body).toBe(plain.body);
    expect(hostile.body).not.toContain('alert');
  });

  it('serves hashed assets for a year, under a policy, with their type', async () => {
    const script = await get('/ui/assets/ide-ABC.js');
    expect(script.status).toBe(200);
    expect(script.body).toBe(IDE_SCRIPT);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/ui/assets/ide-ABC.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it("sends the build's gzipped copy to clients that accept gzip", async () => {
    const gzipped = await get('/ui/assets/ide-ABC.js', { 'accept-encoding': 'br, gzip, deflate' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('origin, accept-encoding');
    expect(gunzipSync(gzipped.bytes).toString()).toBe(IDE_SCRIPT);
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.bytes.length);
    const refused = await get('/ui/assets/ide-ABC.js', { 'accept-encoding': 'gzip;q=0, br' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(IDE_SCRIPT);
    // The copy is not a file of its own; a file without one is sent as it is.
    expect((await get('/ui/assets/ide-ABC.js.gz')).status).toBe(404);
    const css = await get('/ui/assets/ide-ABC.css', { 'accept-encoding': 'gzip' });
    expect([css.headers['content-encoding'], css.body]).toEqual([undefined, 'body{}']);
  });

  it.each([
    '/ui/assets/../secret.js',
    '/ui/assets/../../secret.txt',
    '/ui/assets/..%2fsecret.js',
    '/ui/assets/..%2f..%2fsecret.txt',
    '/ui/assets/%2e%2e/secret.js',
    '/ui/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/ui/assets/..%5csecret.js',
    '/ui/assets/....//secret.js',
    '/ui/assets//etc/passwd',
    '/ui/assets/%2fetc%2fpasswd',
    '/ui/assets/ide-ABC.js%00.css',
    '/ui/assets/',
    '/ui/assets/manifest.json',
  ])('finds nothing outside the build: %s', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
    expect(response.body).not.toContain('root:');
    expect(response.headers['content-security-policy']).toBeDefined();
  });
});

describe('the browser pages in production', () => {
  let production: RunningGateway | undefined;
  afterEach(async () => {
    await production?.close();
    production = undefined;
  });

  it('are off by default: /graphql stays an API, /admin and the assets are not found', async () => {
    production = await start({ NODE_ENV: 'production' }, join(scratch, 'dist'));
    const ide = await get('/graphql', BROWSER, production);
    expect(ide.status).toBe(400); // Apollo's CSRF refusal, as before
    expect(ide.body).not.toContain('<html');
    expect((await get('/admin', BROWSER, production)).status).toBe(404);
    expect((await get('/ui/assets/ide-ABC.js', {}, production)).status).toBe(404);
    expect((await get('/', BROWSER, production)).status).toBe(404);
  });

  it('are on when asked for', async () => {
    production = await start(
      { NODE_ENV: 'production', GATEWAY_IDE: 'false', GATEWAY_CONSOLE: 'true' },
      join(scratch, 'dist'),
    );
    expect((await get('/admin', BROWSER, production)).status).toBe(200);
    expect((await get('/graphql', BROWSER, production)).status).toBe(400);
  });
});

describe('without a console build', () => {
  it('answers 503 on the pages and starts all the same', async () => {
    const unbuilt = await start({ NODE_ENV: 'development' }, join(scratch, 'nothing-here'));
    try {
      const page = await get('/admin', BROWSER, unbuilt);
      expect(page.status).toBe(503);
      expect(page.body).toContain('npm run build -w @lattice/console');
    } finally {
      await unbuilt.close();
    }
  });
});
