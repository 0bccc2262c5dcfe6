import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Deployments } from './azure';
import { Faults, type DelayOptions, type FailureOptions } from './faults';
import type { SimulatorControls } from './http/control';
import { createApiServer } from './http/server';
import { ModelCatalogue } from './models';
import { RequestLog, type RecordedRequest } from './requests';
import { Script } from './script';

export interface OpenAISimulatorOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /**
   * The model ids served (default `gpt-4o-mini`, `gpt-4o`, `gpt-image-1`, `whisper-1`,
   * `gpt-4o-mini-transcribe`). Ids starting with `gpt-image` or `dall-e` generate images, ids
   * starting with `whisper` or containing `transcribe` transcribe audio, the others chat.
   */
  models?: readonly string[];
  /**
   * Azure deployments (`/openai/deployments/{name}/…`) besides the models' own ids, each
   * deployed under its id: name → a served model, e.g. `{ 'chat-prod': 'gpt-4o-mini' }`.
   */
  deployments?: Readonly<Record<string, string>>;
  /** Receives a line per request and per internal error (default: nothing). */
  log?: (message: string) => void;
}

export interface OpenAISimulator {
  host: string;
  port: number;
  /** `http://127.0.0.1:<port>`: the SDK's `baseURL` is `${url}/v1`; `AzureOpenAI`'s `endpoint` is `url`. */
  url: string;
  /** The next `times` API requests (default 1) answer this error instead, in OpenAI's shape; calls queue up in order. */
  failNext(options: FailureOptions): void;
  /** Slows every following answer (until changed or `reset`): the first token, then each next one. */
  delay(options: DelayOptions): void;
  /** The next streamed chat completion's connection is destroyed after `deltas` content deltas: no finish chunk, no `[DONE]`. */
  cutStreamAfter(deltas: number): void;
  /** The next `times` API requests (default 1) are accepted and never answered (until `reset` or `close`). */
  hangNext(times?: number): void;
  /** The next chat completion answers `text` (queued after other scripted replies). */
  reply(text: string): void;
  /** The next chat completions answer these, one each, in order. */
  replies(texts: readonly string[]): void;
  /** The next audio transcription answers `text` (queued after other scripted transcripts). */
  transcript(text: string): void;
  /** The next audio transcriptions answer these, one each, in order. */
  transcripts(texts: readonly string[]): void;
  /** Back to the start: no faults, no delay, no scripted replies or transcripts, an empty request log; hung requests are dropped. */
  reset(): void;
  /** Every API request received (controls aside), oldest first. */
  requests(): RecordedRequest[];
  /** How many API requests of a kind (e.g. `POST /v1/chat/completions`, `POST /openai/deployments/:deployment/chat/completions`) were received; of any kind without one. */
  requestCount(kind?: string): number;
  close(): Promise<void>;
}

export async function startOpenAISimulator(options: OpenAISimulatorOptions = {}): Promise<OpenAISimulator> {
  const host = '127.0.0.1';
  const models = new ModelCatalogue(options.models);
  const state = {
    models,
    deployments: new Deployments(models, options.deployments),
    script: new Script(),
    transcripts: new Script('transcripts'),
    faults: new Faults(),
    requests: new RequestLog(),
    hung: new Set<http.ServerResponse>(),
    log: options.log ?? (() => {}),
  };

  const controls: SimulatorControls = {
    failNext: (failure) => state.faults.failNext(failure),
    delay: (delays) => state.faults.delay(delays),
    cutStreamAfter: (deltas) => state.faults.cutStreamAfter(deltas),
    hangNext: (times) => state.faults.hangNext(times),
    reply: (text) => state.script.push([text]),
    replies: (texts) => state.script.push(texts),
    transcript: (text) => state.transcripts.push([text]),
    transcripts: (texts) => state.transcripts.push(texts),
    reset() {
      state.faults.reset();
      state.script.clear();
      state.transcripts.clear();
      state.requests.clear();
      for (const response of state.hung) response.destroy();
      state.hung.clear();
    },
    requests: () => state.requests.all(),
    requestCount: (kind) => state.requests.count(kind),
  };

  const server = createApiServer(state, controls);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    host,
    port,
    url: `http://${host}:${port}`,
    ...controls,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
