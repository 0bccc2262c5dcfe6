import { ConfigError } from '@lattice/server-kit';
import { subgraphConfigFromEnv } from '../src';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const SECRET = 'a'.repeat(64);

function problemsOf(env: Record<string, string>): string[] {
  try {
    subgraphConfigFromEnv(4001, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('SUBGRAPH_SECRET', () => {
  it('is required in production, reported with every other problem', () => {
    const problems = problemsOf({ NODE_ENV: 'production', DATABASE_URL: 'mysql://db', SUBGRAPH_SECRET: '' });
    expect(problems).toHaveLength(2);
    expect(problems).toContainEqual(expect.stringMatching(/^DATABASE_URL: /));
    expect(problems).toContainEqual(expect.stringMatching(/^SUBGRAPH_SECRET: required in production/));
  });

  it('must be long enough to be a secret', () => {
    expect(problemsOf({ DATABASE_URL, SUBGRAPH_SECRET: 'short' })).toEqual([
      'SUBGRAPH_SECRET: must be at least 32 characters',
    ]);
  });

  it('is read when given, and optional outside production', () => {
    expect(
      subgraphConfigFromEnv(4001, { NODE_ENV: 'production', DATABASE_URL, SUBGRAPH_SECRET: SECRET })
        .subgraphSecret,
    ).toBe(SECRET);
    expect(subgraphConfigFromEnv(4001, { DATABASE_URL }).subgraphSecret).toBeUndefined();
  });
});
