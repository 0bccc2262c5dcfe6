import { runSubgraph } from '@lattice/subgraph-kit';
import { accounts } from './subgraph';

void runSubgraph(accounts);
