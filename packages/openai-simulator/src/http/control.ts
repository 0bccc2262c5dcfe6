import type { DelayOptions, FailureOptions } from '../faults';
import type { RecordedRequest } from '../requests';

/** What `/_simulator` drives: the same controls the in-process API offers. */
export interface SimulatorControls {
  failNext(options: FailureOptions): void;
  delay(options: DelayOptions): void;
  cutStreamAfter(deltas: number): void;
  hangNext(times?: number): void;
  reply(text: string): void;
  replies(texts: readonly string[]): void;
  transcript(text: string): void;
  transcripts(texts: readonly string[]): void;
  reset(): void;
  requests(): RecordedRequest[];
  requestCount(kind?: string): number;
}

export interface ControlAnswer {
  status: number;
  body: unknown;
}

type Json = Record<string, unknown>;

class ControlError extends Error {}

function parse(body: string): Json {
  if (body.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new ControlError('The body must be JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ControlError('The body must be a JSON object.');
  }
  return value as Json;
}

function field<T extends 'number' | 'string'>(
  body: Json,
  name: string,
  type: T,
): (T extends 'number' ? number : string) | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== type) {
    throw new ControlError(`"${name}" must be a ${type}, got ${JSON.stringify(value)}.`);
  }
  return value as never;
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new ControlError(`"${name}" is required.`);
  return value;
}

function strings(body: Json, name: string): string[] {
  const value = body[name];
  if (!Array.isArray(value) || value.some((each) => typeof each !== 'string')) {
    throw new ControlError(`"${name}" must be an array of strings.`);
  }
  return value as string[];
}

function route(controls: SimulatorControls, method: string, url: URL, body: Json): ControlAnswer {
  const call = `${method} ${url.pathname.replace(/\/+$/, '')}`;
  const done = { status: 200, body: {} };
  switch (call) {
    case 'POST /_simulator/fail-next':
      controls.failNext({
        status: required(field(body, 'status', 'number'), 'status'),
        times: field(body, 'times', 'number'),
        retryAfterSeconds: field(body, 'retryAfterSeconds', 'number'),
        type: field(body, 'type', 'string'),
        code: field(body, 'code', 'string'),
        message: field(body, 'message', 'string'),
      });
      return done;
    case 'POST /_simulator/delay':
      controls.delay({
        firstTokenMs: field(body, 'firstTokenMs', 'number'),
        perTokenMs: field(body, 'perTokenMs', 'number'),
      });
      return done;
    case 'POST /_simulator/cut-stream-after':
      controls.cutStreamAfter(required(field(body, 'deltas', 'number'), 'deltas'));
      return done;
    case 'POST /_simulator/hang-next':
      controls.hangNext(field(body, 'times', 'number'));
      return done;
    case 'POST /_simulator/reply':
      controls.reply(required(field(body, 'text', 'string'), 'text'));
      return done;
    case 'POST /_simulator/replies':
      controls.replies(strings(body, 'replies'));
      return done;
    case 'POST /_simulator/transcript':
      controls.transcript(required(field(body, 'text', 'string'), 'text'));
      return done;
    case 'POST /_simulator/transcripts':
      controls.transcripts(strings(body, 'transcripts'));
      return done;
    case 'POST /_simulator/reset':
      controls.reset();
      return done;
    case 'GET /_simulator/requests':
      return { status: 200, body: { data: controls.requests() } };
    case 'GET /_simulator/requests/count': {
      const kind = url.searchParams.get('kind') ?? undefined;
      return { status: 200, body: { kind: kind ?? null, count: controls.requestCount(kind) } };
    }
  }
  return { status: 404, body: { error: { message: `Unknown simulator control: ${call}` } } };
}

/**
 * `/_simulator/…`: the controls over HTTP (JSON, no API key), for a simulator in another
 * process. `POST fail-next {status, times, retryAfterSeconds, type, code, message}`,
 * `POST delay {firstTokenMs, perTokenMs}`, `POST cut-stream-after {deltas}`,
 * `POST hang-next {times}`, `POST reply {text}`, `POST replies {replies}`,
 * `POST transcript {text}`, `POST transcripts {transcripts}`, `POST reset`,
 * `GET requests`, `GET requests/count?kind=POST%20/v1/chat/completions`.
 */
export function handleControl(
  controls: SimulatorControls,
  method: string,
  url: URL,
  body: string,
): ControlAnswer {
  try {
    return route(controls, method, url, parse(body));
  } catch (error) {
    // Controls refuse bad arguments with RangeError.
    if (error instanceof ControlError || error instanceof RangeError) {
      return { status: 400, body: { error: { message: error.message } } };
    }
    throw error;
  }
}
