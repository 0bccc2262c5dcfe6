import { CREATE_GYM, startBookings, type BookingsFixture } from './support/fixture';

let app: BookingsFixture;
let admin: string;
const ids: Record<string, string> = {};

const SEARCH = `query($near: NearInput, $text: String, $openAt: DateTime, $equipment: [String!], $first: Int, $after: String) {
  gyms(near: $near, text: $text, openAt: $openAt, equipment: $equipment, first: $first, after: $after) {
    edges { node { id name } distanceKm }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ALEXANDERPLATZ = { latitude: 52.5219, longitude: 13.4132 };
const everyDay = (opens: string, closes: string) =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens, closes }));

async function gym(key: string, input: Record<string, unknown>) {
  const data = await app.ok(admin, CREATE_GYM, {
    input: {
      address: `${key} street`,
      timeZone: 'Europe/Berlin',
      openingHours: everyDay('06:00', '22:00'),
      ...input,
    },
  });
  ids[key] = data.createGym.id;
}

beforeAll(async () => {
  app = await startBookings();
  admin = await app.token('admin');
  // Distances from Alexanderplatz, great-circle: about 0.7, 3.2, 8.5 and 255 km.
  await gym('Mitte', { name: 'Mitte Fitness', latitude: 52.52, longitude: 13.405 });
  await gym('Kreuzberg', { name: 'Kreuzberg Iron', latitude: 52.4986, longitude: 13.3918 });
  await gym('Spandau', {
    name: 'Spandau Strength',
    latitude: 52.5352,
    longitude: 13.295,
    openingHours: everyDay('08:00', '12:00'),
  });
  await gym('Hamburg', { name: 'Hamburg Fitness', latitude: 53.5511, longitude: 9.9937 });
  await gym('NewYork', {
    name: 'Brooklyn Fitness',
    latitude: 40.6782,
    longitude: -73.9442,
    timeZone: 'America/New_York',
  });
  await app.ok(
    admin,
    'mutation($id: ID!) { addEquipment(gymId: $id, input: { name: "Rack", type: "squat-rack" }) { id } }',
    { id: ids.Kreuzberg },
  );
  await app.ok(
    admin,
    'mutation($id: ID!) { addEquipment(gymId: $id, input: { name: "Rower", type: "rowing-machine" }) { id } }',
    { id: ids.Kreuzberg },
  );
  await app.ok(
    admin,
    'mutation($id: ID!) { addEquipment(gymId: $id, input: { name: "Rack", type: "squat-rack" }) { id } }',
    { id: ids.Spandau },
  );
});
afterAll(() => app?.stop());

const names = (data: any) => data.gyms.edges.map((edge: any) => edge.node.name);

describe('gym search', () => {
  it('finds gyms within a radius, nearest first, with their distance', async () => {
    const data = await app.ok(null, SEARCH, { near: { ...ALEXANDERPLATZ, radiusKm: 10 } });
    expect(names(data)).toEqual(['Mitte Fitness', 'Kreuzberg Iron', 'Spandau Strength']);
    const distances = data.gyms.edges.map((edge: any) => edge.distanceKm);
    expect(distances[0]).toBeCloseTo(0.63, 1);
    expect(distances[1]).toBeCloseTo(2.98, 1);
    expect(distances[2]).toBeCloseTo(8.11, 1);
  });

  it('pages through results in the same order', async () => {
    const first = await app.ok(null, SEARCH, { near: { ...ALEXANDERPLATZ, radiusKm: 300 }, first: 2 });
    const rest = await app.ok(null, SEARCH, {
      near: { ...ALEXANDERPLATZ, radiusKm: 300 },
      first: 2,
      after: first.gyms.pageInfo.endCursor,
    });
    expect([...names(first), ...names(rest)]).toEqual([
      'Mitte Fitness',
      'Kreuzberg Iron',
      'Spandau Strength',
      'Hamburg Fitness',
    ]);
    expect(rest.gyms.pageInfo.hasNextPage).toBe(false);
  });

  it('matches words of the name and address by prefix', async () => {
    expect(names(await app.ok(null, SEARCH, { text: 'fitn' }))).toEqual([
      'Brooklyn Fitness',
      'Hamburg Fitness',
      'Mitte Fitness',
    ]);
    expect(names(await app.ok(null, SEARCH, { text: 'kreuzberg street' }))).toEqual(['Kreuzberg Iron']);
    const near = await app.ok(null, SEARCH, { text: 'fitness', near: { ...ALEXANDERPLATZ, radiusKm: 10 } });
    expect(names(near)).toEqual(['Mitte Fitness']);
  });

  it('keeps gyms having every equipment type asked for', async () => {
    expect(names(await app.ok(null, SEARCH, { equipment: ['squat-rack'] }))).toEqual([
      'Kreuzberg Iron',
      'Spandau Strength',
    ]);
    expect(names(await app.ok(null, SEARCH, { equipment: ['squat-rack', 'rowing-machine'] }))).toEqual([
      'Kreuzberg Iron',
    ]);
  });

  it('keeps gyms open at a time, read in each gym’s own zone', async () => {
    // 13:00 UTC in July: 15:00 in Berlin (Spandau closed at 12:00), 09:00 in New York (open).
    const afternoon = await app.ok(null, SEARCH, { openAt: '2027-07-06T13:00:00Z' });
    expect(names(afternoon)).toEqual([
      'Brooklyn Fitness',
      'Hamburg Fitness',
      'Kreuzberg Iron',
      'Mitte Fitness',
    ]);
    // 03:00 UTC: 05:00 in Berlin (all closed), 23:00 in New York (closed).
    expect(names(await app.ok(null, SEARCH, { openAt: '2027-07-06T03:00:00Z' }))).toEqual([]);
  });

  it('leaves out hidden gyms and closed days', async () => {
    await app.ok(admin, 'mutation($id: ID!) { updateGym(id: $id, input: { status: HIDDEN }) { id } }', {
      id: ids.Hamburg,
    });
    await app.ok(
      admin,
      'mutation($id: ID!) { addGymClosure(gymId: $id, from: "2027-07-06", to: "2027-07-06") { id } }',
      {
        id: ids.Mitte,
      },
    );
    const data = await app.ok(null, SEARCH, { openAt: '2027-07-06T13:00:00Z' });
    expect(names(data)).toEqual(['Brooklyn Fitness', 'Kreuzberg Iron']);
    expect(
      (await app.ok(null, 'query($id: ID!) { gym(id: $id) { id } }', { id: ids.Hamburg })).gym,
    ).toBeNull();
    expect(
      (await app.ok(admin, 'query($id: ID!) { gym(id: $id) { id } }', { id: ids.Hamburg })).gym,
    ).not.toBeNull();
  });

  it('refuses bad input with the field named', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ near: { latitude: 91, longitude: 0, radiusKm: 1 } }, 'near.latitude'],
      [{ near: { latitude: 0, longitude: 0, radiusKm: 0 } }, 'near.radiusKm'],
      [{ near: { latitude: 0, longitude: 0, radiusKm: 501 } }, 'near.radiusKm'],
      [{ text: '!!!' }, 'text'],
      [{ after: 'not-a-cursor' }, 'after'],
      [{ first: 1000 }, 'first'],
    ];
    for (const [variables, field] of cases) {
      const { errors } = await app.post(null, SEARCH, variables);
      expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
