import { runSubgraph } from '@lattice/subgraph-kit';
import { social } from './subgraph';

void runSubgraph(social);
