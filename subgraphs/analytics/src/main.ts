import { runSubgraph } from '@lattice/subgraph-kit';
import { analytics } from './subgraph';

void runSubgraph(analytics);
