import { type OpenAISimulator, startOpenAISimulator } from '@lattice/openai-simulator';
import type { Logger } from '@lattice/server-kit';
import { DEFAULT_MODELS, type AiSettings, type ProviderSettings } from '../service/settings';
import { ModelCatalogue } from './catalogue';

/**
 * The providers: AI_PROVIDERS as configured; else OpenAI with OPENAI_API_KEY; else the local
 * OpenAI-compatible simulator (at OPENAI_SIMULATOR_URL, or one started here), so `npm start`
 * chats and draws with no key, and `models` says `simulated`. In production the simulator
 * runs only with OPENAI_SIMULATOR=true.
 */
export async function connectProviders(
  settings: AiSettings,
  log: Logger,
  production: boolean,
): Promise<{ models: ModelCatalogue; simulator?: OpenAISimulator }> {
  const options = { timeoutMs: settings.AI_REQUEST_TIMEOUT_MS, log };
  if (settings.AI_PROVIDERS) return { models: new ModelCatalogue(settings.AI_PROVIDERS, options) };
  if (settings.OPENAI_API_KEY && !settings.OPENAI_SIMULATOR_URL) {
    const openai: ProviderSettings = {
      id: 'openai',
      type: 'openai',
      apiKey: settings.OPENAI_API_KEY,
      baseUrl: settings.OPENAI_BASE_URL,
      models: DEFAULT_MODELS,
    };
    return { models: new ModelCatalogue([openai], options) };
  }
  if (production && settings.OPENAI_SIMULATOR !== 'true')
    throw new Error(
      'OPENAI_API_KEY or AI_PROVIDERS is required in production (or OPENAI_SIMULATOR=true for a demo)',
    );
  const simulator = settings.OPENAI_SIMULATOR_URL
    ? undefined
    : await startOpenAISimulator({ port: settings.OPENAI_SIMULATOR_PORT });
  const url = settings.OPENAI_SIMULATOR_URL ?? simulator!.url;
  log.warn({ simulator: url }, 'no OPENAI_API_KEY: AI answers come from the local OpenAI simulator');
  const simulated = {
    id: 'openai',
    type: 'openai' as const,
    apiKey: 'sk-lattice-simulator',
    baseUrl: `${url.replace(/\/+$/, '')}/v1`,
    models: DEFAULT_MODELS,
    simulated: true,
  };
  return { models: new ModelCatalogue([simulated], options), ...(simulator ? { simulator } : {}) };
}
