/**
 * The data of graphql-hive/graphql-gateways-benchmark's federation subgraphs (accounts,
 * inventory, products, reviews), the same records and the same resolver rules.
 */

export interface UserRecord {
  id: string;
  name: string;
  username: string;
  birthday: number;
}

export interface ProductRecord {
  upc: string;
  name: string;
  price: number;
  weight: number;
}

export interface ReviewRecord {
  id: string;
  body: string;
  product: { upc: string };
}

export const USERS: UserRecord[] = [
  ['1', 'Uri Goldshtein', 'urigo'],
  ['2', 'Dotan Simha', 'dotansimha'],
  ['3', 'Kamil Kisiela', 'kamilkisiela'],
  ['4', 'Arda Tanrikulu', 'ardatan'],
  ['5', 'Gil Gardosh', 'gilgardosh'],
  ['6', 'Laurin Quast', 'laurin'],
].map(([id, name, username]) => ({ id: id!, name: name!, username: username!, birthday: 1234567890 }));

export const PRODUCTS: ProductRecord[] = [
  ['1', 'Table', 899, 100],
  ['2', 'Couch', 1299, 1000],
  ['3', 'Glass', 15, 20],
  ['4', 'Chair', 499, 100],
  ['5', 'TV', 1299, 1000],
  ['6', 'Lamp', 6999, 300],
  ['7', 'Grill', 3999, 2000],
  ['8', 'Fridge', 100000, 6000],
  ['9', 'Sofa', 9999, 800],
].map(([upc, name, price, weight]) => ({
  upc: upc as string,
  name: name as string,
  price: price as number,
  weight: weight as number,
}));

export const IN_STOCK: Record<string, boolean> = {
  '1': true,
  '2': false,
  '3': false,
  '4': false,
  '5': true,
  '6': true,
  '7': true,
  '8': false,
  '9': true,
};

const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.';
const SED =
  'Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi';
const QUIA =
  'sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.';
const MINIMA =
  'Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem';
const VERO =
  'At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat.';

export const REVIEWS: ReviewRecord[] = (
  [
    [LOREM, '1'],
    [SED, '1'],
    [QUIA, '1'],
    [MINIMA, '1'],
    [LOREM, '2'],
    [SED, '2'],
    [QUIA, '2'],
    [MINIMA, '2'],
    [MINIMA, '3'],
    [MINIMA, '4'],
    [VERO, '4'],
  ] as const
).map(([body, upc], index) => ({ id: String(index + 1), body, product: { upc } }));

/** Every review's author is user 1 (as in the reference reviews subgraph). */
export const REVIEW_AUTHOR = { id: '1', username: 'urigo' };

/** The reviews subgraph gives every user the first two reviews. */
export const userReviews = (): ReviewRecord[] => REVIEWS.slice(0, 2);

export const productReviews = (upc: string): ReviewRecord[] => REVIEWS.filter((r) => r.product.upc === upc);

/** inventory's `shippingEstimate` (@requires price and weight): free above 1000, else weight / 2. */
export function shippingEstimate(price: number | null | undefined, weight: number | null | undefined) {
  if (price == null) return null;
  if (price > 1000) return 0;
  return weight == null ? null : Math.trunc(weight / 2);
}
