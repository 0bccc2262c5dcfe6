import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type GraphQLFormattedError, print } from 'graphql';

export interface LatticeClientOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  url: string;
  /** An access token, sent as `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

export interface LatticeResult<TData> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
}

/** Raised by `request` when the response carries errors; `errors[i].extensions.code` is stable. */
export class LatticeError extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'LatticeError';
  }
  get codes(): string[] {
    return this.errors.map((error) => String(error.extensions?.code ?? 'UNKNOWN'));
  }
}

/** A small typed client: pass a generated document, get typed data back. */
export function createLatticeClient(options: LatticeClientOptions) {
  const doFetch = options.fetch ?? fetch;
  const printed = new WeakMap<object, string>();

  async function execute<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
  ): Promise<LatticeResult<TData>> {
    const post = async (body: object) => {
      const response = await doFetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ ...body, variables }),
      });
      return (await response.json()) as LatticeResult<TData>;
    };
    // Generated documents carry the hash the gateway registered at build time: send only it.
    const hash = (document as { __meta__?: { hash?: string } }).__meta__?.hash?.replace(/^sha256:/, '');
    if (hash) {
      const result = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      const unknown = result.errors?.some((error) => error.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND');
      if (!unknown) return result;
    }
    let query = printed.get(document);
    if (!query) printed.set(document, (query = print(document)));
    return post({ query });
  }

  return {
    execute,
    /** Like execute, but resolves with the data or rejects with a LatticeError. */
    async request<TData, TVariables>(
      document: TypedDocumentNode<TData, TVariables>,
      ...variables: TVariables extends Record<string, never> ? [] | [TVariables] : [TVariables]
    ): Promise<TData> {
      const result = await execute(document, ...variables);
      if (result.errors?.length) throw new LatticeError(result.errors);
      return result.data as TData;
    },
    /** A client with the same settings and another token. */
    withToken: (token: string | undefined) => createLatticeClient({ ...options, token }),
  };
}

export type LatticeClient = ReturnType<typeof createLatticeClient>;
