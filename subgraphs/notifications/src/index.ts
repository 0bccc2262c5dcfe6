export { notifications as subgraph } from './subgraph';
