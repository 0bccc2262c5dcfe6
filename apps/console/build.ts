/**
 * Bundles the gateway's browser pages into `dist/`: hashed scripts and styles under
 * `dist/assets/`, and `dist/manifest.json` saying which files each page loads. The gateway
 * writes the HTML itself (see gateway/src/http/browser/), so no page depends on a CDN.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
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

/** Scripts and styles gzipped once here, so the gateway sends them compressed at no cost per request. */
function precompress(dir: string): number {
  let bytes = 0;
  for (const name of readdirSync(dir)) {
    if (!['.js', '.css'].includes(extname(name))) continue;
    const gzipped = gzipSync(readFileSync(join(dir, name)), { level: constants.Z_BEST_COMPRESSION });
    writeFileSync(join(dir, `${name}.gz`), gzipped);
    bytes += gzipped.length;
  }
  return bytes;
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
  const outputs = Object.entries(result.metafile.outputs).filter(([path]) => !path.endsWith('.map'));
  const bytes = outputs.reduce((sum, [, meta]) => sum + meta.bytes, 0);
  const gzipped = precompress(join(out, 'assets'));
  console.warn(
    `console: ${outputs.length} scripts and styles, ${Math.round(bytes / 1024)} KiB (${Math.round(gzipped / 1024)} KiB gzipped)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
