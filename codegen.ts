import { existsSync, readFileSync } from 'node:fs';
import type { CodegenConfig } from '@graphql-codegen/cli';
// By path: codegen loads this file without the workspace's source condition.
import { readSubgraphManifest } from './packages/manifest/src/manifest';

/**
 * Resolver types for every subgraph (from its own schema.graphql, federation-aware, mapped to
 * its entities through its codegen.json) and the typed client (from the composed API schema).
 */
const subgraphs = readSubgraphManifest(__dirname).map((entry) => entry.dir);

/** The resolver types of the subgraph in `dir` (a folder relative to the repository, or absolute). */
export function resolverTypes(dir: string): [string, CodegenConfig['generates'][string]] {
  const options = existsSync(`${dir}/codegen.json`)
    ? JSON.parse(readFileSync(`${dir}/codegen.json`, 'utf8'))
    : {};
  return [
    `${dir}/src/__generated__/resolvers-types.ts`,
    {
      schema: `${dir}/schema.graphql`,
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        useTypeImports: true,
        contextType: '../context#Context',
        mapperTypeSuffix: 'Model',
        scalars: { DateTime: 'Date' },
        ...options,
      },
    },
  ];
}

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...Object.fromEntries(subgraphs.map(resolverTypes)),
    'packages/client/src/__generated__/': {
      schema: 'schema/api.graphql',
      documents: 'packages/client/src/operations/**/*.graphql',
      preset: 'client',
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // As the gateway sends them: `2026-11-22`, and integers up to 2^53 − 1 as JSON numbers.
        scalars: { DateTime: 'string', Date: 'string', SafeInt: 'number' },
      },
    },
  },
};

export default config;
