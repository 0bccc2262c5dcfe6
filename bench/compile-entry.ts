import { join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';

// Lattice's workspace packages are compiled into the bundle; every npm package stays a require().
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(builder) {
    builder.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@lattice/') ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * Compiles a TypeScript entry point (absolute path, inside bench/) to one JavaScript file run
 * by plain node, as production runs compiled code: no TypeScript loader in the measured
 * process (its hooks, the transpiled sources with inline source maps it keeps in memory, and
 * the name-keeping wrappers it adds to every function would weigh on Lattice, the only
 * gateway whose own code is TypeScript).
 */
export async function compileEntry(entry: string): Promise<string> {
  // Inside the repository, so that its requires find node_modules.
  const outfile = join(__dirname, 'dist', relative(__dirname, entry).replace(/\.ts$/, '.js'));
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    conditions: ['lattice-source'],
    plugins: [npmPackagesExternal],
    logLevel: 'error',
  });
  return outfile;
}
