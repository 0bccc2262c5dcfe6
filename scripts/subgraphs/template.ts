import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export const TEMPLATE_DIR = join(__dirname, '..', 'subgraph-template');

export interface NewSubgraph {
  name: string;
  port: number;
  description: string;
}

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** Copies the template into `target`, with the subgraph's name, port and description filled in. */
export function renderSubgraph(target: string, { name, port, description }: NewSubgraph): string[] {
  const files = listFiles(TEMPLATE_DIR);
  for (const file of files) {
    const text = readFileSync(join(TEMPLATE_DIR, file), 'utf8')
      .replaceAll('"__port__"', String(port))
      .replaceAll('"__description__"', JSON.stringify(description))
      .replaceAll('__description__', description)
      .replaceAll('__Name__', pascal(name))
      .replaceAll('__name__', name);
    mkdirSync(join(target, file, '..'), { recursive: true });
    writeFileSync(join(target, file), text);
  }
  return files;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}
