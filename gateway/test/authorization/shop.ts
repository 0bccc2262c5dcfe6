/**
 * A one-subgraph supergraph using `@authenticated` and `@requiresScopes` on root fields, on
 * nested (nullable and non-null) fields and on types, shared by the authorization tests; and
 * `run`, which goes through what the gateway does with an operation: authorize it, execute
 * the document authorization leaves, complete the result.
 */
import { composeServices } from '@apollo/composition';
import {
  defaultFieldResolver,
  execute,
  type ExecutionResult,
  getOperationAST,
  type GraphQLFieldResolver,
  type GraphQLFormattedError,
  parse,
  validate,
} from 'graphql';
import type { Role, Viewer } from '@lattice/server-kit';
import { requirementsFromSupergraph } from '../../src/authorization/requirements';
import { completeResult } from '../../src/authorization/result';
import { type AuthorizedOperation, authorizeOperation } from '../../src/authorization/rewrite';

const SHOP = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@authenticated", "@requiresScopes"])

  type Query {
    me: User @authenticated
    user(id: ID!): User
    users: [User!]! @requiresScopes(scopes: [["admin"]])
    reports: [String!] @requiresScopes(scopes: [["moderator"], ["admin"]])
    audit: String @requiresScopes(scopes: [["admin", "moderator"]])
    node(id: ID!): Node
  }
  type Mutation {
    ping: Boolean
    ban(id: ID!): Boolean @requiresScopes(scopes: [["moderator"]])
  }
  interface Node { id: ID! }
  type User implements Node @key(fields: "id") {
    id: ID!
    name: String
    email: String @authenticated
    secret: String! @requiresScopes(scopes: [["admin"]])
    friends: [User!]!
    profile: Profile
  }
  type Profile { bio: String phone: String @requiresScopes(scopes: [["moderator"]]) }
  type Invoice implements Node @authenticated { id: ID! total: Int }
`;

const composed = composeServices([{ name: 'shop', url: 'http://shop/graphql', typeDefs: parse(SHOP) }]);
if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));

export const supergraphSdl = composed.supergraphSdl;
/** The API schema the gateway serves (without the authorization directives). */
export const schema = composed.schema.toAPISchema().toGraphQLJSSchema();
export const requirements = requirementsFromSupergraph(supergraphSdl);

export const viewer = (role: Role): Viewer => ({
  id: `${role}-1`,
  role,
  sessionId: 'session',
  token: 'token',
});
export const anonymous = null;

/** Parses and validates an operation, as Apollo Server has done before authorization runs. */
export function operationOf(query: string) {
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  return { document, operation: getOperationAST(document)! };
}

export function authorize(
  query: string,
  caller: Viewer | null,
  variables?: Record<string, unknown>,
): AuthorizedOperation {
  return authorizeOperation({ schema, requirements, ...operationOf(query), variables, viewer: caller });
}

/** What was cut, by response path of the field node in the document (aliases included). */
export function cutFields(authorized: AuthorizedOperation) {
  return [...authorized.plan.cut].map(([node, denial]) => ({
    field: node.alias?.value ?? node.name.value,
    ...denial,
  }));
}

const bob = { __typename: 'User', id: 'u2', name: 'Bob', email: 'bob@example.com', secret: 'b', friends: [] };
const carol = {
  __typename: 'User',
  id: 'u3',
  name: 'Carol',
  email: 'carol@example.com',
  secret: 'c',
  friends: [],
};
const alice = {
  __typename: 'User',
  id: 'u1',
  name: 'Alice',
  email: 'alice@example.com',
  secret: 'a',
  friends: [bob, carol],
  profile: { bio: 'Hello', phone: '555-0100' },
};
const people: Record<string, object> = { u1: alice, u2: bob, u3: carol };
const invoice = { __typename: 'Invoice', id: 'i1', total: 42 };

/** The subgraph's data: every field resolves, whoever asks (authorization is the gateway's). */
export const rootValue = {
  me: () => alice,
  user: ({ id }: { id: string }) => people[id] ?? null,
  users: () => [alice, bob, carol],
  reports: () => ['weekly'],
  audit: () => 'clean',
  node: ({ id }: { id: string }) => (id === invoice.id ? invoice : (people[id] ?? null)),
  ping: () => true,
  ban: () => true,
};

/**
 * Authorizes `query` for `caller`, executes the document authorization leaves (which must
 * still be valid), and completes the result: the response a client gets, and every field
 * that was resolved (`Type.field`) — a refused field must never be.
 */
export function run(query: string, caller: Viewer | null, variables?: Record<string, unknown>) {
  const authorized = authorize(query, caller, variables);
  const invalid = validate(schema, authorized.document);
  if (invalid.length) throw new Error(invalid.map((e) => e.message).join('\n'));
  const resolved: string[] = [];
  const fieldResolver: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
    resolved.push(`${info.parentType.name}.${info.fieldName}`);
    return defaultFieldResolver(source, args, context, info);
  };
  const executed = execute({
    schema,
    document: authorized.document,
    rootValue,
    variableValues: variables,
    fieldResolver,
  }) as ExecutionResult;
  if (executed.errors?.length) throw new Error(executed.errors.map((e) => e.message).join('\n'));
  const data = executed.data as Record<string, unknown> | null | undefined;
  const completed: { data: unknown; errors: GraphQLFormattedError[] } = authorized.rewritten
    ? completeResult(authorized.plan, data)
    : { data, errors: [] };
  return { ...completed, resolved, authorized };
}
