/**
 * Composes every subgraph's schema.graphql into schema/supergraph.graphql (for the gateway)
 * and schema/api.graphql (the client-facing API, for codegen). `--check` fails when the
 * committed files differ from a fresh composition.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { readSubgraphManifest } from '@lattice/manifest';

const root = join(__dirname, '..');
const check = process.argv.includes('--check');

const services = readSubgraphManifest(root).map((entry) => ({
  name: entry.name,
  url: `http://localhost:${entry.port}/graphql`,
  typeDefs: parse(readFileSync(join(entry.dir, 'schema.graphql'), 'utf8')),
}));

const result = composeServices(services);
if (result.errors) {
  for (const error of result.errors) console.error(`composition error: ${error.message}`);
  process.exit(1);
}

const outputs = {
  'schema/supergraph.graphql': result.supergraphSdl,
  'schema/api.graphql': `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema())}\n`,
};

let stale = false;
for (const [file, content] of Object.entries(outputs)) {
  const path = join(root, file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (current === content) continue;
  if (check) {
    console.error(`${file} is stale: run npm run compose`);
    stale = true;
  } else {
    writeFileSync(path, content);
    console.log(`wrote ${file}`);
  }
}
for (const hint of result.hints ?? []) console.warn(`hint: ${hint.toString()}`);
process.exit(stale ? 1 : 0);
