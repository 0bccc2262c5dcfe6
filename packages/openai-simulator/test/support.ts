import OpenAI, { AzureOpenAI } from 'openai';
import { startOpenAISimulator, type OpenAISimulator, type OpenAISimulatorOptions } from '../src';

export interface Harness {
  simulator: OpenAISimulator;
  /** A client with the SDK's defaults but `maxRetries: 0`, unless told otherwise. */
  client(options?: ConstructorParameters<typeof OpenAI>[0]): OpenAI;
  /** An `AzureOpenAI` client on the simulator (endpoint, `api-key`, api-version 2024-10-21), `maxRetries: 0`. */
  azure(options?: ConstructorParameters<typeof AzureOpenAI>[0]): AzureOpenAI;
}

/**
 * Node's `fetch`, with its errors made `Error`s of this realm. Jest runs a test file in a realm
 * of its own, where the `DOMException` an aborted fetch throws is no `Error`: the SDK then loses
 * its name and reports a timeout as a plain `APIConnectionError`. In a plain Node process (and
 * with `tsx`) the SDK's default fetch gives `APIConnectionTimeoutError` without this.
 */
const fetchForJest: typeof fetch = (input, init) =>
  fetch(input, init).catch((error: unknown) => {
    if (error instanceof Error || typeof error !== 'object' || error === null) throw error;
    const { name, message } = error as { name?: string; message?: string };
    throw Object.assign(new Error(message ?? String(error), { cause: error }), { name: name ?? 'Error' });
  });

export async function startHarness(options?: OpenAISimulatorOptions): Promise<Harness> {
  const simulator = await startOpenAISimulator(options);
  return {
    simulator,
    client: (options) =>
      new OpenAI({
        apiKey: 'sk-test-anything',
        baseURL: `${simulator.url}/v1`,
        maxRetries: 0,
        fetch: fetchForJest,
        ...options,
      }),
    azure: (options) =>
      new AzureOpenAI({
        endpoint: simulator.url,
        apiVersion: '2024-10-21',
        maxRetries: 0,
        fetch: fetchForJest,
        ...(options?.azureADTokenProvider ? {} : { apiKey: 'azure-test-key' }),
        ...options,
      }),
  };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected a rejection, got a result.');
}
