import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Resolver types for every subgraph (from its own schema.graphql, federation-aware, mapped to
 * its entities through its codegen.json) and the typed client (from the composed API schema).
 */
const subgraphs = readdirSync('subgraphs').filter((name) => existsSync(`subgraphs/${name}/schema.graphql`));

function subgraphOptions(name: string): Record<string, unknown> {
  const file = `subgraphs/${name}/codegen.json`;
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...Object.fromEntries(
      subgraphs.map((name) => [
        `subgraphs/${name}/src/__generated__/resolvers-types.ts`,
        {
          schema: `subgraphs/${name}/schema.graphql`,
          plugins: ['typescript', 'typescript-resolvers'],
          config: {
            federation: true,
            useIndexSignature: true,
            useTypeImports: true,
            contextType: '../context#Context',
            mapperTypeSuffix: 'Model',
            scalars: { DateTime: 'Date' },
            ...subgraphOptions(name),
          },
        },
      ]),
    ),
    'packages/client/src/__generated__/': {
      schema: 'schema/api.graphql',
      documents: 'packages/client/src/operations/**/*.graphql',
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string' } },
    },
  },
};

export default config;
