export { sites as subgraph } from './subgraph';
