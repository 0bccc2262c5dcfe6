import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * One subgraph as the manifest knows it. Each subgraph declares itself in its own
 * package.json (`lattice.port`, optionally `lattice.monitorsOthers` and `lattice.calls`), so adding a subgraph
 * adds a folder and edits no shared list; everything that needs the list reads it here.
 */
export interface SubgraphEntry {
  /** `subgraphs/<name>`: also its package suffix, definition name, schema and compose service. */
  name: string;
  /** Absolute path of its folder. */
  dir: string;
  /** What its package.json calls it (`@lattice/subgraph-<name>`). */
  packageName: string;
  /** Where it listens by default; unique across the manifest. */
  port: number;
  /** One line on what it owns (its package.json `description`). */
  description: string;
  /** Watches the others (analytics): starts after them and is told where they run. */
  monitorsOthers: boolean;
  /**
   * The subgraphs whose internal routes it calls (`lattice.calls`, e.g. `["billing"]`): it
   * starts after them and is told where each runs as `<NAME>_URL` (`BILLING_URL`). Each must
   * be another subgraph of the manifest, and calls never go round in a circle (manifestProblems).
   */
  calls: string[];
  /** Set when `lattice.calls` is there but not an array of names (then `calls` is empty). */
  malformedCalls?: true;
  /**
   * Its own variables in docker-compose.yml (`lattice.composeEnvironment`), e.g. a key passed
   * through from the host as `${STRIPE_SECRET_KEY:-}`.
   */
  composeEnvironment: Record<string, string>;
  /**
   * Named volumes it keeps data in (`lattice.volumes`: volume name → path in the container),
   * e.g. media's files when they are stored on local disk.
   */
  volumes: Record<string, string>;
}

interface SubgraphPackageJson {
  name?: unknown;
  description?: unknown;
  lattice?: {
    port?: unknown;
    monitorsOthers?: unknown;
    calls?: unknown;
    composeEnvironment?: unknown;
    volumes?: unknown;
  };
}

/** The folder holding `subgraphs/` and the root package.json, searched upwards from `from`. */
export function findRepositoryRoot(from: string = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'subgraphs')) && existsSync(join(dir, 'turbo.json'))) return dir;
  }
  throw new Error(`no Lattice repository (subgraphs/ beside turbo.json) above ${from}`);
}

/** Every folder under `subgraphs/` with a package.json, ordered by port. */
export function readSubgraphManifest(root: string = findRepositoryRoot()): SubgraphEntry[] {
  const base = join(root, 'subgraphs');
  return readdirSync(base, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .filter((entry) => existsSync(join(base, entry.name, 'package.json')))
    .map((entry) => {
      const dir = join(base, entry.name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as SubgraphPackageJson;
      return {
        name: entry.name,
        dir,
        packageName: typeof pkg.name === 'string' ? pkg.name : '',
        port: typeof pkg.lattice?.port === 'number' ? pkg.lattice.port : NaN,
        description: typeof pkg.description === 'string' ? pkg.description : '',
        monitorsOthers: pkg.lattice?.monitorsOthers === true,
        ...callsOf(pkg.lattice?.calls),
        composeEnvironment: stringRecord(pkg.lattice?.composeEnvironment),
        volumes: stringRecord(pkg.lattice?.volumes),
      };
    })
    .sort((a, b) => portOrder(a) - portOrder(b) || a.name.localeCompare(b.name));
}

function callsOf(value: unknown): { calls: string[]; malformedCalls?: true } {
  if (value === undefined) return { calls: [] };
  if (Array.isArray(value) && value.every((name) => typeof name === 'string')) return { calls: value };
  return { calls: [], malformedCalls: true };
}

function stringRecord(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

// Subgraphs without a valid port go last, so the problems list them in a stable order.
function portOrder(entry: SubgraphEntry): number {
  return Number.isFinite(entry.port) ? entry.port : Number.MAX_SAFE_INTEGER;
}
