import { readSubgraphManifest } from '@lattice/manifest';
import type { SubgraphDefinition } from '@lattice/subgraph-kit';

// Each subgraph has its own runtime, loader and settings types; here they are only passed through.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySubgraph = SubgraphDefinition<any, any, any>;

export interface SubgraphModule {
  definition: AnySubgraph;
  /**
   * Whether it watches the other subgraphs (`lattice.monitorsOthers`): it starts after them
   * and gets their URLs as `MONITORED_SERVICES`.
   */
  monitorsOthers: boolean;
  /** The subgraphs whose internal routes it calls (`lattice.calls`): it starts after them. */
  calls: string[];
}

/**
 * Every subgraph of the manifest (each `subgraphs/<name>` folder), loaded by package name:
 * a new subgraph runs here without an edit to this package. Workspaces link every package
 * into node_modules, so each resolves without being listed as a dependency.
 */
export function loadSubgraphs(): SubgraphModule[] {
  return readSubgraphManifest().map((entry) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { subgraph } = require(entry.packageName) as { subgraph: AnySubgraph };
    return { definition: subgraph, monitorsOthers: entry.monitorsOthers, calls: entry.calls };
  });
}
