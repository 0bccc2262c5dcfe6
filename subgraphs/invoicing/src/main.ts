import { runSubgraph } from '@lattice/subgraph-kit';
import { invoicing } from './subgraph';

void runSubgraph(invoicing);
