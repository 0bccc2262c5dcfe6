import { modelNotFound, OpenAIApiError } from './errors';

export type ModelKind = 'chat' | 'image' | 'transcription';

export const DEFAULT_MODELS: readonly string[] = [
  'gpt-4o-mini',
  'gpt-4o',
  'gpt-image-1',
  'whisper-1',
  'gpt-4o-mini-transcribe',
];

/** A fixed creation time, so listings are the same from one run to the next. */
const CREATED = 1_715_367_049;

/** Ids starting with `gpt-image` or `dall-e` generate images, `whisper` or containing `transcribe` transcribe audio; every other id chats. */
export function kindOf(id: string): ModelKind {
  if (/^(gpt-image|dall-e)/.test(id)) return 'image';
  return /^whisper|transcribe/.test(id) ? 'transcription' : 'chat';
}

function wrongKind(model: string, kind: ModelKind): OpenAIApiError {
  if (kind === 'chat') {
    return new OpenAIApiError(404, {
      message: 'This is not a chat model and thus not supported in the v1/chat/completions endpoint.',
      type: 'invalid_request_error',
      param: 'model',
      code: null,
    });
  }
  return new OpenAIApiError(400, {
    message: `Invalid value: '${model}'. The model does not ${kind === 'image' ? 'generate images' : 'transcribe audio'}.`,
    type: 'invalid_request_error',
    param: 'model',
    code: 'invalid_value',
  });
}

/** The configured models, as `GET /v1/models` lists them. */
export class ModelCatalogue {
  private readonly served: readonly string[];

  constructor(ids: readonly string[] = DEFAULT_MODELS) {
    const invalid = ids.find((id) => typeof id !== 'string' || !/^\S+$/.test(id));
    if (invalid !== undefined || ids.length === 0) {
      throw new RangeError(
        `models must be a non-empty list of ids without spaces, got ${JSON.stringify(ids)}`,
      );
    }
    this.served = [...new Set(ids)];
  }

  ids(): readonly string[] {
    return this.served;
  }

  list() {
    return { object: 'list', data: this.served.map((id) => this.wire(id)) };
  }

  retrieve(id: string) {
    if (!this.served.includes(id)) throw modelNotFound(id);
    return this.wire(id);
  }

  /** The model a request names, checked to exist and to be of the endpoint's kind. */
  require(model: unknown, kind: ModelKind): string {
    if (typeof model !== 'string' || model === '') {
      throw new OpenAIApiError(400, {
        message: 'you must provide a model parameter',
        type: 'invalid_request_error',
        param: null,
        code: null,
      });
    }
    if (!this.served.includes(model)) throw modelNotFound(model);
    if (kindOf(model) !== kind) throw wrongKind(model, kind);
    return model;
  }

  private wire(id: string) {
    return { id, object: 'model', created: CREATED, owned_by: 'system' };
  }
}
