import { runSubgraph } from '@lattice/subgraph-kit';
import { analytics } from './subgraph';
import { lattice } from '../package.json';

void runSubgraph(analytics, lattice.port);
