import { maskError } from '../src';

describe('maskError', () => {
  it('keeps catalogued errors without their stack trace', () => {
    const formatted = maskError({
      message: 'input.email: must be a valid email address',
      path: ['register'],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.email', stacktrace: ['at x'] },
    });
    expect(formatted).toEqual({
      message: 'input.email: must be a valid email address',
      path: ['register'],
      extensions: { code: 'BAD_USER_INPUT', field: 'input.email' },
    });
  });

  it('masks anything else, with no trace of the original message', () => {
    const formatted = maskError({
      message: 'connect ECONNREFUSED 10.0.0.5:5432 password=hunter2',
      path: ['me'],
      extensions: { code: 'SOMETHING_INTERNAL', stacktrace: ['at db'] },
    });
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['me'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
