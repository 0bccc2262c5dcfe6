import { runSubgraph } from '@lattice/subgraph-kit';
import { identity } from './subgraph';

void runSubgraph(identity);
