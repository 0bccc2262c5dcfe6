export { identity as subgraph } from './subgraph';
