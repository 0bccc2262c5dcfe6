export { startLattice, type Lattice, type LatticeOptions } from './lattice';
