import type { SubgraphDefinition } from '@lattice/subgraph-kit';

// Each subgraph has its own runtime and loader types; here they are only passed through.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnySubgraph = SubgraphDefinition<any, any>;
import manifest from '../package.json';

export interface SubgraphModule {
  definition: AnySubgraph;
  /** The port it listens on when started by `npm start` (from its package.json). */
  defaultPort: number;
  /**
   * Whether it watches the other subgraphs (`lattice.monitorsOthers`): it starts after them
   * and gets their URLs as `MONITORED_SERVICES`.
   */
  monitorsOthers: boolean;
}

/**
 * Every subgraph this package depends on (`@lattice/subgraph-*` in its package.json): adding
 * a subgraph to the all-in-one process is adding it as a dependency.
 */
export function loadSubgraphs(): SubgraphModule[] {
  return Object.keys(manifest.dependencies)
    .filter((name) => name.startsWith('@lattice/subgraph-') && name !== '@lattice/subgraph-kit')
    .map((name) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { subgraph } = require(name) as { subgraph: AnySubgraph };
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { lattice } = require(`${name}/package.json`) as {
        lattice: { port: number; monitorsOthers?: boolean };
      };
      return { definition: subgraph, defaultPort: lattice.port, monitorsOthers: !!lattice.monitorsOthers };
    });
}
