import { createEvent, type EventData, type EventType } from '@lattice/events';
import { startSubgraphFixture, type SubgraphFixture } from '@lattice/subgraph-kit/testing';
import type { SocialRuntime } from '../../src/runtime';
import { runJanitor } from '../../src/service/janitor';
import { social } from '../../src/subgraph';

export interface SocialFixture extends SubgraphFixture<SocialRuntime> {
  /** One janitor pass (its timer is left idle in tests). */
  sweep(): Promise<void>;
  /** Delivers another domain's event to social's consumers. */
  deliver<T extends EventType>(type: T, data: EventData<T>, subject?: string): Promise<void>;
  /** Two new users who are friends. */
  friends(): Promise<[{ id: string; token: string }, { id: string; token: string }]>;
}

/** social on a free port over a fresh database, serving the gateway alone, its janitor idle. */
export async function startSocial(env: Record<string, string> = {}): Promise<SocialFixture> {
  const fixture = await startSubgraphFixture(social, { SOCIAL_JANITOR_INTERVAL_SECONDS: '86400', ...env });
  return {
    ...fixture,
    sweep: () => runJanitor(fixture.runtime),
    deliver: (type, data, subject = 'subject') =>
      fixture.fixture.bus.publish(createEvent(type, { actor: null, subject, data })),
    friends: async () => {
      const [a, b] = [await fixture.user(), await fixture.user()];
      await fixture.ok(a.token, REQUEST, { u: b.id });
      await fixture.ok(b.token, RESPOND, { u: a.id, accept: true });
      return [a, b];
    },
  };
}

export const RELATION = 'friendship following followedBy blocked muted';
export const REQUEST = `mutation($u: ID!) { sendFriendRequest(userId: $u) { ${RELATION} } }`;
export const RESPOND = `mutation($u: ID!, $accept: Boolean!) { respondToFriendRequest(userId: $u, accept: $accept) { ${RELATION} } }`;
export const POST = `mutation($input: PostInput!) { post(input: $input) { id kind visibility text likeCount } }`;
export const HOME = `query($first: Int, $after: String) {
  homeFeed(first: $first, after: $after) { edges { node { id kind text actor { id } } } pageInfo { hasNextPage endCursor } }
}`;
export const COUNTS = `query($u: ID!) { _entities(representations: [{ __typename: "User", id: $u }]) {
  ... on User { socialCounts { friends followers following } } } }`;

/** The ids of the caller's home feed, first page. */
export async function homeIds(s: SocialFixture, token: string, first = 50): Promise<string[]> {
  return (await s.ok(token, HOME, { first })).homeFeed.edges.map((edge: any) => edge.node.id);
}
