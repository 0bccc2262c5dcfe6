export { ai as subgraph } from './subgraph';
