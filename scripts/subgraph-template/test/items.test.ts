import { randomBytes, randomUUID } from 'node:crypto';
import {
  startTestSubgraph,
  type TestSubgraph,
  startTokenIssuer,
  type TokenIssuer,
} from '@lattice/subgraph-kit/testing';
import { __name__ } from '../src/subgraph';

let fixture: TestSubgraph;
let issuer: TokenIssuer;
const ownerId = randomUUID();
let owner: string;
let stranger: string;
let itemIds: string[];

// As the gateway calls it: signed with the secret they share (fixture.post signs).
const post = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
  const response = await fixture.post({ query, variables }, { authorization: `Bearer ${token}` });
  return (await response.json()) as any;
};

const CREATE = 'mutation($title: String!) { create__Name__Item(title: $title) { id title owner { id } } }';
const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on __Name__Item { id title } }
}`;
const representations = (ids: string[]) => ids.map((id) => ({ __typename: '__Name__Item', id }));

beforeAll(async () => {
  issuer = await startTokenIssuer();
  fixture = await startTestSubgraph(__name__, {
    JWKS_URL: issuer.jwksUrl,
    SUBGRAPH_SECRET: randomBytes(32).toString('hex'),
  });
  owner = await issuer.token('user', ownerId);
  stranger = await issuer.token('user');
  itemIds = [];
  for (let i = 0; i < 50; i += 1) {
    const { data } = await post(owner, CREATE, { title: `item ${i}` });
    itemIds.push(data.create__Name__Item.id);
  }
});
afterAll(async () => {
  await fixture?.stop();
  await issuer?.close();
});

describe('__name__ items', () => {
  it('belong to their creator', async () => {
    const { data } = await post(owner, CREATE, { title: '  spaced  ' });
    expect(data.create__Name__Item).toMatchObject({ title: 'spaced', owner: { id: ownerId } });
  });

  it('refuse a blank title with the field named, and write nothing', async () => {
    fixture.subgraph.sql.reset();
    const { errors } = await post(owner, CREATE, { title: '   ' });
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(fixture.subgraph.sql.count).toBe(0);
  });

  it('list the caller’s own items, newest first, page by page', async () => {
    const query =
      'query($after: String) { __name__Items(first: 30, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }';
    const first = (await post(owner, query)).data.__name__Items;
    const second = (await post(owner, query, { after: first.pageInfo.endCursor })).data.__name__Items;
    const ids = [...first.edges, ...second.edges].map((edge: any) => edge.node.id);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(second.pageInfo.hasNextPage).toBe(false);
    expect(ids.slice(-50)).toEqual([...itemIds].reverse());
    expect((await post(stranger, query)).data.__name__Items.edges).toEqual([]);
  });

  it('resolve references for 5 and for 50 keys with the same SQL', async () => {
    const sqlFor = async (ids: string[]) => {
      fixture.subgraph.sql.reset();
      const { data } = await post(owner, ENTITIES, { representations: representations(ids) });
      expect(data._entities.map((item: { id: string }) => item.id)).toEqual(ids);
      return fixture.subgraph.sql.count;
    };
    const five = await sqlFor(itemIds.slice(0, 5));
    const fifty = await sqlFor(itemIds);
    expect(five).toBeGreaterThan(0);
    expect(fifty).toBe(five);
  });

  it('resolve another user’s item as null, through _entities too', async () => {
    const { data } = await post(stranger, ENTITIES, {
      representations: representations(itemIds.slice(0, 3)),
    });
    expect(data._entities).toEqual([null, null, null]);
  });
});
