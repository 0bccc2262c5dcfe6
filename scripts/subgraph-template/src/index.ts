export { __name__ as subgraph } from './subgraph';
