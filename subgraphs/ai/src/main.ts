import { runSubgraph } from '@lattice/subgraph-kit';
import { ai } from './subgraph';

void runSubgraph(ai);
