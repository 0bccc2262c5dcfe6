export { social as subgraph } from './subgraph';
