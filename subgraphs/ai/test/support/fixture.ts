import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type OpenAISimulator,
  type OpenAISimulatorOptions,
  startOpenAISimulator,
} from '@lattice/openai-simulator';
import type { Role } from '@lattice/server-kit';
import {
  startTestSubgraph,
  startTokenIssuer,
  type TestSubgraph,
  type TokenIssuer,
} from '@lattice/subgraph-kit/testing';
import { Conversation, Message } from '../../src/entities';
import type { AiRuntime } from '../../src/runtime';
import { ai } from '../../src/subgraph';

export interface AiFixture {
  fixture: TestSubgraph;
  issuer: TokenIssuer;
  /** The local OpenAI-compatible server the subgraph talks to (OPENAI_SIMULATOR_URL). */
  openai: OpenAISimulator;
  /** The runtime init built: the one the resolvers and the janitor share. */
  runtime: AiRuntime;
  /** A GraphQL request as the gateway sends it (signed), as the holder of `token` (anonymous: null). */
  post(token: string | null, query: string, variables?: Record<string, unknown>): Promise<any>;
  /** `post`, throwing unless it answered data without errors. */
  ok(token: string, query: string, variables?: Record<string, unknown>): Promise<any>;
  /** A user's token (a new user unless `userId` is given), with the user's id. */
  user(role?: Role, userId?: string): Promise<{ id: string; token: string }>;
  /** An EntityManager of its own, to seed and inspect rows. */
  em(): EntityManager;
  /** Resolves once every reply this process is generating has ended (and been stored). */
  settle(): Promise<void>;
  /** Inserts a conversation of `ownerId` with these messages (oldest first), straight into the database. */
  seed(
    ownerId: string,
    fields?: Partial<Conversation>,
    messages?: Array<Partial<Message> & Pick<Message, 'role' | 'content'>>,
  ): Promise<{ conversation: Conversation; messages: Message[] }>;
  stop(): Promise<void>;
}

/**
 * ai on a free port over a fresh database, serving the gateway alone (as in production), with
 * tokens of a test issuer, a simulator of OpenAI the test drives, and storage in a temporary
 * folder. `env` adds or overrides settings (a function of the simulator for settings that name
 * it, e.g. AI_PROVIDERS); `simulator` configures the simulator (Azure deployments, models).
 */
export async function startAi(
  env: Record<string, string> | ((openai: OpenAISimulator) => Record<string, string>) = {},
  simulator: OpenAISimulatorOptions = {},
): Promise<AiFixture> {
  const openai = await startOpenAISimulator(simulator);
  const issuer = await startTokenIssuer();
  const storageDir = await mkdtemp(join(tmpdir(), 'lattice-ai-test-'));
  let runtime: AiRuntime | undefined;
  let fixture: TestSubgraph;
  try {
    fixture = await startTestSubgraph(
      { ...ai, init: async (deps) => (runtime = await ai.init!(deps)) },
      {
        JWKS_URL: issuer.jwksUrl,
        SUBGRAPH_SECRET: randomBytes(32).toString('hex'),
        OPENAI_SIMULATOR_URL: openai.url,
        STORAGE_DIR: storageDir,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        ...(typeof env === 'function' ? env(openai) : env),
      },
    );
  } catch (error) {
    await issuer.close();
    await openai.close();
    await rm(storageDir, { recursive: true, force: true });
    throw error;
  }
  const started = runtime!;
  const post: AiFixture['post'] = async (token, query, variables = {}) => {
    const response = await fixture.post(
      { query, variables },
      token ? { authorization: `Bearer ${token}` } : {},
    );
    return response.json();
  };
  const em = () => fixture.subgraph.orm.em.fork() as EntityManager;
  return {
    fixture,
    issuer,
    openai,
    runtime: started,
    post,
    ok: async (token, query, variables) => {
      const body = await post(token, query, variables);
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
      return body.data;
    },
    user: async (role = 'user', userId = randomUUID()) => ({
      id: userId,
      token: await issuer.token(role, userId),
    }),
    em,
    settle: async () => {
      while (started.generations.size) await Promise.allSettled([...started.generations]);
    },
    seed: async (ownerId, fields = {}, messages = []) => {
      const manager = em();
      const conversation = manager.create(Conversation, {
        ownerId,
        title: 'Seeded',
        model: 'gpt-4o-mini',
        ...fields,
      });
      const start = conversation.createdAt.getTime();
      const rows = messages.map((message, index) =>
        manager.create(Message, {
          conversationId: conversation.id,
          ownerId,
          createdAt: new Date(start + index + 1),
          ...message,
        }),
      );
      await manager.flush();
      return { conversation, messages: rows };
    },
    stop: async () => {
      await fixture.stop();
      await issuer.close();
      await openai.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

/** The `extensions` of a GraphQL answer's only error (throws when there is not exactly one). */
export function onlyError(body: {
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}): { message: string; code?: unknown; field?: unknown; [key: string]: unknown } {
  expect(body.errors).toHaveLength(1);
  return { message: body.errors![0]!.message, ...body.errors![0]!.extensions };
}
