import { maskError, serviceUnavailable } from '../src';

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

  it('keeps SERVICE_UNAVAILABLE, naming the service another one depends on', () => {
    const error = serviceUnavailable('billing');
    expect(
      maskError({ message: error.message, path: ['bookSession'], extensions: error.extensions }, error),
    ).toEqual({
      message: 'The billing service is unavailable; try again shortly',
      path: ['bookSession'],
      extensions: { code: 'SERVICE_UNAVAILABLE', service: 'billing' },
    });
  });
});
