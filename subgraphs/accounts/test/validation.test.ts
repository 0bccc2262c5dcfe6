import { validateInput } from '@lattice/server-kit';
import {
  addCommonServiceInput,
  addFrequentClientInput,
  currency,
  decimalAmount,
  entryId,
  httpsUrl,
  locale,
  phone,
  timezone,
  updateBusinessContextInput,
  updateProfileInput,
} from '../src/service/validation';

/** The field a BAD_USER_INPUT error names, or 'ok'. */
function fieldOf(schema: Parameters<typeof validateInput>[0], input: unknown, path?: string): string {
  try {
    validateInput(schema, input, path);
    return 'ok';
  } catch (error) {
    const extensions = (error as { extensions?: Record<string, unknown> }).extensions;
    expect(extensions?.code).toBe('BAD_USER_INPUT');
    return String(extensions?.field);
  }
}

const huge = 'x'.repeat(10 * 1024);

describe('phone', () => {
  it.each([
    ['+447700900123', '+447700900123'],
    ['+44 7700 900123', '+447700900123'],
    ['+44-7700-900-123', '+447700900123'],
    ['0044 (0)7700.900.123'.replace('(0)', ''), '+447700900123'],
    ['+1 (415) 555-2671', '+14155552671'],
  ])('%s → %s', (input, stored) => {
    expect(phone.parse(input)).toBe(stored);
  });

  it.each([
    ['letters', '+44 7700 9OO123'],
    ['an extension', '+44 7700 900123 ext 5'],
    ['too few digits', '+44 12'],
    ['too many digits', '+44 7700 900123 456789'],
    ['no country code', '07700 900123'],
    ['a country code starting with 0', '+0 7700 900123'],
    ['two plus signs', '++447700900123'],
    ['10 KB', huge],
  ])('refuses %s', (_case, input) => {
    expect(phone.safeParse(input).success).toBe(false);
  });
});

describe('locale, time zone, currency', () => {
  it('canonicalises BCP-47 tags and refuses others', () => {
    expect(locale.parse('en-gb')).toBe('en-GB');
    expect(locale.parse('fr')).toBe('fr');
    expect(locale.parse('zh-Hant-TW')).toBe('zh-Hant-TW');
    for (const bad of ['english', 'en_GB', '', 'e', huge]) expect(locale.safeParse(bad).success).toBe(false);
  });

  it('accepts IANA zones only', () => {
    expect(timezone.parse('Europe/London')).toBe('Europe/London');
    expect(timezone.parse('UTC')).toBe('UTC');
    expect(timezone.parse('America/New_York')).toBe('America/New_York');
    for (const bad of ['Mars/Olympus_Mons', '+01:00', 'GMT+25', '', huge]) {
      expect(timezone.safeParse(bad).success).toBe(false);
    }
  });

  it('accepts ISO 4217 codes (upper-cased) and refuses others', () => {
    expect(currency.parse('GBP')).toBe('GBP');
    expect(currency.parse('eur')).toBe('EUR');
    for (const bad of ['XYZ', 'EURO', 'E1R', '', '€', huge])
      expect(currency.safeParse(bad).success).toBe(false);
  });
});

describe('amounts are decimal strings, never floats', () => {
  it.each([
    ['120', '120.00'],
    ['120.5', '120.50'],
    ['0.99', '0.99'],
    ['0', '0.00'],
    ['007.10', '7.10'],
    ['9999999999.99', '9999999999.99'],
  ])('%s → %s', (input, stored) => {
    expect(decimalAmount.parse(input)).toBe(stored);
  });

  it.each(['-1', '1.234', '1e3', '1,50', '.5', '12.', 'NaN', 'Infinity', '', '12345678901', huge])(
    'refuses %j',
    (input) => {
      expect(decimalAmount.safeParse(input).success).toBe(false);
    },
  );
});

describe('avatar URLs', () => {
  it('accepts https only, without credentials', () => {
    expect(httpsUrl.parse('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    for (const bad of [
      'http://cdn.example.com/a.png',
      'javascript:alert(1)',
      'not a url',
      'https://u:p@x.com/a',
    ]) {
      expect(httpsUrl.safeParse(bad).success).toBe(false);
    }
    expect(httpsUrl.safeParse(`https://example.com/${huge}`).success).toBe(false);
  });
});

describe('mutation inputs name the faulty field', () => {
  it('updateProfile', () => {
    expect(fieldOf(updateProfileInput, {})).toBe('ok');
    expect(fieldOf(updateProfileInput, { firstName: null, phone: null, avatarUrl: null })).toBe('ok');
    expect(fieldOf(updateProfileInput, { phone: 'call me' })).toBe('input.phone');
    expect(fieldOf(updateProfileInput, { firstName: huge })).toBe('input.firstName');
    expect(fieldOf(updateProfileInput, { lastName: 'a\u0000b' })).toBe('input.lastName');
    expect(fieldOf(updateProfileInput, { displayName: null })).toBe('input.displayName');
    expect(fieldOf(updateProfileInput, { displayName: '   ' })).toBe('input.displayName');
    expect(fieldOf(updateProfileInput, { displayName: 'x'.repeat(65) })).toBe('input.displayName');
    expect(fieldOf(updateProfileInput, { avatarUrl: 'http://x.com/a.png' })).toBe('input.avatarUrl');
    expect(fieldOf(updateProfileInput, { preferences: null })).toBe('input.preferences');
    expect(fieldOf(updateProfileInput, { preferences: { timezone: 'Nowhere/Land' } })).toBe(
      'input.preferences.timezone',
    );
    expect(fieldOf(updateProfileInput, { preferences: { locale: null } })).toBe('input.preferences.locale');
    expect(fieldOf(updateProfileInput, { preferences: { notifications: { sms: null } } })).toBe(
      'input.preferences.notifications.sms',
    );
  });

  it('keeps omitted fields omitted and explicit nulls null', () => {
    const parsed = validateInput(updateProfileInput, { firstName: null, lastName: '  Lovelace ' });
    expect(parsed).toEqual({ firstName: null, lastName: 'Lovelace' });
    expect('phone' in parsed).toBe(false);
  });

  it('business context, clients and services', () => {
    expect(fieldOf(updateBusinessContextInput, { defaultCurrency: 'XYZ' })).toBe('input.defaultCurrency');
    expect(fieldOf(updateBusinessContextInput, { address: 'Line 1\nLine 2' })).toBe('ok');
    expect(fieldOf(updateBusinessContextInput, { address: huge })).toBe('input.address');
    expect(fieldOf(updateBusinessContextInput, { taxId: 'x'.repeat(65) })).toBe('input.taxId');
    expect(fieldOf(updateBusinessContextInput, { companyName: huge })).toBe('input.companyName');
    expect(fieldOf(addFrequentClientInput, { name: '' })).toBe('input.name');
    expect(fieldOf(addFrequentClientInput, {})).toBe('input.name');
    expect(fieldOf(addFrequentClientInput, { name: 'Acme', email: 'nope' })).toBe('input.email');
    expect(fieldOf(addCommonServiceInput, { description: 'Design', unitPrice: '-5' })).toBe(
      'input.unitPrice',
    );
    expect(fieldOf(addCommonServiceInput, { description: 'Design', unitPrice: '5', currency: 'ABC' })).toBe(
      'input.currency',
    );
    expect(fieldOf(addCommonServiceInput, { description: 'Design', unitPrice: '5', unit: huge })).toBe(
      'input.unit',
    );
    expect(fieldOf(entryId, 'not-an-id', 'id')).toBe('id');
    expect(fieldOf(entryId, huge, 'id')).toBe('id');
  });
});
