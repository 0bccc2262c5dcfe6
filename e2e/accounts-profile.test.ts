import { LoginDocument, MyProfileDocument, UpdateProfileDocument } from '@lattice/client';
import { waitFor } from '@lattice/testkit';
import { PASSWORD, promoteToAdmin, registerUser } from './support/accounts';
import { postToSubgraph } from './support/subgraph-requests';
import { startTestLattice, type TestLattice } from './support/test-lattice';

let lattice: TestLattice;
beforeAll(async () => {
  lattice = await startTestLattice({}, { subgraphs: ['accounts'] });
});
afterAll(() => lattice?.stop());

type User = Awaited<ReturnType<typeof registerUser>>;

const sql = <T>(query: string, params: unknown[] = []) =>
  lattice.subgraphs.accounts!.orm.em.getConnection().execute<T[]>(query, params);

/** A registered user whose profile accounts has created (the registration event arrived). */
async function newUser(): Promise<User> {
  const user = await registerUser(lattice);
  await waitFor(
    async () =>
      (await sql<{ n: string }>('select count(*) n from accounts.profile where user_id = ?', [user.id]))[0]!
        .n === '1',
    { timeoutMs: 10_000, message: 'the profile' },
  );
  return user;
}

/** Sends `_entities` straight to accounts, as the gateway does (signed) for `User.profile`. */
async function entitiesFromAccounts(token: string | undefined, ids: string[], selection: string) {
  const response = await postToSubgraph(
    lattice,
    'accounts',
    {
      query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { id ${selection} } } }`,
      variables: { representations: ids.map((id) => ({ __typename: 'User', id })) },
    },
    token ? { authorization: `Bearer ${token}` } : {},
  );
  return (await response.json()) as { data?: any; errors?: any[] };
}

describe('a user updates and reads their own profile', () => {
  it('partial updates, normalised values, defaults and explicit nulls', async () => {
    const ada = await newUser();
    const client = lattice.client(ada.accessToken);

    const initial = await client.request(MyProfileDocument);
    expect(initial.me?.profile).toMatchObject({
      firstName: null,
      lastName: null,
      displayName: ada.email.split('@')[0],
      phone: null,
      avatarUrl: null,
      preferences: {
        locale: 'en-GB',
        timezone: 'UTC',
        notifications: { email: true, sms: false, marketing: false },
      },
    });

    const { updateProfile } = await client.request(UpdateProfileDocument, {
      input: {
        firstName: ' Ada ',
        lastName: 'Lovelace',
        displayName: 'Countess of Lovelace',
        phone: '+44 7700-900 123',
        avatarUrl: 'https://cdn.example.com/ada.png',
        preferences: { locale: 'fr-fr', timezone: 'Europe/Paris', notifications: { sms: true } },
      },
    });
    expect(updateProfile).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      displayName: 'Countess of Lovelace',
      phone: '+447700900123',
      avatarUrl: 'https://cdn.example.com/ada.png',
      preferences: {
        locale: 'fr-FR',
        timezone: 'Europe/Paris',
        notifications: { email: true, sms: true, marketing: false },
      },
    });
    expect(Date.parse(updateProfile.updatedAt)).toBeGreaterThan(Date.parse(initial.me!.profile!.updatedAt));

    // Omitted fields stay; explicit null clears the nullable ones.
    await client.request(UpdateProfileDocument, {
      input: { phone: null, avatarUrl: null, preferences: { notifications: { marketing: true } } },
    });
    const { me } = await client.request(MyProfileDocument);
    expect(me?.profile).toMatchObject({
      firstName: 'Ada',
      lastName: 'Lovelace',
      displayName: 'Countess of Lovelace',
      phone: null,
      avatarUrl: null,
      preferences: {
        locale: 'fr-FR',
        timezone: 'Europe/Paris',
        notifications: { email: true, sms: true, marketing: true },
      },
    });

    const [stored] = await sql<{ preferences: unknown }>(
      'select preferences from accounts.profile where user_id = ?',
      [ada.id],
    );
    expect(stored!.preferences).toEqual({
      locale: 'fr-FR',
      timezone: 'Europe/Paris',
      notifications: { email: true, sms: true, marketing: true },
    });
  });

  it('emits accounts.profile_updated with the changed fields, in the same transaction', async () => {
    const grace = await newUser();
    const received: { userId: string; fields: string[] }[] = [];
    const consumer = lattice.bus.consume({
      group: `accounts-profile-test-${Date.now()}`,
      consumer: 'test',
      types: ['accounts.profile_updated'],
      handler: async (event) => {
        if (event.subject === grace.id) received.push(event.data as { userId: string; fields: string[] });
      },
    });
    try {
      await lattice.client(grace.accessToken).request(UpdateProfileDocument, {
        input: { lastName: 'Hopper', preferences: { timezone: 'America/New_York' } },
      });
      await waitFor(() => received.length === 1, { timeoutMs: 10_000, message: 'the event' });
      expect(received[0]).toMatchObject({
        userId: grace.id,
        fields: ['lastName', 'preferences.timezone'],
        profile: { timezone: 'America/New_York', locale: 'en-GB', phone: null },
      });
    } finally {
      await consumer.stop();
    }
  });

  it('an anonymous caller gets UNAUTHENTICATED and nothing is written', async () => {
    const before = await sql<{ n: string }>('select count(*) n from accounts.outbox_event');
    const result = await lattice.client().execute(UpdateProfileDocument, { input: { firstName: 'Nobody' } });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await sql('select count(*) n from accounts.outbox_event')).toEqual(before);
    const anonymous = await lattice.client().execute(MyProfileDocument);
    expect(anonymous.data?.me).toBeNull();
  });
});

describe('who may read a profile', () => {
  it('another user: null with FORBIDDEN at the field path; staff: the profile', async () => {
    const owner = await newUser();
    const other = await newUser();
    await lattice
      .client(owner.accessToken)
      .request(UpdateProfileDocument, { input: { firstName: 'Owner', phone: '+14155552671' } });

    const denied = await entitiesFromAccounts(other.accessToken, [owner.id], 'profile { firstName phone }');
    expect(denied.data._entities).toEqual([{ id: owner.id, profile: null }]);
    expect(denied.errors).toHaveLength(1);
    expect(denied.errors![0]).toMatchObject({
      path: ['_entities', 0, 'profile'],
      extensions: { code: 'FORBIDDEN' },
    });

    const anonymous = await entitiesFromAccounts(undefined, [owner.id], 'profile { firstName }');
    expect(anonymous.data._entities).toEqual([{ id: owner.id, profile: null }]);
    expect(anonymous.errors![0]!.extensions.code).toBe('FORBIDDEN');

    const adminToken = await promoteToAdmin(lattice, (await newUser()).email);
    const staff = await entitiesFromAccounts(adminToken, [owner.id], 'profile { firstName phone }');
    expect(staff.errors).toBeUndefined();
    expect(staff.data._entities).toEqual([
      { id: owner.id, profile: { firstName: 'Owner', phone: '+14155552671' } },
    ]);

    const moderator = await newUser();
    await lattice.subgraphs
      .identity!.orm.em.getConnection()
      .execute(`update identity.user_account set role = 'moderator' where id = ?`, [moderator.id]);
    const { login } = await lattice.client().request(LoginDocument, {
      input: { email: moderator.email, password: PASSWORD },
    });
    const byModerator = await entitiesFromAccounts(login.accessToken, [owner.id], 'profile { firstName }');
    expect(byModerator.errors).toBeUndefined();
    expect(byModerator.data._entities[0].profile).toEqual({ firstName: 'Owner' });
  });

  it('updateProfile changes only the caller’s own profile', async () => {
    const victim = await newUser();
    const attacker = await newUser();
    const before = await sql('select * from accounts.profile where user_id = ?', [victim.id]);
    // There is no user id to pass: the caller's token decides whose profile changes.
    await lattice
      .client(attacker.accessToken)
      .request(UpdateProfileDocument, { input: { displayName: 'Mallory' } });
    expect(await sql('select * from accounts.profile where user_id = ?', [victim.id])).toEqual(before);
    const [mine] = await sql<{ display_name: string }>(
      'select display_name from accounts.profile where user_id = ?',
      [attacker.id],
    );
    expect(mine!.display_name).toBe('Mallory');
  });
});

describe('updateProfile refuses bad input, naming the field, and writes nothing', () => {
  const huge = 'x'.repeat(10 * 1024);
  it.each([
    ['letters in the phone', { phone: '+44 77OO 9OO 123' }, 'input.phone'],
    ['a too short phone', { phone: '+44 123' }, 'input.phone'],
    ['a too long phone', { phone: '+44 7700 900123 45678' }, 'input.phone'],
    ['a national phone', { phone: '07700 900123' }, 'input.phone'],
    ['a 10 KB first name', { firstName: huge }, 'input.firstName'],
    ['a 10 KB last name', { lastName: huge }, 'input.lastName'],
    ['an empty display name', { displayName: '  ' }, 'input.displayName'],
    ['a null display name', { displayName: null }, 'input.displayName'],
    ['a 10 KB display name', { displayName: huge }, 'input.displayName'],
    ['an http avatar', { avatarUrl: 'http://cdn.example.com/a.png' }, 'input.avatarUrl'],
    ['a 10 KB avatar URL', { avatarUrl: `https://cdn.example.com/${huge}` }, 'input.avatarUrl'],
    ['a bad locale', { preferences: { locale: 'klingon!' } }, 'input.preferences.locale'],
    ['an unknown time zone', { preferences: { timezone: 'Mars/Olympus' } }, 'input.preferences.timezone'],
    ['a 10 KB time zone', { preferences: { timezone: huge } }, 'input.preferences.timezone'],
    ['null preferences', { preferences: null }, 'input.preferences'],
    [
      'a null notification choice',
      { preferences: { notifications: { email: null } } },
      'input.preferences.notifications.email',
    ],
  ])('%s', async (_case, input, field) => {
    const user = await newUser();
    const snapshot = () =>
      Promise.all([
        sql('select * from accounts.profile where user_id = ?', [user.id]),
        sql('select count(*) n from accounts.outbox_event'),
      ]);
    const before = await snapshot();
    // A valid change alongside the bad one must not be applied either.
    const result = await lattice
      .client(user.accessToken)
      .execute(UpdateProfileDocument, { input: { firstName: 'Changed', ...input } as never });
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await snapshot()).toEqual(before);
  });

  it('a missing input is refused by GraphQL itself', async () => {
    const user = await newUser();
    const result = await lattice.post(
      { query: 'mutation { updateProfile { displayName } }' },
      { authorization: `Bearer ${user.accessToken}` },
    );
    expect(result.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
