/**
 * The heavy nested query of graphql-hive/graphql-gateways-benchmark, and the answer it must
 * get, computed here without any gateway: the same query executed by graphql-js on the API
 * schema with resolvers reading data.ts directly (a monolith of the four subgraphs).
 */
import { graphql, type GraphQLSchema } from 'graphql';
import {
  IN_STOCK,
  PRODUCTS,
  productReviews,
  REVIEW_AUTHOR,
  type ReviewRecord,
  shippingEstimate,
  USERS,
  type UserRecord,
  userReviews,
} from './data';

export const QUERY = `fragment User on User {
  id
  username
  name
}

fragment Review on Review {
  id
  body
}

fragment Product on Product {
  inStock
  name
  price
  shippingEstimate
  upc
  weight
}

query TestQuery {
  users {
    ...User
    reviews {
      ...Review
      product {
        ...Product
        reviews {
          ...Review
          author {
            ...User
            reviews {
              ...Review
              product {
                ...Product
              }
            }
          }
        }
      }
    }
  }
  topProducts {
    ...Product
    reviews {
      ...Review
      author {
        ...User
        reviews {
          ...Review
          product {
            ...Product
          }
        }
      }
    }
  }
}`;

export async function expectedResult(apiSchema: GraphQLSchema): Promise<unknown> {
  const user = (record: UserRecord) => ({ ...record, reviews: () => userReviews().map(review) });
  const product = (upc: string) => {
    const record = PRODUCTS.find((p) => p.upc === upc)!;
    return {
      ...record,
      inStock: IN_STOCK[upc],
      shippingEstimate: shippingEstimate(record.price, record.weight),
      reviews: () => productReviews(upc).map(review),
    };
  };
  const review = (record: ReviewRecord) => ({
    id: record.id,
    body: record.body,
    product: () => product(record.product.upc),
    author: () => user(USERS.find((u) => u.id === REVIEW_AUTHOR.id)!),
  });
  const result = await graphql({
    schema: apiSchema,
    source: QUERY,
    rootValue: {
      users: () => USERS.map(user),
      topProducts: ({ first = 5 }: { first?: number }) => PRODUCTS.slice(0, first).map((p) => product(p.upc)),
    },
  });
  if (result.errors) throw new Error(`reference execution failed: ${result.errors[0]!.message}`);
  return JSON.parse(JSON.stringify(result));
}
