import type { Logger } from '@lattice/server-kit';
import { type DeliveryChannel, PermanentFailure } from './channel';

/** Development: SMS are written to the log (the number masked), and count as sent. */
export function logSmsChannel(log: Logger): DeliveryChannel {
  return {
    async send(delivery) {
      log.info(
        { to: mask(delivery.address), text: delivery.text, kind: delivery.kind },
        'SMS (log provider)',
      );
      return `log-${delivery.id}`;
    },
    async close() {},
  };
}

/**
 * An SMS gateway's HTTP API: `POST url` with `{ from, to, body }` and a bearer token, answering
 * `{ id }`. 4xx: refused for good (a bad number); 5xx, 429 and network errors: retried.
 */
export function httpSmsChannel(url: string, token: string | undefined, from: string): DeliveryChannel {
  return {
    async send(delivery) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ from, to: delivery.address, body: delivery.text, reference: delivery.id }),
        signal: AbortSignal.timeout(15_000),
      });
      const answer = (await response.json().catch(() => ({}))) as { id?: unknown };
      if (response.ok) return typeof answer.id === 'string' ? answer.id : delivery.id;
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        throw new PermanentFailure(`SMS provider refused: ${response.status}`);
      }
      throw new Error(`SMS provider answered ${response.status}`);
    },
    async close() {},
  };
}

const mask = (phone: string) => `${phone.slice(0, 4)}…${phone.slice(-2)}`;
