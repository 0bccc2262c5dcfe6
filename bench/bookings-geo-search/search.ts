/** One search as the gateway would send it: the signed GraphQL `gyms(near:, first:)` request, timed. */
import { SIGNATURE_HEADER, signRequest } from '@lattice/server-kit';
import { FIRST, RADIUS_KM } from './options';
import type { Side } from './processes';
import type { Point } from './seed';

const QUERY = `query GymsNear($near: NearInput!, $first: Int) {
  gyms(near: $near, first: $first) { edges { distanceKm node { id name latitude longitude } } pageInfo { hasNextPage } }
}`;

export interface Answer {
  ms: number;
  ids: string;
  edges: number;
  hasNextPage: boolean;
}

/** One search, signed as the gateway signs it (before the clock starts); throws on any GraphQL error. */
export async function search(side: Side, point: Point): Promise<Answer> {
  const body = JSON.stringify({
    query: QUERY,
    variables: {
      near: { latitude: point.latitude, longitude: point.longitude, radiusKm: RADIUS_KM },
      first: FIRST,
    },
  });
  const headers = {
    'content-type': 'application/json',
    [SIGNATURE_HEADER]: signRequest(side.secret, { method: 'POST', target: '/graphql', body }),
  };
  const begin = performance.now();
  const response = await fetch(side.url, { method: 'POST', headers, body });
  const json = (await response.json()) as {
    data?: { gyms: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean } } };
    errors?: unknown;
  };
  const ms = performance.now() - begin;
  if (!response.ok || json.errors || !json.data) throw new Error(`${side.key}: ${JSON.stringify(json)}`);
  const { edges, pageInfo } = json.data.gyms;
  return {
    ms,
    ids: edges.map((edge) => edge.node.id).join(','),
    edges: edges.length,
    hasNextPage: pageInfo.hasNextPage,
  };
}
