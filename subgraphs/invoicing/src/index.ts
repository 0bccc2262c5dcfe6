export { invoicing as subgraph } from './subgraph';
