import type { Lattice } from '@lattice/all-in-one';
import { gatewaySignature } from '@lattice/subgraph-kit/testing';

/**
 * POSTs a GraphQL request straight to one of the lattice's subgraphs as its gateway does:
 * signed with the lattice's SUBGRAPH_SECRET (subgraphs refuse anything else).
 */
export function postToSubgraph(
  lattice: Pick<Lattice, 'subgraphs' | 'subgraphSecret'>,
  subgraph: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const url = lattice.subgraphs[subgraph]!.url;
  const json = JSON.stringify(body);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...headers,
      ...gatewaySignature(lattice.subgraphSecret, url, json),
    },
    body: json,
  });
}
