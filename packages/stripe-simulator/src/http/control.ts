import type { StripeEventRecord } from '../core/events';
import type { PlainResponse } from './server';

/** What `/_simulator` drives: the same controls the in-process API offers. */
export interface SimulatorControls {
  now(): number;
  advanceClock(seconds: number): Promise<void>;
  setWebhook(webhook: { url: string; secret: string }): void;
  deliveries: {
    configure(mode: { copies?: number; hold?: boolean }): void;
    flush(options?: { shuffle?: boolean; seed?: number }): Promise<void>;
    idle(): Promise<void>;
    events(): StripeEventRecord[];
  };
  created(objectType: string): number;
}

type Json = Record<string, unknown>;

class ControlError extends Error {}

function json(status: number, body: unknown): PlainResponse {
  return { status, contentType: 'application/json', body: JSON.stringify(body, null, 2) };
}

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

function field<T extends 'number' | 'boolean' | 'string'>(
  body: Json,
  name: string,
  type: T,
): (T extends 'number' ? number : T extends 'boolean' ? boolean : string) | undefined {
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

async function route(
  controls: SimulatorControls,
  method: string,
  path: string,
  body: Json,
): Promise<PlainResponse> {
  const call = `${method} ${path.replace(/\/+$/, '')}`;
  switch (call) {
    case 'GET /_simulator/clock':
      return json(200, { now: controls.now() });
    case 'POST /_simulator/clock/advance':
      await controls.advanceClock(required(field(body, 'seconds', 'number'), 'seconds'));
      return json(200, { now: controls.now() });
    case 'POST /_simulator/webhook':
      controls.setWebhook({
        url: required(field(body, 'url', 'string'), 'url'),
        secret: required(field(body, 'secret', 'string'), 'secret'),
      });
      return json(200, {});
    case 'POST /_simulator/deliveries/configure':
      controls.deliveries.configure({
        copies: field(body, 'copies', 'number'),
        hold: field(body, 'hold', 'boolean'),
      });
      return json(200, {});
    case 'POST /_simulator/deliveries/flush':
      await controls.deliveries.flush({
        shuffle: field(body, 'shuffle', 'boolean'),
        seed: field(body, 'seed', 'number'),
      });
      return json(200, {});
    case 'POST /_simulator/deliveries/idle':
      await controls.deliveries.idle();
      return json(200, {});
    case 'GET /_simulator/events':
      return json(200, { data: controls.deliveries.events() });
  }
  const created = /^GET \/_simulator\/created\/([a-z_]+)$/.exec(call);
  if (created) return json(200, { object: created[1], count: controls.created(created[1]!) });
  return json(404, { error: { message: `Unknown simulator control: ${call}` } });
}

/**
 * `/_simulator/…`: the clock and the deliveries over HTTP (JSON), for a simulator in another
 * process. `GET clock`, `POST clock/advance {seconds}`, `POST webhook {url, secret}`,
 * `POST deliveries/configure {copies, hold}`, `POST deliveries/flush {shuffle, seed}`,
 * `POST deliveries/idle`, `GET events`, `GET created/:object`.
 */
export async function handleControl(
  controls: SimulatorControls,
  method: string,
  path: string,
  body: string,
): Promise<PlainResponse> {
  try {
    return await route(controls, method, path, parse(body));
  } catch (error) {
    // Controls refuse bad arguments with RangeError.
    if (error instanceof ControlError || error instanceof RangeError) {
      return json(400, { error: { message: error.message } });
    }
    throw error;
  }
}
