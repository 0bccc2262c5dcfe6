import { runSubgraph } from '@lattice/subgraph-kit';
import { notifications } from './subgraph';

void runSubgraph(notifications);
