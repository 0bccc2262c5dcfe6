/**
 * Bundles the gateway's browser pages into `dist/`: hashed scripts and styles under
 * `dist/assets/`, and `dist/manifest.json` saying which files each page loads. The gateway
 * writes the HTML itself (see gateway/src/http/browser/), so no page depends on a CDN.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { build, type Metafile } from 'esbuild';

const root = __dirname;
const out = join(root, 'dist');
const pages = { ide: 'src/ide/main.tsx', console: 'src/console/main.tsx' } as const;

/** The files a page loads: its entry's script and the stylesheet esbuild gathered for it. */
export interface PageAssets {
  scripts: string[];
  styles: string[];
}

function pageAssets(metafile: Metafile, entry: string): PageAssets {
  const [script, output] =
    Object.entries(metafile.outputs).find(([, meta]) => meta.entryPoint === entry) ??
    (() => {
      throw new Error(`esbuild wrote nothing for ${entry}`);
    })();
  return {
    scripts: [basename(script)],
    styles: output.cssBundle ? [basename(output.cssBundle)] : [],
  };
}

async function main(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.values(pages),
    outdir: join(out, 'assets'),
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    // Workspace packages (the typed client) from their TypeScript sources.
    conditions: ['lattice-source'],
    entryNames: '[dir]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const manifest = Object.fromEntries(
    Object.entries(pages).map(([page, entry]) => [page, pageAssets(result.metafile, entry)]),
  );
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const bytes = Object.values(result.metafile.outputs).reduce((sum, meta) => sum + meta.bytes, 0);
  console.warn(
    `console: ${Object.keys(result.metafile.outputs).length} files, ${Math.round(bytes / 1024)} KiB`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
