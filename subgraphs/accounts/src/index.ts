export { accounts as subgraph } from './subgraph';
