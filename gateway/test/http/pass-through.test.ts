import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { ALLOWED_ORIGIN, type PassThroughGateway, startPassThrough } from './support/pass-through-server';

/** A stand-in for the media subgraph: node:http, answering with whatever the test sets. */
interface FakeMedia {
  url: string;
  received: { method?: string; url?: string; headers: IncomingHttpHeaders }[];
  /** Resolves when a request's connection closes, with whether its body had all arrived. */
  closed: Promise<boolean>[];
  handle: (req: IncomingMessage, res: ServerResponse) => void;
  close(): Promise<void>;
}

async function startFakeMedia(): Promise<FakeMedia> {
  const media: FakeMedia = {
    url: '',
    received: [],
    closed: [],
    handle: (_req, res) => res.end('ok'),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const server: Server = createServer((req, res) => {
    media.received.push({ method: req.method, url: req.url, headers: req.headers });
    media.closed.push(new Promise((resolve) => req.once('close', () => resolve(req.complete))));
    media.handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  media.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return media;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request with node:http (fetch refuses to send hop-by-hop headers); `body` may stream. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer | Readable } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const sent = request(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    sent.on('error', reject);
    if (options.body instanceof Readable) options.body.pipe(sent);
    else sent.end(options.body);
  });
}

/** `total` random bytes in 64 KiB chunks, made as they are read; `made` counts them, `sha256()` digests them. */
function randomBody(total: number) {
  const hash = createHash('sha256');
  const counter = { made: 0 };
  const stream = new Readable({
    read() {
      if (counter.made >= total) return void this.push(null);
      const chunk = randomBytes(Math.min(65_536, total - counter.made));
      counter.made += chunk.length;
      hash.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, counter, sha256: () => hash.digest('hex') };
}

/** Reads a request's body, hashing it. */
async function digest(req: IncomingMessage): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of req) {
    bytes += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** The pass-through requests counted with `outcome`, once they reach `expected` (counted as their connection closes). */
async function counted(outcome: string, expected: number): Promise<number> {
  const deadline = Date.now() + 2_000;
  for (;;) {
    const { values } = await gateway.metrics.passThroughRequests.get();
    const value = values.find((entry) => entry.labels.outcome === outcome)?.value ?? 0;
    if (value >= expected || Date.now() > deadline) return value;
    await wait(10);
  }
}

const json = (answer: Answer) => JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let media: FakeMedia;
let gateway: PassThroughGateway;

beforeEach(async () => {
  media = await startFakeMedia();
  gateway = await startPassThrough(media.url);
});
afterEach(async () => {
  await gateway.close();
  await media.close();
});

describe('the pass-through to a subgraph', () => {
  it('streams a 50 MB upload byte for byte, without the gateway holding it', async () => {
    media.handle = (req, res) => void digest(req).then((result) => res.end(JSON.stringify(result)));
    // In a process of its own, so that its memory is its own; `/rss` collects garbage first.
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--conditions=lattice-source',
        '--require',
        'tsx/cjs',
        join(__dirname, 'support', 'pass-through-process.ts'),
      ],
      { env: { ...process.env, MEDIA_URL: media.url }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const { url } = await new Promise<{ url: string }>((resolve, reject) => {
        createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line)));
        child.once('exit', (code) => reject(new Error(`the pass-through process exited with ${code}`)));
      });
      const rss = async () => Number((await send(`${url}/rss`)).body.toString());
      await send(`${url}/media/warm-up`, { method: 'PUT', body: randomBytes(1_000_000) });
      const before = await rss();
      let peak = before;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          peak = Math.max(peak, await rss());
          await wait(20);
        }
      })();
      const size = 50 * 1024 * 1024;
      const body = randomBody(size);
      const answer = await send(`${url}/media/uploads/big`, {
        method: 'PUT',
        headers: { 'content-type': 'application/octet-stream', 'content-length': String(size) },
        body: body.stream,
      });
      sampling = false;
      await sampler;

      expect(answer.status).toBe(200);
      expect(json(answer)).toEqual({ bytes: size, sha256: body.sha256() });
      // Garbage is collected at each sample (else the socket buffers V8 has not collected yet
      // weigh about 30 MB): streamed, it grows by 4-7 MB; buffered, by about 100 MB.
      expect((peak - before) / 2 ** 20).toBeLessThan(20);
    } finally {
      child.kill();
    }
  }, 60_000);

  it('holds the client back while the subgraph does not read', async () => {
    let received = 0;
    let resume: (() => void) | undefined;
    media.handle = (req, res) => {
      req.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= 1024 * 1024 && !resume) {
          req.pause();
          resume = () => req.resume();
        }
      });
      req.on('end', () => res.end(String(received)));
    };
    const size = 64 * 1024 * 1024;
    const body = randomBody(size);
    const answer = send(`${gateway.url}/media/uploads/slow`, {
      method: 'PUT',
      headers: { 'content-length': String(size) },
      body: body.stream,
    });
    await wait(1_500);
    // What the client could send is bounded by buffers (sockets, streams), not by the body.
    expect(body.counter.made).toBeLessThan(24 * 1024 * 1024);
    resume!();
    expect((await answer).body.toString()).toBe(String(size));
  }, 30_000);

  it('passes a Range request on and its 206 back, headers and bytes', async () => {
    const file = randomBytes(10_000);
    media.handle = (req, res) => {
      expect(req.headers.range).toBe('bytes=100-199');
      res.writeHead(206, {
        'content-type': 'image/png',
        'content-range': 'bytes 100-199/10000',
        'accept-ranges': 'bytes',
        etag: '"v1"',
        'content-length': '100',
        'cache-control': 'private, max-age=60',
      });
      res.end(file.subarray(100, 200));
    };
    const answer = await send(`${gateway.url}/media/files/abc?sig=xyz&exp=1`, {
      headers: { range: 'bytes=100-199' },
    });
    expect(media.received[0]).toMatchObject({ method: 'GET', url: '/media/files/abc?sig=xyz&exp=1' });
    expect(answer.status).toBe(206);
    expect(answer.headers).toMatchObject({
      'content-type': 'image/png',
      'content-range': 'bytes 100-199/10000',
      'accept-ranges': 'bytes',
      etag: '"v1"',
      'content-length': '100',
      'cache-control': 'private, max-age=60',
    });
    expect(answer.body.equals(file.subarray(100, 200))).toBe(true);
  });

  it('answers HEAD with the headers alone', async () => {
    media.handle = (_req, res) => {
      res.writeHead(200, { 'upload-offset': '42', 'upload-length': '100', 'tus-resumable': '1.0.0' });
      res.end();
    };
    const answer = await send(`${gateway.url}/media/uploads/abc`, {
      method: 'HEAD',
      headers: { 'tus-resumable': '1.0.0' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({ 'upload-offset': '42', 'upload-length': '100' });
    expect(answer.body.length).toBe(0);
  });

  it('aborts the upload to the subgraph when the client goes away', async () => {
    media.handle = (req) => req.resume(); // reads, never answers
    const client = request(`${gateway.url}/media/uploads/abc`, {
      method: 'PATCH',
      headers: { 'content-length': '10000000', 'upload-offset': '0', 'tus-resumable': '1.0.0' },
    });
    client.on('error', () => {});
    client.write(randomBytes(100_000));
    while (media.closed.length === 0) await wait(10);
    client.destroy();
    // The subgraph's request closes with its body incomplete.
    expect(await media.closed[0]).toBe(false);
  });

  it('aborts the download from the subgraph when the client goes away', async () => {
    let downloadClosed = false;
    media.handle = (_req, res) => {
      res.writeHead(200, { 'content-length': String(100 * 1024 * 1024) });
      res.write(randomBytes(1024 * 1024));
      res.on('close', () => (downloadClosed = true));
    };
    await new Promise<void>((resolve) => {
      const client = request(`${gateway.url}/media/files/big`, (response) => {
        response.once('data', () => {
          client.destroy();
          resolve();
        });
      });
      client.on('error', () => {});
      client.end();
    });
    const deadline = Date.now() + 5_000;
    while (!downloadClosed && Date.now() < deadline) await wait(10);
    expect(downloadClosed).toBe(true);
  });

  it('answers 502 when the subgraph is down, for a request with a body too', async () => {
    await media.close();
    const get = await send(`${gateway.url}/media/files/abc`);
    expect(get.status).toBe(502);
    expect(json(get)).toEqual({ error: 'media is unavailable' });
    const put = await send(`${gateway.url}/media/uploads/abc`, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream' },
      body: randomBytes(200_000),
    });
    expect(put.status).toBe(502);
    expect(await counted('unavailable', 2)).toBe(2);
    media = await startFakeMedia(); // for afterEach
  });

  it('gives up on both sides after the idle timeout, with 504 when nothing was answered', async () => {
    await gateway.close();
    gateway = await startPassThrough(media.url, { idleTimeoutMs: 300 });
    media.handle = (req) => req.resume(); // never answers
    const started = Date.now();
    const answer = await send(`${gateway.url}/media/uploads/abc`, { method: 'PUT', body: Buffer.from('x') });
    expect(answer.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(3_000);
    await media.closed[0];
  });

  it('does not end a slow transfer that keeps moving', async () => {
    await gateway.close();
    gateway = await startPassThrough(media.url, { idleTimeoutMs: 300 });
    media.handle = (_req, res) => {
      let sent = 0;
      const tick = setInterval(() => {
        res.write('x'.repeat(10));
        if (++sent === 8) {
          clearInterval(tick);
          res.end();
        }
      }, 100); // 800 ms in all, never 300 ms without a byte
    };
    const answer = await send(`${gateway.url}/media/files/slow`);
    expect(answer.status).toBe(200);
    expect(answer.body.length).toBe(80);
  });

  it('answers 404 for a prefix it does not pass on, and for a subgraph it does not know', async () => {
    const unlisted = await send(`${gateway.url}/mediatheque/abc`);
    expect(unlisted.status).toBe(404);
    expect(json(unlisted)).toEqual({ error: 'Not found' });
    const unknown = await send(`${gateway.url}/ghost/abc`);
    expect(unknown.status).toBe(404);
    expect(json(unknown)).toEqual({ error: 'No ghost subgraph serves /ghost/' });
    expect(media.received).toHaveLength(0);
  });
});

describe('the headers of a pass-through', () => {
  it("drops hop-by-hop headers both ways and states the client's address, origin and request id", async () => {
    media.handle = (_req, res) => {
      res.writeHead(200, {
        connection: 'x-hop-answer',
        'x-hop-answer': 'connection-specific',
        'keep-alive': 'timeout=1, max=7',
        'proxy-authenticate': 'Basic',
        trailer: 'x-checksum',
        upgrade: 'h2c',
        'access-control-allow-origin': '*',
        'x-request-id': 'from-media',
        'tus-resumable': '1.0.0',
      });
      res.end('done');
    };
    const answer = await send(`${gateway.url}/media/uploads/abc`, {
      method: 'POST',
      headers: {
        connection: 'keep-alive, x-hop',
        'x-hop': 'connection-specific',
        'keep-alive': 'timeout=5',
        'proxy-authorization': 'Basic c2VjcmV0',
        te: 'trailers',
        'x-forwarded-for': '203.0.113.66',
        'x-forwarded-host': 'evil.example',
        'x-forwarded-proto': 'https',
        forwarded: 'for=203.0.113.66;host=evil.example',
        'x-lattice-signature': 't=1,v1=00',
        'x-request-id': 'req-42',
        'user-agent': 'tus-js-client',
        'tus-resumable': '1.0.0',
        'upload-length': '4',
        'content-type': 'application/offset+octet-stream',
      },
      body: Buffer.from('body'),
    });
    const sent = media.received[0]!.headers;
    for (const name of [
      'x-hop',
      'proxy-authorization',
      'te',
      'forwarded',
      'x-lattice-signature',
      'x-forwarded-port',
    ]) {
      expect(sent).not.toHaveProperty([name]);
    }
    expect(sent.connection).toBe('keep-alive'); // the gateway's own connection to the subgraph
    expect(sent['keep-alive']).toBeUndefined();
    expect(sent).toMatchObject({
      host: new URL(media.url).host,
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-host': new URL(gateway.url).host,
      'x-forwarded-proto': 'http',
      'x-request-id': 'req-42',
      'user-agent': 'tus-js-client',
      'tus-resumable': '1.0.0',
      'upload-length': '4',
      'content-type': 'application/offset+octet-stream',
      'content-length': '4',
    });

    expect(answer.status).toBe(200);
    for (const name of [
      'x-hop-answer',
      'proxy-authenticate',
      'trailer',
      'upgrade',
      'access-control-allow-origin',
    ]) {
      expect(answer.headers).not.toHaveProperty([name]);
    }
    expect(answer.headers['keep-alive']).toBe('timeout=65'); // the gateway's own
    expect(answer.headers).toMatchObject({ 'x-request-id': 'from-media', 'tus-resumable': '1.0.0' });
    expect(answer.body.toString()).toBe('done');
  });

  it('gives the request id it chose when the client sent none, and the subgraph echoes none', async () => {
    const answer = await send(`${gateway.url}/media/files/abc`);
    const id = media.received[0]!.headers['x-request-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers['x-request-id']).toBe(id);
  });

  it('believes X-Forwarded-* from trusted proxies only, and PUBLIC_URL over everything', async () => {
    const proxied = {
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-host': 'files.example.com',
      'x-forwarded-proto': 'https',
    };
    await gateway.close();
    gateway = await startPassThrough(media.url, { ingress: { trusted: ['loopback'] } });
    await send(`${gateway.url}/media/files/a`, { headers: proxied });
    expect(media.received[0]!.headers).toMatchObject(proxied);

    await gateway.close();
    gateway = await startPassThrough(media.url, {
      ingress: { trusted: ['loopback'], publicOrigin: 'https://api.example.com' },
    });
    await send(`${gateway.url}/media/files/a`, { headers: proxied });
    expect(media.received[1]!.headers).toMatchObject({
      'x-forwarded-for': '203.0.113.9',
      'x-forwarded-host': 'api.example.com',
      'x-forwarded-proto': 'https',
    });
  });

  it('streams a body of unknown length chunked', async () => {
    media.handle = (req, res) => void digest(req).then((result) => res.end(JSON.stringify(result)));
    const body = randomBody(300_000);
    const answer = await send(`${gateway.url}/media/uploads/abc`, { method: 'PATCH', body: body.stream });
    expect(media.received[0]!.headers['transfer-encoding']).toBe('chunked');
    expect(json(answer)).toEqual({ bytes: 300_000, sha256: body.sha256() });
  });
});

describe('CORS on the pass-through paths', () => {
  const preflight = (origin: string, method: string, headers: string) =>
    send(`${gateway.url}/media/uploads`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': headers,
      },
    });

  it('answers the preflight of an allowed origin itself, with what uploads need', async () => {
    const answer = await preflight(ALLOWED_ORIGIN, 'PATCH', 'tus-resumable, upload-offset, content-type');
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(ALLOWED_ORIGIN);
    const methods = answer.headers['access-control-allow-methods']!.split(', ');
    expect(methods).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE', 'OPTIONS']),
    );
    const allowed = answer.headers['access-control-allow-headers']!.split(', ');
    expect(allowed).toEqual(
      expect.arrayContaining([
        'content-type',
        'range',
        'upload-offset',
        'upload-length',
        'tus-resumable',
        'upload-metadata',
        'upload-defer-length',
        'upload-concat',
        'x-http-method-override',
        'x-request-id',
      ]),
    );
    expect(media.received).toHaveLength(0);
  });

  it('refuses the preflight of another origin', async () => {
    const answer = await preflight('https://evil.example', 'PUT', 'content-type');
    expect(answer.status).toBe(403);
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    expect(media.received).toHaveLength(0);
  });

  it("passes a tus client's OPTIONS on, and lets an allowed origin read the tus headers", async () => {
    media.handle = (_req, res) => {
      res.writeHead(204, {
        'tus-resumable': '1.0.0',
        'tus-version': '1.0.0',
        'tus-extension': 'creation,termination',
        'tus-max-size': '1073741824',
        'access-control-allow-origin': '*',
      });
      res.end();
    };
    const answer = await send(`${gateway.url}/media/uploads`, {
      method: 'OPTIONS',
      headers: { origin: ALLOWED_ORIGIN },
    });
    expect(media.received[0]).toMatchObject({ method: 'OPTIONS', url: '/media/uploads' });
    expect(answer.status).toBe(204);
    expect(answer.headers).toMatchObject({
      'tus-version': '1.0.0',
      'tus-extension': 'creation,termination',
      'access-control-allow-origin': ALLOWED_ORIGIN,
    });
    const exposed = answer.headers['access-control-expose-headers']!.split(', ');
    expect(exposed).toEqual(
      expect.arrayContaining([
        'upload-offset',
        'upload-length',
        'tus-resumable',
        'tus-version',
        'tus-max-size',
        'tus-extension',
        'location',
        'content-range',
        'accept-ranges',
        'content-length',
        'etag',
        'upload-expires',
      ]),
    );
    const plain = await send(`${gateway.url}/media/uploads`, { method: 'OPTIONS' });
    expect(plain.status).toBe(204);
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
    expect(media.received).toHaveLength(2);
  });

  it('keeps the security headers as defaults the subgraph may override, and Vary: origin', async () => {
    media.handle = (_req, res) => {
      res.writeHead(200, { 'cross-origin-resource-policy': 'cross-origin', vary: 'accept-encoding' });
      res.end();
    };
    const answer = await send(`${gateway.url}/media/files/abc`, { headers: { origin: ALLOWED_ORIGIN } });
    expect(answer.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      'cross-origin-resource-policy': 'cross-origin',
      vary: 'accept-encoding, origin',
    });
  });
});

describe('the metrics of the pass-through', () => {
  it('counts requests by outcome and bytes by direction', async () => {
    media.handle = (req, res) => void digest(req).then(() => res.end('0123456789'));
    await send(`${gateway.url}/media/uploads/a`, { method: 'PUT', body: Buffer.alloc(1000) });
    media.handle = (_req, res) => {
      res.statusCode = 404;
      res.end();
    };
    await send(`${gateway.url}/media/files/missing`);
    expect(await counted('4xx', 1)).toBe(1);
    const requests = (await gateway.metrics.passThroughRequests.get()).values;
    expect(requests).toEqual(
      expect.arrayContaining([
        { labels: { subgraph: 'media', outcome: '2xx' }, value: 1 },
        { labels: { subgraph: 'media', outcome: '4xx' }, value: 1 },
      ]),
    );
    const bytes = (await gateway.metrics.passThroughBytes.get()).values;
    expect(bytes).toEqual(
      expect.arrayContaining([
        { labels: { subgraph: 'media', direction: 'upload' }, value: 1000 },
        { labels: { subgraph: 'media', direction: 'download' }, value: 10 },
      ]),
    );
  });
});
