import { runSubgraph } from '@lattice/subgraph-kit';
import { accounts } from './subgraph';
import { lattice } from '../package.json';

void runSubgraph(accounts, lattice.port);
