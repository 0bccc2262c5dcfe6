import { postToSubgraph } from './subgraph-requests';
import type { TestLattice } from './test-lattice';

/**
 * Sends `_entities` for `User` references straight to a subgraph, as the gateway does (signed), and
 * returns the entities with the SQL statements the subgraph spent on them.
 */
export async function userEntitiesWithSql(
  lattice: TestLattice,
  subgraph: string,
  token: string,
  ids: string[],
  selection: string,
): Promise<{ statements: number; entities: any[] }> {
  const target = lattice.subgraphs[subgraph]!;
  target.sql.reset();
  const response = await postToSubgraph(
    lattice,
    subgraph,
    {
      query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { ${selection} } } }`,
      variables: { representations: ids.map((id) => ({ __typename: 'User', id })) },
    },
    { authorization: `Bearer ${token}` },
  ).then((res) => res.json() as Promise<any>);
  if (response.errors) throw new Error(`_entities failed: ${JSON.stringify(response.errors)}`);
  if (response.data._entities.length !== ids.length)
    throw new Error('_entities answered the wrong number of entities');
  return { statements: target.sql.count, entities: response.data._entities };
}
