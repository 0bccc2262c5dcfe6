export { bookings as subgraph } from './subgraph';
