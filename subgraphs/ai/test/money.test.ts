import { dollarsToPicos, picosToDollars, tokenCost } from '../src/service/money';

/** Prices and costs in picodollars (10⁻¹² USD), exactly: no floating point anywhere. */
describe('dollarsToPicos and picosToDollars', () => {
  it.each([
    ['0.15', 150_000_000_000n],
    ['0.000001', 1_000_000n],
    ['10', 10_000_000_000_000n],
    ['0', 0n],
    ['0.000000000001', 1n],
    ['123456789.123456789012', 123_456_789_123_456_789_012n],
  ])('%s dollars are %p picodollars, and back', (dollars, picos) => {
    expect(dollarsToPicos(dollars)).toBe(picos);
    expect(picosToDollars(picos)).toBe(dollars);
    expect(picosToDollars(dollarsToPicos(dollars))).toBe(dollars);
  });

  it('writes dollars without trailing zeros, from a number or a bigint', () => {
    expect(picosToDollars(18_450_000)).toBe('0.00001845');
    expect(picosToDollars(2_500_000_000_000n)).toBe('2.5');
    expect(dollarsToPicos('2.50')).toBe(2_500_000_000_000n);
    expect(picosToDollars(dollarsToPicos('1.100000000000'))).toBe('1.1');
  });

  it.each(['1e3', '-1', '0.1234567890123', '', ' 1', '1.', '.5', '1,5', '1234567890', 'NaN', '0x10'])(
    'refuses %p',
    (dollars) => {
      expect(() => dollarsToPicos(dollars)).toThrow(TypeError);
    },
  );
});

describe('tokenCost', () => {
  const prices = (input: string, output: string) => ({
    inputPerMillion: dollarsToPicos(input),
    outputPerMillion: dollarsToPicos(output),
  });

  it('is exact for 1,234,567 tokens at 2.5 dollars a million', () => {
    const cost = tokenCost(1_234_567, 0, prices('2.5', '10'));
    expect(cost).toBe(3_086_417_500_000n);
    expect(picosToDollars(cost)).toBe('3.0864175');
    expect(tokenCost(0, 1_234_567, prices('10', '2.5'))).toBe(3_086_417_500_000n);
  });

  it('adds prompt and completion at their own prices', () => {
    // 1000 × 0.15 / 1e6 + 500 × 0.6 / 1e6 = 0.00015 + 0.0003
    expect(picosToDollars(tokenCost(1000, 500, prices('0.15', '0.6')))).toBe('0.00045');
    expect(tokenCost(0, 0, prices('0.15', '0.6'))).toBe(0n);
  });

  it('rounds a sub-picodollar cost up, never down to free', () => {
    // A picodollar per million tokens: one token costs a millionth of a picodollar.
    expect(tokenCost(1, 0, prices('0.000000000001', '0'))).toBe(1n);
    expect(tokenCost(1_000_000, 0, prices('0.000000000001', '0'))).toBe(1n);
    expect(tokenCost(1_000_001, 0, prices('0.000000000001', '0'))).toBe(2n);
    // 7 tokens at 150,000 picodollars a million: 1.05 picodollars → 2.
    expect(tokenCost(0, 7, { inputPerMillion: 0n, outputPerMillion: 150_000n })).toBe(2n);
    // The sum is rounded once: 0.5 + 0.5 picodollars is 1, not 2.
    expect(tokenCost(5, 5, { inputPerMillion: 100_000n, outputPerMillion: 100_000n })).toBe(1n);
  });

  it('stays exact past 2^53 picodollars', () => {
    const cost = tokenCost(3_000_000_000, 0, prices('999999999.999999999999', '0'));
    expect(cost).toBe(2_999_999_999_999_999_999_997_000n);
  });
});
