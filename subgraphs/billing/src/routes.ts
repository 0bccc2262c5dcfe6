import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, readBody, type Routes, sendJson } from '@lattice/server-kit';
import Stripe from 'stripe';
import type { BillingRuntime } from './runtime';
import { applyStripeEvent } from './service/webhooks';

/** Stripe's events are small; a larger body is not Stripe's. */
const MAX_WEBHOOK_BYTES = 512 * 1024;

/**
 * `POST /webhooks/stripe`, which the gateway forwards from its own host with the raw body:
 * the signature is verified on the exact bytes Stripe signed (with Stripe's tolerance for
 * their age) before anything is parsed or written; a bad one, or a signed body that is not an
 * event, is answered 400 and changes nothing. 2xx tells Stripe to stop delivering (events
 * about what Lattice does not keep are acknowledged); a failure answers 500 so Stripe retries.
 */
export function billingRoutes(runtime: BillingRuntime): Routes {
  return {
    'POST /webhooks/stripe': async (req: IncomingMessage, res: ServerResponse) => {
      const signature = req.headers['stripe-signature'];
      if (typeof signature !== 'string') return sendJson(res, 400, { error: 'Missing Stripe-Signature' });
      let body: string;
      try {
        body = await readBody(req, MAX_WEBHOOK_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'Body too large' });
        throw error;
      }
      let event: unknown;
      try {
        event = runtime.stripe.stripe.webhooks.constructEvent(
          body,
          signature,
          runtime.stripe.webhookSecret,
          runtime.settings.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
        );
      } catch (error) {
        // Verified, then parsed: any other failure is a signed body that is not JSON.
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
          runtime.log.warn(
            { remoteAddress: req.socket.remoteAddress },
            'refused a Stripe webhook with a bad signature',
          );
          return sendJson(res, 400, { error: 'Invalid signature' });
        }
      }
      // Signed but no event (not JSON, or not shaped as one): a retry would never apply it either.
      if (!isEvent(event)) {
        runtime.log.warn('refused a signed Stripe webhook that is not an event');
        return sendJson(res, 400, { error: 'Not a Stripe event' });
      }
      try {
        const outcome = await applyStripeEvent(runtime.orm.em.fork(), runtime, event);
        runtime.log.debug({ event: event.id, type: event.type, outcome }, 'stripe webhook');
        return sendJson(res, 200, { received: true, outcome });
      } catch (error) {
        runtime.log.error(
          { err: error, event: event.id, type: event.type },
          'stripe webhook failed; Stripe will retry',
        );
        return sendJson(res, 500, { error: 'Not applied; retry' });
      }
    },
  };
}

function isEvent(value: unknown): value is Stripe.Event {
  const event = value as Partial<Stripe.Event> | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof event.id === 'string' &&
    event.id !== '' &&
    typeof event.type === 'string' &&
    typeof event.data?.object === 'object' &&
    event.data.object !== null
  );
}
