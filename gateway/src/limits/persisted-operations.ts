import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError } from 'graphql';

/**
 * The operations registered at build time: codegen writes the typed client's documents to
 * `persisted-documents.json` (`"sha256:<hash>": "<document>"`).
 */
export class PersistedOperations {
  private constructor(private readonly byHash: ReadonlyMap<string, string>) {}

  static load(path: string): PersistedOperations {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    const byHash = new Map<string, string>();
    for (const [key, document] of Object.entries(manifest)) byHash.set(key.replace(/^sha256:/, ''), document);
    return new PersistedOperations(byHash);
  }

  get size(): number {
    return this.byHash.size;
  }

  get(hash: string): string | undefined {
    return this.byHash.get(hash);
  }

  has(document: string): boolean {
    return this.byHash.has(createHash('sha256').update(document).digest('hex'));
  }

  /**
   * Apollo Server's automatic persisted queries cache, answering registered operations from
   * the manifest first (so a client can send just the hash), other hashes from memory.
   */
  apqCache(): KeyValueCache<string> {
    const registered = new InMemoryLRUCache<string>();
    return {
      get: async (key) => this.get(key.replace(/^apq:/, '')) ?? registered.get(key),
      set: (key, value, options) => registered.set(key, value, options),
      delete: (key) => registered.delete(key),
    };
  }

  /** Safelist mode: only registered operations run; anything else is refused before planning. */
  safelistPlugin<T extends object>(): ApolloServerPlugin<T> {
    return {
      requestDidStart: async () => ({
        didResolveOperation: async ({ source }) => {
          if (this.has(source)) return;
          throw new GraphQLError('Only registered operations may run on this server', {
            extensions: {
              code: 'PERSISTED_QUERY_NOT_ALLOWED',
              http: { status: 400, headers: new HeaderMap() },
            },
          });
        },
      }),
    };
  }
}
