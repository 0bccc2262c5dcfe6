import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { readSubgraphManifest } from '@lattice/manifest';

/**
 * A supergraph of the current subgraph schemas, with identity's Query extended by `extra`
 * (fields no operation calls: they only show which supergraph is running).
 */
export function composeSupergraph(extra = '', only?: string[]): string {
  const services = readSubgraphManifest()
    .filter(({ name }) => !only || only.includes(name))
    .map(({ name, dir }) => {
      let sdl = readFileSync(join(dir, 'schema.graphql'), 'utf8');
      if (name === 'identity' && extra) sdl += `\nextend type Query { ${extra} }\n`;
      return { name, url: `http://${name}.invalid/graphql`, typeDefs: parse(sdl) };
    });
  const result = composeServices(services);
  if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
  return result.supergraphSdl;
}
