import type { TestLattice } from './test-lattice';

/** Runs a GraphQL operation as `token`; returns the JSON answer. */
export async function gql(
  lattice: TestLattice,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: any; errors?: any[] }> {
  const { json } = await lattice.post(
    { query, variables },
    token ? { authorization: `Bearer ${token}` } : {},
  );
  return json;
}

/** Data of an operation that must succeed (its errors fail the test with their text). */
export async function ok(
  lattice: TestLattice,
  token: string | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<any> {
  const answer = await gql(lattice, token, query, variables);
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data;
}
