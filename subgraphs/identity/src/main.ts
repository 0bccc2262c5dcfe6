import { runSubgraph } from '@lattice/subgraph-kit';
import { identity } from './subgraph';
import { lattice } from '../package.json';

void runSubgraph(identity, lattice.port);
