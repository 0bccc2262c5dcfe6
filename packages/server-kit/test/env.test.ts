import { z } from 'zod';
import { ConfigError, parseEnv, port } from '../src';

const schema = z.object({
  PORT: port(4000),
  DATABASE_URL: z.url(),
  LOG_LEVEL: z.enum(['info', 'debug']).default('info'),
});

describe('parseEnv', () => {
  it('applies defaults and coerces types', () => {
    expect(parseEnv(schema, { DATABASE_URL: 'postgres://db/x' })).toEqual({
      PORT: 4000,
      DATABASE_URL: 'postgres://db/x',
      LOG_LEVEL: 'info',
    });
    expect(parseEnv(schema, { DATABASE_URL: 'postgres://db/x', PORT: '0' }).PORT).toBe(0);
  });

  it('reports every problem at once, naming each variable', () => {
    let error: unknown;
    try {
      parseEnv(schema, { PORT: '70000', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect((error as ConfigError).problems).toHaveLength(3);
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^DATABASE_URL: /m);
    expect(problems).toMatch(/^LOG_LEVEL: /m);
  });
});
