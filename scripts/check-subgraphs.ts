/**
 * `npm run check:subgraphs` (CI): every subgraph's folder, package suffix and definition name
 * agree, ports are unique, what is generated from the manifest is fresh, and a subgraph made
 * from the template in a scratch folder compiles, composes, migrates and passes its tests.
 * `--no-template` skips the last (slow) part.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { generate } from '@graphql-codegen/cli';
import { parse } from 'graphql';
import { manifestProblems, nextFreePort, readSubgraphManifest, type SubgraphEntry } from '@lattice/manifest';
import { resolverTypes } from '../codegen';
import { generatedFiles, leftoverFiles } from './subgraphs/generated-files';
import { createMigration } from './subgraphs/migration';
import { run } from './subgraphs/run';
import { renderSubgraph } from './subgraphs/template';

const root = join(__dirname, '..');

async function main(): Promise<void> {
  const entries = readSubgraphManifest(root);
  const problems = [
    ...manifestProblems(entries, definitionNames(entries)),
    ...(await staleFiles(entries)),
    ...e2eOrderProblems(entries),
  ];
  if (problems.length) {
    for (const problem of problems) console.error(`check:subgraphs: ${problem}`);
    process.exit(1);
  }
  console.log(`check:subgraphs: ${entries.map((entry) => `${entry.name}:${entry.port}`).join(', ')} agree`);
  if (!process.argv.includes('--no-template')) await checkTemplate(entries);
}

/** What each subgraph's `defineSubgraph` calls it. */
function definitionNames(entries: SubgraphEntry[]): Record<string, string> {
  return Object.fromEntries(
    entries.map((entry) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { subgraph } = require(join(entry.dir, 'src')) as { subgraph?: { name?: string } };
      return [entry.name, subgraph?.name ?? '(no `subgraph` exported by src/index.ts)'];
    }),
  );
}

async function staleFiles(entries: SubgraphEntry[]): Promise<string[]> {
  const files = await generatedFiles(root, entries);
  const leftovers = leftoverFiles(root, files).map(
    (file) => `${file} is no longer generated from the manifest: run npm run subgraphs:sync`,
  );
  return leftovers.concat(
    Object.entries(files)
      .filter(
        ([file, content]) =>
          !existsSync(join(root, file)) || readFileSync(join(root, file), 'utf8') !== content,
      )
      .map(
        ([file]) =>
          `${file} does not list every subgraph of the manifest as generated: run npm run subgraphs:sync`,
      ),
  );
}

/**
 * `npm test` runs e2e alone, after every workspace's own tests (turbo.json): a subgraph whose
 * tests are not on that list would run beside e2e and slow its timing-sensitive tests.
 */
function e2eOrderProblems(entries: SubgraphEntry[]): string[] {
  const turbo = JSON.parse(readFileSync(join(root, 'turbo.json'), 'utf8')) as {
    tasks: Record<string, { dependsOn?: string[] }>;
  };
  const after = new Set(turbo.tasks['@lattice/e2e#test']?.dependsOn ?? []);
  return entries
    .filter((entry) => !after.has(`${entry.packageName}#test`))
    .map((entry) => `turbo.json: @lattice/e2e#test must depend on ${entry.packageName}#test`);
}

/** A subgraph from the template, beside the others but outside the manifest (a dot-folder). */
async function checkTemplate(entries: SubgraphEntry[]): Promise<void> {
  const name = 'scratch';
  const dir = join(root, 'subgraphs', '.template-check');
  rmSync(dir, { recursive: true, force: true });
  try {
    renderSubgraph(dir, { name, port: nextFreePort(entries), description: 'The template, checked' });
    await generate(
      { overwrite: true, silent: true, generates: Object.fromEntries([resolverTypes(dir)]) },
      true,
    );
    const composed = composeServices(
      [...entries, { name, dir }].map((entry) => ({
        name: entry.name,
        url: `http://${entry.name}.invalid/graphql`,
        typeDefs: parse(readFileSync(join(entry.dir, 'schema.graphql'), 'utf8')),
      })),
    );
    if (composed.errors)
      throw new Error(`the template does not compose: ${composed.errors.map((e) => e.message).join('; ')}`);
    run(root, 'npx', 'tsc', '-p', join(dir, 'tsconfig.json'));
    await createMigration(
      dir,
      entries.map((entry) => entry.name),
    );
    run(root, 'npx', 'jest', '--config', join(dir, 'jest.config.js'), '--rootDir', dir);
    console.log(
      'check:subgraphs: a subgraph from the template compiles, composes, migrates and passes its tests',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
