export { billing as subgraph } from './subgraph';
