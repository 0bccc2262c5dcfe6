import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { startStripeSimulator, type StripeSimulator, type StripeSimulatorOptions } from '../src';

export const API_KEY = 'sk_test_simulator';

/** 2026-01-15T00:00:00Z: a fixed start, so periods and prorations are known in advance. */
export const JAN_15_2026 = 1_768_435_200;

export interface Harness {
  simulator: StripeSimulator;
  stripe: Stripe;
}

/** A simulator and an SDK client pointed at it; `close()` it after the test. */
export async function startHarness(options: StripeSimulatorOptions = {}): Promise<Harness> {
  const simulator = await startStripeSimulator({ now: JAN_15_2026, ...options });
  const stripe = new Stripe(API_KEY, { ...simulator.sdkOptions, maxNetworkRetries: 0 });
  return { simulator, stripe };
}

export interface Receiver {
  url: string;
  /** Verified events, in arrival order. */
  events: Stripe.Event[];
  /** Requests answered with an error (signature refused or `fail` said so). */
  refused: number;
  close(): Promise<void>;
}

/**
 * A webhook endpoint that verifies every delivery with the SDK's `constructEvent`, as a real
 * receiver does; `fail(attempt)` may answer 500 instead (attempt counts per event id).
 */
export async function startReceiver(
  secret: string | (() => string),
  fail: (eventId: string, attempt: number) => boolean = () => false,
): Promise<Receiver> {
  const verifier = new Stripe(API_KEY);
  const attempts = new Map<string, number>();
  const receiver: Receiver = { url: '', events: [], refused: 0, close: async () => {} };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      try {
        const event = verifier.webhooks.constructEvent(
          Buffer.concat(chunks),
          request.headers['stripe-signature'] as string,
          typeof secret === 'string' ? secret : secret(),
        );
        const attempt = (attempts.get(event.id) ?? 0) + 1;
        attempts.set(event.id, attempt);
        if (fail(event.id, attempt)) {
          receiver.refused++;
          response.writeHead(500).end();
          return;
        }
        receiver.events.push(event);
        response.writeHead(200).end('{}');
      } catch {
        receiver.refused++;
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
  receiver.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}
