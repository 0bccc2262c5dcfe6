import { runSubgraph } from '@lattice/subgraph-kit';
import { bookings } from './subgraph';

void runSubgraph(bookings);
