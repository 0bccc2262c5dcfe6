export { analytics as subgraph } from './subgraph';
