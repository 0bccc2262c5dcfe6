import { buildSchema, Kind, parse, print, stripIgnoredCharacters, validate } from 'graphql';
import type { Requirements } from '../../src/authorization/requirements';
import { authorizeOperation, TYPENAME_ALIAS } from '../../src/authorization/rewrite';
import { anonymous, authorize, cutFields, operationOf, requirements, schema, viewer } from './shop';

/** The document authorization leaves, compact, with the helper alias written `T`. */
const printed = (authorized: ReturnType<typeof authorize>) =>
  stripIgnoredCharacters(print(authorized.document)).replaceAll(`${TYPENAME_ALIAS}:__typename`, 'T');

describe('the requirements read from the supergraph', () => {
  it('has @authenticated and @requiresScopes by field and by type, as composition writes them', () => {
    expect(Object.fromEntries(requirements)).toEqual({
      'Query.me': { authenticated: true, scopes: [] },
      'Query.users': { authenticated: false, scopes: [[['admin']]] },
      'Query.reports': { authenticated: false, scopes: [[['moderator'], ['admin']]] },
      'Query.audit': { authenticated: false, scopes: [[['admin', 'moderator']]] },
      'Mutation.ban': { authenticated: false, scopes: [[['moderator']]] },
      'User.email': { authenticated: true, scopes: [] },
      'User.secret': { authenticated: false, scopes: [[['admin']]] },
      'Profile.phone': { authenticated: false, scopes: [[['moderator']]] },
      Invoice: { authenticated: true, scopes: [] },
      Node: { authenticated: true, scopes: [] }, // composition lifts it from Invoice
    });
  });
});

describe('authorizeOperation', () => {
  it('leaves an operation the caller may run untouched: the same document, nothing cut', () => {
    const { document, operation } = operationOf('{ me { id email } user(id: "u1") { name } }');
    const authorized = authorizeOperation({
      schema,
      requirements,
      document,
      operation,
      viewer: viewer('user'),
    });
    expect(authorized.rewritten).toBe(false);
    expect(authorized.document).toBe(document);
    expect(authorized.operation).toBe(operation);
    expect(authorized.plan.cut.size).toBe(0);
  });

  it('cuts an @authenticated root field for an anonymous caller with UNAUTHENTICATED, keeping the rest', () => {
    const authorized = authorize('{ me { id } user(id: "u1") { name } }', anonymous);
    expect(authorized.rewritten).toBe(true);
    expect(cutFields(authorized)).toEqual([
      {
        field: 'me',
        coordinate: 'Query.me',
        code: 'UNAUTHENTICATED',
        message: 'Query.me requires authentication',
      },
    ]);
    // Every selection set gets the __typename alias (it keeps emptied sets valid).
    expect(printed(authorized)).toBe('{user(id:"u1"){name T}T}');
  });

  it.each(['user', 'moderator', 'admin'] as const)(
    'serves @authenticated fields to a signed-in %s',
    (role) => {
      expect(authorize('{ me { id email } }', viewer(role)).rewritten).toBe(false);
    },
  );

  it('refuses a @requiresScopes field: UNAUTHENTICATED without a caller, FORBIDDEN without the scope', () => {
    const query = '{ users { id } }';
    const denial = (caller: Parameters<typeof authorize>[1]) =>
      cutFields(authorize(query, caller)).map(({ code, message }) => ({ code, message }));
    expect(denial(anonymous)).toEqual([
      { code: 'UNAUTHENTICATED', message: 'Query.users requires the admin scope' },
    ]);
    expect(denial(viewer('user'))).toEqual([
      { code: 'FORBIDDEN', message: 'Query.users requires the admin scope' },
    ]);
    expect(denial(viewer('moderator'))).toEqual([
      { code: 'FORBIDDEN', message: 'Query.users requires the admin scope' },
    ]);
    expect(authorize(query, viewer('admin')).rewritten).toBe(false);
  });

  it('meets alternatives (OR) with any one of them, and conjunctions (AND) only with every scope', () => {
    // reports: moderator OR admin; audit: admin AND moderator (an admin holds both).
    expect(cutFields(authorize('{ reports }', viewer('user')))).toEqual([
      {
        field: 'reports',
        coordinate: 'Query.reports',
        code: 'FORBIDDEN',
        message: 'Query.reports requires the moderator scope or the admin scope',
      },
    ]);
    expect(authorize('{ reports }', viewer('moderator')).rewritten).toBe(false);
    expect(authorize('{ reports }', viewer('admin')).rewritten).toBe(false);
    expect(cutFields(authorize('{ audit }', viewer('moderator')))).toEqual([
      {
        field: 'audit',
        coordinate: 'Query.audit',
        code: 'FORBIDDEN',
        message: 'Query.audit requires the admin and moderator scopes',
      },
    ]);
    expect(authorize('{ audit }', viewer('admin')).rewritten).toBe(false);
  });

  it('cuts a refused nullable field where it is, keeping its parent and siblings', () => {
    const query = '{ user(id: "u1") { name email profile { bio phone } } }';
    expect(cutFields(authorize(query, anonymous)).map(({ field, code }) => [field, code])).toEqual([
      ['email', 'UNAUTHENTICATED'],
      ['phone', 'UNAUTHENTICATED'],
    ]);
    const forUser = authorize(query, viewer('user'));
    expect(cutFields(forUser)).toEqual([
      {
        field: 'phone',
        coordinate: 'Profile.phone',
        code: 'FORBIDDEN',
        message: 'Profile.phone requires the moderator scope',
      },
    ]);
    expect(printed(forUser)).toBe('{user(id:"u1"){name email profile{bio T}T}T}');
    expect(authorize(query, viewer('moderator')).rewritten).toBe(false);
  });

  it('cuts the nearest nullable ancestor of a refused non-null field, through non-null lists', () => {
    const direct = authorize('{ user(id: "u1") { name secret } me { id } }', viewer('user'));
    expect(cutFields(direct)).toEqual([
      {
        field: 'user',
        coordinate: 'User.secret',
        code: 'FORBIDDEN',
        message: 'User.secret requires the admin scope',
      },
    ]);
    expect(printed(direct)).toBe('{me{id T}T}');
    // friends: [User!]! and secret: String! are both non-null, so the cut lands on user.
    const nested = authorize('{ user(id: "u1") { profile { bio } friends { secret } } }', viewer('user'));
    expect(cutFields(nested).map(({ field, coordinate }) => [field, coordinate])).toEqual([
      ['user', 'User.secret'],
    ]);
  });

  it('cuts a refused non-null root field itself (there is no nullable ancestor)', () => {
    const authorized = authorize('{ users { id } me { id } }', viewer('user'));
    expect(cutFields(authorized).map(({ field }) => field)).toEqual(['users']);
    expect(printed(authorized)).toBe('{me{id T}T}');
  });

  it('judges a field returning a guarded type by that type: Node is @authenticated', () => {
    expect(cutFields(authorize('{ node(id: "u1") { id } }', anonymous))).toEqual([
      {
        field: 'node',
        coordinate: 'Query.node',
        code: 'UNAUTHENTICATED',
        message: 'Query.node requires authentication',
      },
    ]);
    expect(authorize('{ node(id: "u1") { id } }', viewer('user')).rewritten).toBe(false);
  });

  it('checks fields inside named and inline fragments, cutting each refused field node once', () => {
    const authorized = authorize(
      `{ me { ...Card } user(id: "u1") { ... on User { email } ...Card } }
       fragment Card on User { name email }`,
      anonymous,
    );
    expect(cutFields(authorized).map(({ field, coordinate }) => [field, coordinate])).toEqual([
      ['me', 'Query.me'],
      ['email', 'User.email'], // in the inline fragment
      ['email', 'User.email'], // in Card: one node, however often it is spread
    ]);
    // Card is rewritten too; the emptied inline fragment keeps the helper alias.
    expect(printed(authorized)).toBe('{user(id:"u1"){...on User{T}...Card T}T}fragment Card on User{name T}');
  });

  it('drops the fragments that only cut fields spread, so the document stays valid', () => {
    const authorized = authorize(
      '{ me { ...Card } user(id: "u2") { id } } fragment Card on User { name }',
      anonymous,
    );
    expect(authorized.document.definitions.map((definition) => definition.kind)).toEqual([
      Kind.OPERATION_DEFINITION,
    ]);
    expect(validate(schema, authorized.document)).toEqual([]);
  });

  it('judges each aliased selection of a field on its own', () => {
    const authorized = authorize(
      '{ mine: me { id } a: user(id: "u1") { mail: email name } b: user(id: "u2") { name } }',
      anonymous,
    );
    expect(cutFields(authorized).map(({ field, coordinate }) => [field, coordinate])).toEqual([
      ['mine', 'Query.me'],
      ['mail', 'User.email'],
    ]);
    expect(printed(authorized)).toBe('{a:user(id:"u1"){name T}b:user(id:"u2"){name T}T}');
  });

  it('does not judge what @skip / @include leave out under the request variables', () => {
    const query = `query ($skip: Boolean!, $with: Boolean!) {
      me @skip(if: $skip) { id }
      user(id: "u1") { name email @include(if: $with) }
    }`;
    expect(authorize(query, anonymous, { skip: true, with: false }).rewritten).toBe(false);
    expect(
      cutFields(authorize(query, anonymous, { skip: false, with: true })).map(({ field }) => field),
    ).toEqual(['me', 'email']);
  });

  it('refuses mutation fields the same way', () => {
    const authorized = authorize('mutation { ping ban(id: "u2") }', viewer('user'));
    expect(cutFields(authorized).map(({ field, code }) => [field, code])).toEqual([['ban', 'FORBIDDEN']]);
    expect(printed(authorized)).toBe('mutation{ping T}');
  });

  it("holds a field selected on an interface to every implementation's requirements", () => {
    const api = buildSchema(`
      interface Item { id: ID! label: String }
      type Open implements Item { id: ID! label: String }
      type Closed implements Item { id: ID! label: String }
      type Query { item: Item }
    `);
    const guarded: Requirements = new Map([['Closed.label', { authenticated: true, scopes: [] }]]);
    const check = (query: string) => {
      const document = parse(query);
      const operation = document.definitions[0]!;
      if (operation.kind !== Kind.OPERATION_DEFINITION) throw new Error('not an operation');
      return authorizeOperation({ schema: api, requirements: guarded, document, operation, viewer: null });
    };
    expect(cutFields(check('{ item { id label } }'))).toEqual([
      {
        field: 'label',
        coordinate: 'Item.label',
        code: 'UNAUTHENTICATED',
        message: 'Item.label requires authentication',
      },
    ]);
    expect(check('{ item { id ... on Open { label } } }').rewritten).toBe(false);
    expect(
      cutFields(check('{ item { ... on Closed { label } } }')).map(({ coordinate }) => coordinate),
    ).toEqual(['Closed.label']);
  });
});
