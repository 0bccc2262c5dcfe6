import { computeDraft, type DraftContent, DraftProblem } from '../src/service/draft-content';
import { formatNumber } from '../src/service/numbering';

const TODAY = '2026-12-02';
const draft = (lines: DraftContent['lines'], currency = 'EUR'): DraftContent => ({
  client: { name: 'Acme' },
  currency,
  lines,
});
const problemOf = (content: DraftContent) => {
  try {
    computeDraft(content, TODAY);
  } catch (error) {
    if (error instanceof DraftProblem) return error.field;
    throw error;
  }
  return undefined;
};

test('totals are exact: each line rounded half up once, each tax rate once on the sum of its lines', () => {
  const computed = computeDraft(
    draft([
      // 0.333 × 10.00 = 3.33 (3.330); 0.335 × 0.10 = 0.0335 → 0.03; 2.5 × 0.07 = 0.175 → 0.18
      { description: 'a', quantity: '0.333', unitPrice: '10', taxRate: '20' },
      { description: 'b', quantity: '0.335', unitPrice: '0.10', taxRate: '20' },
      { description: 'c', quantity: '2.5', unitPrice: '0.07', taxRate: '5.5' },
    ]),
    TODAY,
  );
  expect(computed.lines.map((line) => line.amount)).toEqual(['3.33', '0.03', '0.18']);
  // 20% of 3.36 = 0.672 → 0.67; 5.5% of 0.18 = 0.0099 → 0.01
  expect(computed.taxes).toEqual([
    { rate: '5.5', base: '0.18', amount: '0.01' },
    { rate: '20', base: '3.36', amount: '0.67' },
  ]);
  expect([computed.subtotalMinor, computed.taxMinor, computed.totalMinor]).toEqual([354, 68, 422]);
});

test("amounts follow the currency's minor unit: none in JPY, three in KWD", () => {
  const yen = computeDraft(
    draft([{ description: 'a', quantity: '3', unitPrice: '1200', taxRate: '10' }], 'jpy'),
    TODAY,
  );
  expect([yen.currency, yen.lines[0]!.unitPrice, yen.totalMinor]).toEqual(['JPY', '1200', 3960]);
  expect(problemOf(draft([{ description: 'a', quantity: '1', unitPrice: '1.5' }], 'JPY'))).toBe(
    'lines.0.unitPrice',
  );
  const dinar = computeDraft(draft([{ description: 'a', quantity: '1', unitPrice: '1.234' }], 'KWD'), TODAY);
  expect(dinar.lines[0]!.amount).toBe('1.234');
});

test('sums far beyond a float’s exact range stay exact, and the limit is refused', () => {
  const big = computeDraft(
    draft([{ description: 'a', quantity: '999999.999', unitPrice: '9007199.25', taxRate: '0' }]),
    TODAY,
  );
  // 999999.999 × 9007199.25 = 9007199240992.80075 → 9007199240992.80
  expect(big.lines[0]!.amount).toBe('9007199240992.80');
  expect(problemOf(draft([{ description: 'a', quantity: '1000000', unitPrice: '9999999999.99' }]))).toBe(
    'lines',
  );
});

test.each([
  ['lines.0.quantity', { quantity: '0' }],
  ['lines.0.quantity', { quantity: '1.0001' }],
  ['lines.0.quantity', { quantity: '-1' }],
  ['lines.0.quantity', { quantity: '1e3' }],
  ['lines.0.unitPrice', { unitPrice: '0.001' }],
  ['lines.0.unitPrice', { unitPrice: '1,000' }],
  ['lines.0.unitPrice', { unitPrice: 'NaN' }],
  ['lines.0.taxRate', { taxRate: '100.5' }],
  ['lines.0.taxRate', { taxRate: '7.125' }],
])('%s refused: %j', (field, change) => {
  expect(problemOf(draft([{ description: 'a', quantity: '1', unitPrice: '1', ...change }]))).toBe(field);
});

test('dates: a real day, not in the past', () => {
  const line = { description: 'a', quantity: '1', unitPrice: '1' };
  expect(problemOf({ ...draft([line]), dueDate: '2026-02-29' })).toBe('dueDate');
  expect(problemOf({ ...draft([line]), dueDate: '2026-12-01' })).toBe('dueDate');
  expect(computeDraft({ ...draft([line]), dueDate: TODAY }, TODAY).dueDate).toBe(TODAY);
  expect(problemOf({ ...draft([line]), currency: 'EURO' })).toBe('currency');
});

test('numbers follow the pattern', () => {
  expect(formatNumber('INV-{YYYY}-{SEQ:4}', 7, '2026-03-01')).toBe('INV-2026-0007');
  expect(formatNumber('{YY}{MM}/{SEQ}', 12345, '2026-03-01')).toBe('2603/12345');
  expect(formatNumber('A-{SEQ:2}', 123, '2026-03-01')).toBe('A-123');
});
