export { findRepositoryRoot, readSubgraphManifest, type SubgraphEntry } from './manifest';
export { GATEWAY_PORT, manifestProblems, nextFreePort } from './problems';
