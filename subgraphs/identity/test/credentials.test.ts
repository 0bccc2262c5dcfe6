import { registerInput } from '../src/service/credentials';

describe('registration input', () => {
  it('trims and lower-cases the email', () => {
    expect(registerInput.parse({ email: '  Ada@Example.COM ', password: 'long enough' })).toEqual({
      email: 'ada@example.com',
      password: 'long enough',
    });
  });

  it.each([
    [{ email: 'ada@example.com', password: 'short' }, 'password'],
    [{ email: 'no-at-sign', password: 'long enough' }, 'email'],
    [{ email: `${'a'.repeat(250)}@example.com`, password: 'long enough' }, 'email'],
    [{ email: 'ada@example.com', password: 'p'.repeat(257) }, 'password'],
  ])('refuses %j on its %s', (input, field) => {
    const result = registerInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual([field]);
  });
});
