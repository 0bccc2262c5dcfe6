import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { Client } from 'graphql-ws';
import { useEffect, useState } from 'react';

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
      { query: print(document), variables: JSON.parse(key) },
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
