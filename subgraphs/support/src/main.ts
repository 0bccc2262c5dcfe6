import { runSubgraph } from '@lattice/subgraph-kit';
import { support } from './subgraph';

void runSubgraph(support);
