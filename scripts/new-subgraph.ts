/**
 * `npm run new:subgraph -- <name> [--description "What it owns"] [--port N]`: a new subgraph
 * from the template (scripts/subgraph-template) that compiles, composes, has its first
 * migration and passes its own tests, started by `npm start`, docker-compose, Kubernetes
 * (deploy/kubernetes) and the e2e harness with no edit to any shared file.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { manifestProblems, nextFreePort, readSubgraphManifest } from '@lattice/manifest';
import { generatedFiles } from './subgraphs/generated-files';
import { createMigration } from './subgraphs/migration';
import { run } from './subgraphs/run';
import { renderSubgraph } from './subgraphs/template';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { description: { type: 'string' }, port: { type: 'string' } },
  });
  const [name] = positionals;
  if (!name || positionals.length > 1)
    throw new Error('usage: npm run new:subgraph -- <name> [--description "…"] [--port N]');
  const root = join(__dirname, '..');
  const dir = join(root, 'subgraphs', name);
  if (existsSync(dir)) throw new Error(`subgraphs/${name} exists already`);
  const entries = readSubgraphManifest(root);
  const port = values.port ? Number(values.port) : nextFreePort(entries);
  const description = values.description ?? `The ${name} domain (describe what it owns in its package.json)`;
  const entry = {
    name,
    dir,
    packageName: `@lattice/subgraph-${name}`,
    port,
    description,
    monitorsOthers: false,
    calls: [],
    composeEnvironment: {},
    volumes: {},
  };
  const problems = manifestProblems([...entries, entry]);
  if (problems.length) throw new Error(problems.join('\n'));

  renderSubgraph(dir, { name, port, description });
  console.log(`created subgraphs/${name} on port ${port}`);
  run(root, 'npm', 'install', '--no-audit', '--no-fund', '--loglevel=error');
  run(root, 'npm', 'run', 'compose');
  run(root, 'npm', 'run', 'codegen');
  const migration = await createMigration(
    dir,
    entries.map((other) => other.name),
    undefined,
  );
  console.log(`created subgraphs/${name}/migrations/${migration}`);
  for (const [file, content] of Object.entries(await generatedFiles(root, readSubgraphManifest(root)))) {
    writeFileSync(join(root, file), content);
  }
  runE2eAfter(root, entry.packageName);
  run(root, 'npx', 'prettier', '--log-level=warn', '--write', `subgraphs/${name}`, 'turbo.json');
  console.log(`
subgraphs/${name} is ready: npm start serves it, docker-compose.yml, deploy/kubernetes/base and README list it.
Next: npm test -w subgraphs/${name}; replace the example entity with the domain's own
(schema.graphql, src/entities, src/service, src/resolvers), then npm run codegen and
npm run migration:create -w subgraphs/${name}.`);
}

/** e2e runs after every workspace's tests (turbo.json, checked by check:subgraphs): this one's too. */
function runE2eAfter(root: string, packageName: string): void {
  const file = join(root, 'turbo.json');
  const turbo = JSON.parse(readFileSync(file, 'utf8')) as { tasks: Record<string, { dependsOn?: string[] }> };
  const e2e = turbo.tasks['@lattice/e2e#test']!;
  e2e.dependsOn = [...new Set([...(e2e.dependsOn ?? []), `${packageName}#test`])];
  writeFileSync(file, `${JSON.stringify(turbo, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
