import { runSubgraph } from '@lattice/subgraph-kit';
import { __name__ } from './subgraph';

void runSubgraph(__name__);
