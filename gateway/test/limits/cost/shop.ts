/** A one-subgraph supergraph using every cost directive, shared by the cost tests. */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { costDirectivesFromSupergraph } from '../../../src/limits/cost/directives';

const SHOP = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])

  type Query {
    me: User
    users(first: Int = 20, last: Int, after: String): UserConnection!
      @listSize(assumedSize: 20, slicingArguments: ["first", "last"], sizedFields: ["edges"], requireOneSlicingArgument: false)
    search(limit: Int, term: String @cost(weight: 7)): [User!]! @listSize(slicingArguments: ["limit"])
    tags: [String!]!
    popular: [User!]! @listSize(assumedSize: 3)
    recent(first: Int): [User!]!
    orders(first: Int): OrderConnection!
    report(filter: ReportFilter): Int!
  }
  type Mutation {
    login(password: String!): User! @cost(weight: 100)
    ping: Boolean!
  }
  type User @key(fields: "id") {
    id: ID!
    name: String
    secret: String @cost(weight: 5)
    friends: [User!]!
    status: Status!
    avatar: Image
  }
  type Image @cost(weight: 4) { url: String! }
  enum Status { ACTIVE BANNED }
  type UserConnection { edges: [UserEdge!]! pageInfo: PageInfo! }
  type UserEdge { cursor: String! node: User! }
  type OrderConnection { edges: [OrderEdge!]! }
  type OrderEdge { node: Order! }
  type Order { id: ID! }
  type PageInfo { hasNextPage: Boolean! }
  input ReportFilter { deep: Boolean @cost(weight: 30) }
`;

function compose(typeDefs: string) {
  const result = composeServices([{ name: 'shop', url: 'http://shop/graphql', typeDefs: parse(typeDefs) }]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return {
    schema: result.schema.toAPISchema().toGraphQLJSSchema(),
    directives: costDirectivesFromSupergraph(result.supergraphSdl),
  };
}

/** The shop subgraph composed: its API schema and the cost directives of its supergraph. */
export const shop = compose(SHOP);
