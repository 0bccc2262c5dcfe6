import OpenAI, { AzureOpenAI } from 'openai';
import { badUserInput, type Logger } from '@lattice/server-kit';
import { dollarsToPicos } from '../service/money';
import type { ModelSettings, ProviderSettings } from '../service/settings';

export interface Provider {
  id: string;
  client: OpenAI;
  /** Lattice's local simulator answers (no key configured). */
  simulated: boolean;
}

export interface ChatModel {
  kind: 'chat';
  id: string;
  provider: Provider;
  contextWindow: number;
  /** Picodollars per million tokens. */
  prices: { inputPerMillion: bigint; outputPerMillion: bigint };
  settings: Extract<ModelSettings, { kind: 'chat' }>;
}

export interface ImageModel {
  kind: 'image';
  id: string;
  provider: Provider;
  pricePerImage: bigint;
  settings: Extract<ModelSettings, { kind: 'image' }>;
}

/** Speech to text, for other services only (`/internal/transcriptions`): not in `models`. */
export interface TranscriptionModel {
  kind: 'transcription';
  id: string;
  provider: Provider;
  settings: Extract<ModelSettings, { kind: 'transcription' }>;
}

/** The models of the public API (`models`: CHAT and IMAGE). */
export type Model = ChatModel | ImageModel;

/**
 * The configured providers and their models. A model id names one model across providers (the
 * first provider listing it serves it). Clients are the `openai` SDK's: `AzureOpenAI` for
 * Azure, `OpenAI` with a base URL for everything OpenAI-compatible.
 */
export class ModelCatalogue {
  private readonly models = new Map<string, Model | TranscriptionModel>();

  constructor(
    providers: Array<ProviderSettings & { simulated?: boolean }>,
    options: { timeoutMs: number; log: Logger },
  ) {
    // The SDK's own warnings (lines of a stream it cannot parse: users' text) go to our log, not the console.
    const sdkLog = (level: 'error' | 'warn' | 'info' | 'debug') => (message: string) =>
      options.log[level]({ source: 'openai-sdk' }, String(message));
    const logging = {
      logLevel: 'warn' as const,
      logger: { error: sdkLog('error'), warn: sdkLog('warn'), info: sdkLog('info'), debug: sdkLog('debug') },
    };
    for (const settings of providers) {
      const provider: Provider = {
        id: settings.id,
        simulated: settings.simulated ?? false,
        // Retries are Lattice's own (service/provider-calls.ts): a streamed reply is retried only before its first token.
        client:
          settings.type === 'azure'
            ? new AzureOpenAI({
                apiKey: settings.apiKey,
                endpoint: settings.baseUrl,
                apiVersion: settings.apiVersion ?? '2024-10-21',
                maxRetries: 0,
                timeout: options.timeoutMs,
                ...logging,
              })
            : new OpenAI({
                apiKey: settings.apiKey,
                baseURL: settings.baseUrl,
                maxRetries: 0,
                timeout: options.timeoutMs,
                ...logging,
              }),
      };
      for (const model of settings.models) {
        if (this.models.has(model.id)) continue;
        this.models.set(model.id, catalogued(model, provider));
      }
    }
  }

  /** The chat and image models (transcription models are internal: see `transcriptions`). */
  list(): Model[] {
    return [...this.models.values()].filter((model): model is Model => model.kind !== 'transcription');
  }

  transcriptions(): TranscriptionModel[] {
    return [...this.models.values()].filter(
      (model): model is TranscriptionModel => model.kind === 'transcription',
    );
  }

  /** The chat model `id`, or the first configured when none is named; BAD_USER_INPUT for an unknown one. */
  chat(id?: string | null, field = 'model'): ChatModel {
    const model = id ? this.models.get(id) : this.list().find((candidate) => candidate.kind === 'chat');
    if (!model || model.kind !== 'chat')
      throw badUserInput(`${field}: not a chat model of this service (see \`models\`)`, field);
    return model;
  }

  /** The transcription model `id`, or the first configured when none is named; throws when there is none. */
  transcription(id?: string | null): TranscriptionModel {
    const model = id ? this.models.get(id) : this.transcriptions()[0];
    if (!model || model.kind !== 'transcription') {
      throw new Error(
        id ? `${JSON.stringify(id)} is not a transcription model` : 'no transcription model is configured',
      );
    }
    return model;
  }

  image(): ImageModel {
    const model = this.list().find((candidate) => candidate.kind === 'image');
    if (!model || model.kind !== 'image') throw badUserInput('No image model is configured');
    return model;
  }
}

function catalogued(model: ModelSettings, provider: Provider): Model | TranscriptionModel {
  switch (model.kind) {
    case 'image':
      return {
        kind: 'image',
        id: model.id,
        provider,
        pricePerImage: dollarsToPicos(model.pricePerImage),
        settings: model,
      };
    case 'transcription':
      return { kind: 'transcription', id: model.id, provider, settings: model };
    default:
      return {
        kind: 'chat',
        id: model.id,
        provider,
        contextWindow: model.contextWindow,
        prices: {
          inputPerMillion: dollarsToPicos(model.inputPricePerMillionTokens),
          outputPerMillion: dollarsToPicos(model.outputPricePerMillionTokens),
        },
        settings: model,
      };
  }
}
