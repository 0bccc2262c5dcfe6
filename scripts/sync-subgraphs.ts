/**
 * Writes what is generated from the subgraph manifest (docker-compose.yml, README's list of
 * subgraphs); `--check` fails when a committed copy differs from a fresh one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSubgraphManifest } from '@lattice/manifest';
import { generatedFiles } from './subgraphs/generated-files';

async function main(): Promise<void> {
  const root = join(__dirname, '..');
  const check = process.argv.includes('--check');
  let stale = false;
  for (const [file, content] of Object.entries(await generatedFiles(root, readSubgraphManifest(root)))) {
    if (readFileSync(join(root, file), 'utf8') === content) continue;
    if (check) {
      console.error(`${file} does not list the subgraphs of the manifest: run npm run subgraphs:sync`);
      stale = true;
    } else {
      writeFileSync(join(root, file), content);
      console.log(`wrote ${file}`);
    }
  }
  process.exit(stale ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
