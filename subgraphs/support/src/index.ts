export { support as subgraph } from './subgraph';
