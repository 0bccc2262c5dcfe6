/**
 * Writes what is generated from the subgraph manifest (docker-compose.yml, the Kubernetes base
 * under deploy/kubernetes/base, README's list of subgraphs); `--check` fails when a committed copy
 * differs from a fresh one. A file of the Kubernetes base no longer generated (a subgraph gone) is deleted.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readSubgraphManifest } from '@lattice/manifest';
import { generatedFiles, leftoverFiles } from './subgraphs/generated-files';

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const check = process.argv.includes('--check');
  let stale = false;
  const files = await generatedFiles(root, readSubgraphManifest(root));
  for (const file of leftoverFiles(root, files)) {
    if (check) {
      console.error(`${file} is no longer generated from the manifest: run npm run subgraphs:sync`);
      stale = true;
    } else {
      rmSync(join(root, file));
      console.log(`deleted ${file}`);
    }
  }
  for (const [file, content] of Object.entries(files)) {
    const path = join(root, file);
    if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
    if (check) {
      console.error(`${file} does not list the subgraphs of the manifest: run npm run subgraphs:sync`);
      stale = true;
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      console.log(`wrote ${file}`);
    }
  }
  process.exit(stale ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
