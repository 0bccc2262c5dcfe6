import { runSubgraph } from '@lattice/subgraph-kit';
import { media } from './subgraph';

void runSubgraph(media);
