export * from './__generated__/graphql';
export { graphql } from './__generated__/gql';
export { createLatticeClient, LatticeError, type LatticeClient, type LatticeResult } from './client';
