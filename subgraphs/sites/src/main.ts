import { runSubgraph } from '@lattice/subgraph-kit';
import { sites } from './subgraph';

void runSubgraph(sites);
