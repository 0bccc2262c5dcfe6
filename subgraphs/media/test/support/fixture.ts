import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import sharp from 'sharp';
import { createEvent, type EventData, type EventEnvelope, type EventType } from '@lattice/events';
import type { Role } from '@lattice/server-kit';
import {
  startTestSubgraph,
  startTokenIssuer,
  type TestSubgraph,
  type TokenIssuer,
} from '@lattice/subgraph-kit/testing';
import type { MediaRuntime } from '../../src/runtime';
import { media } from '../../src/subgraph';

export interface MediaFixture {
  fixture: TestSubgraph;
  issuer: TokenIssuer;
  /** The runtime init built: the one the routes, resolvers and janitor share (its `now` can be moved). */
  runtime: MediaRuntime;
  /** STORAGE_DIR: `objects/` (local backend) and `staging/`; removed on stop. */
  storageDir: string;
  /** http://127.0.0.1:port, where the subgraph serves `/media/...` itself. */
  origin: string;
  /** A GraphQL request as the gateway sends it (signed), as the holder of `token` (anonymous: null). */
  post(token: string | null, query: string, variables?: Record<string, unknown>): Promise<any>;
  token(role: Role, userId?: string): Promise<string>;
  /** An EntityManager of its own, to seed and inspect rows. */
  em(): EntityManager;
  /** Publishes an event on the subgraph's bus; resolves once its consumers have applied it. */
  publish<T extends EventType>(type: T, data: EventData<T>): Promise<EventEnvelope<T>>;
  /** A URL handed out on the gateway's host, moved to the subgraph's own origin. */
  direct(url: string): string;
  /** createUpload as `token`'s holder; the Upload's id, url (on the subgraph) and size. */
  createUpload(
    token: string,
    input: { filename: string; contentType: string; size: number },
  ): Promise<{ id: string; url: string; size: number }>;
  /** createUpload, then PUT the bytes whole: the HTTP answer. */
  upload(token: string, filename: string, contentType: string, bytes: Buffer): Promise<Response>;
  /** Moves the runtime's clock by `ms` from real time (0 puts it back). */
  setClockOffset(ms: number): void;
  /** Every file under the local objects folder, as keys (`media/<owner>/<id>/file.txt`). */
  storedKeys(): Promise<string[]>;
  /** Every file in the staging folder. */
  stagedFiles(): Promise<string[]>;
  /** Rows of `media.outbox_event` of `type`. */
  outbox(type: string): Promise<Array<{ type: string; data: Record<string, any> }>>;
  stop(): Promise<void>;
}

const CREATE_UPLOAD = `mutation($input: CreateUploadInput!) { createUpload(input: $input) { id url size } }`;

/**
 * media on a free port over a fresh database, serving the gateway alone (as in production),
 * with tokens of a test issuer, its files in a temporary STORAGE_DIR, and its janitor left
 * idle (tests call `sweep` themselves). `env` adds or overrides settings.
 */
export async function startMedia(env: Record<string, string> = {}): Promise<MediaFixture> {
  const issuer = await startTokenIssuer();
  const storageDir = await mkdtemp(join(tmpdir(), 'lattice-media-test-'));
  let runtime: MediaRuntime | undefined;
  let fixture: TestSubgraph;
  try {
    fixture = await startTestSubgraph(
      { ...media, init: async (deps) => (runtime = await media.init!(deps)) },
      {
        JWKS_URL: issuer.jwksUrl,
        SUBGRAPH_SECRET: randomBytes(32).toString('hex'),
        STORAGE_DIR: storageDir,
        MEDIA_JANITOR_INTERVAL_SECONDS: '86400',
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        ...env,
      },
    );
  } catch (error) {
    await issuer.close();
    await rm(storageDir, { recursive: true, force: true });
    throw error;
  }
  const started = runtime!;
  const origin = new URL(fixture.subgraph.url).origin;
  const post: MediaFixture['post'] = async (token, query, variables = {}) => {
    const response = await fixture.post(
      { query, variables },
      token ? { authorization: `Bearer ${token}` } : {},
    );
    return response.json();
  };
  const direct = (url: string) => {
    const moved = new URL(url);
    return `${origin}${moved.pathname}${moved.search}`;
  };
  const createUpload: MediaFixture['createUpload'] = async (token, input) => {
    const { data, errors } = await post(token, CREATE_UPLOAD, { input });
    if (errors) throw new Error(`createUpload failed: ${JSON.stringify(errors)}`);
    return { ...data.createUpload, url: direct(data.createUpload.url) };
  };
  const filesUnder = async (folder: string) => {
    const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
      .sort();
  };
  return {
    fixture,
    issuer,
    runtime: started,
    storageDir,
    origin,
    post,
    token: (role, userId) => issuer.token(role, userId),
    em: () => fixture.subgraph.orm.em.fork() as EntityManager,
    publish: async (type, data) => {
      const event = createEvent(type, {
        actor: null,
        subject: (data as { userId?: string }).userId ?? 'test',
        data,
      });
      await fixture.bus.publish(event);
      return event;
    },
    direct,
    createUpload,
    upload: async (token, filename, contentType, bytes) => {
      const upload = await createUpload(token, { filename, contentType, size: bytes.length });
      return fetch(upload.url, { method: 'PUT', body: bytes });
    },
    setClockOffset: (ms) => {
      started.now = () => new Date(Date.now() + ms);
    },
    storedKeys: () => filesUnder(join(storageDir, 'objects')),
    stagedFiles: () => filesUnder(join(storageDir, 'staging')),
    outbox: (type) =>
      fixture.subgraph.orm.em
        .fork()
        .getConnection()
        .execute(`select type, data from media.outbox_event where type = ? order by occurred_at`, [type]),
    stop: async () => {
      await fixture.stop();
      await issuer.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

/** Uploads a text file whole and answers its media id (throws unless it was stored). */
export async function uploadText(media: MediaFixture, token: string, text: string): Promise<string> {
  const response = await media.upload(token, 'notes.txt', 'text/plain', Buffer.from(text));
  const body = (await response.json()) as any;
  if (response.status !== 200) throw new Error(`upload answered ${response.status}: ${JSON.stringify(body)}`);
  return body.media.id;
}

/**
 * A PNG of `width`×`height` pixels of noise (the same for the same seed): it compresses badly,
 * so its optimised copies weigh about as much as it does.
 */
export async function noisePng(width: number, height: number, seed = 1): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < pixels.length; i += 1) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    pixels[i] = state >>> 24;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** Uploads an image whole; the HTTP status and answer. */
export async function uploadImage(media: MediaFixture, token: string, png: Buffer, filename = 'photo.png') {
  const response = await media.upload(token, filename, 'image/png', png);
  return { status: response.status, body: (await response.json()) as any };
}
