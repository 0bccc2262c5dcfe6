import { ApolloServer } from '@apollo/server';
import { defaultFieldResolver } from 'graphql';
import type { Viewer } from '@lattice/server-kit';
import { SchemaAuthorization } from '../../src/authorization/plugin';
import type { GatewayContext } from '../../src/context';
import { anonymous, operationOf, rootValue, schema, supergraphSdl, viewer } from './shop';

describe('SchemaAuthorization', () => {
  it('refuses every operation until a supergraph is loaded, and after one that cannot be read', () => {
    const authorization = new SchemaAuthorization();
    const check = () =>
      authorization.authorize({ schema, ...operationOf('{ user(id: "u1") { name } }'), viewer: null });
    expect(check).toThrow('Authorization requirements are not loaded');
    authorization.update(supergraphSdl);
    expect(check().rewritten).toBe(false);
    expect(() => authorization.update('not a supergraph')).toThrow();
    expect(check).toThrow('Authorization requirements are not loaded');
  });

  it('says which fields are guarded by scopes (not by @authenticated alone)', () => {
    const authorization = new SchemaAuthorization();
    authorization.update(supergraphSdl);
    expect(authorization.requiresScopes('Query.users')).toBe(true);
    expect(authorization.requiresScopes('Query.me')).toBe(false);
    expect(authorization.requiresScopes('Query.user')).toBe(false);
  });

  describe('its Apollo Server plugin', () => {
    const authorization = new SchemaAuthorization();
    authorization.update(supergraphSdl);
    const resolved: string[] = [];
    const server = new ApolloServer<GatewayContext>({
      schema,
      rootValue,
      fieldResolver: (source, args, context, info) => {
        resolved.push(`${info.parentType.name}.${info.fieldName}`);
        return defaultFieldResolver(source, args, context, info);
      },
      plugins: [authorization.plugin()],
    });
    beforeAll(() => server.start());
    afterAll(() => server.stop());

    const post = async (query: string, caller: Viewer | null) => {
      const contextValue = { viewer: caller, client: {} } as unknown as GatewayContext;
      resolved.length = 0;
      const { body } = await server.executeOperation({ query }, { contextValue });
      if (body.kind !== 'single') throw new Error('expected a single result');
      return body.singleResult;
    };

    it('executes the rewritten operation (refused fields are never resolved), answering them with null and errors', async () => {
      const result = await post('{ me { id } user(id: "u1") { name email } }', anonymous);
      expect(resolved).toEqual(['Query.user', 'User.name']);
      expect(result.data).toEqual({ me: null, user: { name: 'Alice', email: null } });
      expect(result.errors).toEqual([
        {
          message: 'Query.me requires authentication',
          path: ['me'],
          extensions: { code: 'UNAUTHENTICATED' },
        },
        {
          message: 'User.email requires authentication',
          path: ['user', 'email'],
          extensions: { code: 'UNAUTHENTICATED' },
        },
      ]);
    });

    it('serves the same document in full to a caller allowed everything', async () => {
      const result = await post('{ me { id } user(id: "u1") { name email } }', viewer('user'));
      expect(result.errors).toBeUndefined();
      expect(resolved).toEqual(['Query.me', 'User.id', 'Query.user', 'User.name', 'User.email']);
      expect(result.data).toEqual({ me: { id: 'u1' }, user: { name: 'Alice', email: 'alice@example.com' } });
    });
  });
});
