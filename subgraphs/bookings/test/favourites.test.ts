import { CREATE_GYM, startBookings, type BookingsFixture } from './support/fixture';

let app: BookingsFixture;
let admin: string;
const gymIds: string[] = [];

beforeAll(async () => {
  app = await startBookings();
  admin = await app.token('admin');
  for (const name of ['One', 'Two', 'Three']) {
    const { createGym } = await app.ok(admin, CREATE_GYM, {
      input: { name, address: name, latitude: 48, longitude: 2, timeZone: 'Europe/Paris' },
    });
    gymIds.push(createGym.id);
  }
});
afterAll(() => app?.stop());

const FAVOURITES = `query($r: [_Any!]!, $after: String) { _entities(representations: $r) {
  ... on User { favouriteGyms(first: 2, after: $after) { edges { node { name isFavourite } } pageInfo { hasNextPage endCursor } } }
} }`;

describe('favourite gyms', () => {
  it('are marked once, listed latest first page by page, and unmarked', async () => {
    const user = await app.user();
    for (const id of gymIds)
      await app.ok(user.token, 'mutation($id: ID!) { favouriteGym(gymId: $id) { id } }', { id });
    await app.ok(user.token, 'mutation($id: ID!) { favouriteGym(gymId: $id) { id } }', { id: gymIds[0] });
    const r = [{ __typename: 'User', id: user.id }];
    const first = (await app.ok(user.token, FAVOURITES, { r }))._entities[0].favouriteGyms;
    const rest = (await app.ok(user.token, FAVOURITES, { r, after: first.pageInfo.endCursor }))._entities[0]
      .favouriteGyms;
    expect([...first.edges, ...rest.edges].map((edge: any) => edge.node)).toEqual([
      { name: 'Three', isFavourite: true },
      { name: 'Two', isFavourite: true },
      { name: 'One', isFavourite: true },
    ]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    const { unfavouriteGym } = await app.ok(
      user.token,
      'mutation($id: ID!) { unfavouriteGym(gymId: $id) { isFavourite } }',
      { id: gymIds[1] },
    );
    expect(unfavouriteGym.isFavourite).toBe(false);
    const other = await app.user();
    const { gym } = await app.ok(other.token, 'query($id: ID!) { gym(id: $id) { isFavourite } }', {
      id: gymIds[0],
    });
    expect(gym.isFavourite).toBe(false);
    const theirs = await app.post(other.token, FAVOURITES, { r });
    expect(theirs.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('need a gym that exists and an account', async () => {
    const user = await app.user();
    const missing = await app.post(
      user.token,
      'mutation { favouriteGym(gymId: "00000000-0000-4000-8000-000000000000") { id } }',
    );
    expect(missing.errors[0].extensions.code).toBe('NOT_FOUND');
    const anonymous = await app.post(null, 'mutation($id: ID!) { favouriteGym(gymId: $id) { id } }', {
      id: gymIds[0],
    });
    expect(anonymous.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
