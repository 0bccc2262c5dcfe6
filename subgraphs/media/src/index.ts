export { media as subgraph } from './subgraph';
