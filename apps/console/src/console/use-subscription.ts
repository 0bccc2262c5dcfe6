import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { useEffect, useState } from 'react';
import registered from '@lattice/client/persisted-documents.json';

/**
 * The text the gateway registered for a generated document (codegen's manifest, by the hash
 * the document carries): a gateway with SAFELIST=true runs that exact text alone, and
 * graphql-ws sends text, not hashes.
 */
function sourceOf(document: TypedDocumentNode<unknown, never>): string {
  const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash;
  return (hash && (registered as Record<string, string>)[hash]) || print(document);
}

export interface Live<T> {
  data?: T;
  error?: string;
}

/** Subscribes while mounted; each event goes to `onData` (and the latest one is returned). */
export function useSubscription<TData, TVariables extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  onData?: (data: TData) => void,
): Live<TData> {
  const [state, setState] = useState<Live<TData>>({});
  const key = JSON.stringify(variables);
  useEffect(() => {
    const stop = client.subscribe<TData>(
      { query: sourceOf(document), variables: JSON.parse(key) },
      {
        next: (result) => {
          if (result.errors?.length) {
            setState({ error: result.errors.map((error) => error.message).join('; ') });
            return;
          }
          if (!result.data) return;
          onData?.(result.data);
          setState({ data: result.data });
        },
        error: (error) => setState({ error: error instanceof Error ? error.message : 'connection lost' }),
        complete: () => undefined,
      },
    );
    return stop;
    // Not onData: the caller's, new each render, it must not resubscribe.
  }, [client, document, key]);
  return state;
}
