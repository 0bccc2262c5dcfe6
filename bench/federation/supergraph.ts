/** Composes the benchmark's supergraph from subgraphs.ts at run time (nothing generated is committed). */
import { composeServices } from '@apollo/composition';
import { type GraphQLSchema, parse } from 'graphql';
import { SUBGRAPHS, type SubgraphName, typeDefs } from './subgraphs';

export function composeSupergraph(urls: Record<SubgraphName, string>): {
  supergraphSdl: string;
  apiSchema: GraphQLSchema;
} {
  const result = composeServices(
    SUBGRAPHS.map((name) => ({ name, url: urls[name], typeDefs: parse(typeDefs[name]) })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join('\n')}`);
  }
  return {
    supergraphSdl: result.supergraphSdl,
    apiSchema: result.schema.toAPISchema().toGraphQLJSSchema(),
  };
}
