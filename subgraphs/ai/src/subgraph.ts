import { join } from 'node:path';
import { createMeter, entitlementsChanged, planCatalogue, usageEntities } from '@lattice/entitlements';
import { createObjectStorage } from '@lattice/object-storage';
import { defineSubgraph, startPeriodic, subgraphPackage } from '@lattice/subgraph-kit';
import { entities } from './entities';
import { aiInternalRoutes } from './internal-routes';
import { ReplyHub } from './live/hub';
import { StreamWindow } from './live/stream-window';
import { createLoaders } from './loaders';
import { connectProviders } from './providers/connect';
import { resolvers } from './resolvers';
import type { AiRuntime } from './runtime';
import { failStaleReplies } from './service/janitor';
import { aiSettings } from './service/settings';
import { structuredModel } from './service/structured';
import { transcriptionModel } from './service/transcription';

const STALE_REPLY_SWEEP_MS = 60_000;

/**
 * ai: conversations with streamed, resumable replies from OpenAI-compatible providers, token
 * budgets and costs, images generated and stored as media.
 */
export const ai = defineSubgraph({
  name: 'ai',
  ...subgraphPackage(__dirname),
  resolvers,
  entities: [...entities, ...usageEntities],
  settings: aiSettings,
  async init({ orm, bus, config, settings, log }): Promise<AiRuntime> {
    const providers = await connectProviders(settings, log, config.nodeEnv === 'production');
    try {
      // A model named for structured completions must exist (unset: the first chat model, if any).
      if (settings.AI_STRUCTURED_MODEL) structuredModel(providers.models, settings);
      // So must one named for transcriptions (unset: gpt-4o-mini-transcribe or the first, if any).
      if (settings.AI_TRANSCRIPTION_MODEL) transcriptionModel(providers.models, settings);
    } catch (error) {
      await providers.simulator?.close();
      throw error;
    }
    const hub = new ReplyHub(bus, log);
    await hub.start();
    const storage = createObjectStorage(settings, {
      defaultDirectory: join(process.cwd(), '.data', 'media'),
    });
    const generations = new Set<Promise<void>>();
    const streamWindow = new StreamWindow(settings.AI_STREAM_BATCH_MS, settings.AI_STREAM_BATCH_MAX_MS);
    const runtime: AiRuntime = {
      settings,
      models: providers.models,
      hub,
      streamWindow,
      meter: createMeter({ catalogue: planCatalogue(settings.PLANS) }),
      storage,
      orm,
      log,
      generations,
      close: async () => {
        await stopJanitor();
        await hub.stop();
        // Cancelled by hub.stop: each ends by storing what it wrote.
        await Promise.allSettled([...generations]);
        streamWindow.close();
        await storage.close();
        await providers.simulator?.close();
      },
    };
    const stopJanitor = startPeriodic(
      () => failStaleReplies(runtime),
      STALE_REPLY_SWEEP_MS,
      (error) => log.error({ err: error }, 'stale replies could not be failed'),
    );
    return runtime;
  },
  close: (runtime) => runtime.close(),
  loaders: (em) => createLoaders(em),
  consumers: { 'billing.entitlements_changed': entitlementsChanged },
  internalRoutes: aiInternalRoutes,
});
