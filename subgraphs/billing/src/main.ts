import { runSubgraph } from '@lattice/subgraph-kit';
import { billing } from './subgraph';

void runSubgraph(billing);
