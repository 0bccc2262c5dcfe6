import { estimateTokens } from '../src/service/tokens';

test('English is about four characters a token', () => {
  expect(estimateTokens('Where should I go in May?')).toBe(7);
  expect(estimateTokens('')).toBe(0);
});

test('every character outside ASCII counts as a token, so CJK text is not under-counted', () => {
  expect(estimateTokens('東京はどこですか')).toBe(8);
  expect(estimateTokens('café')).toBe(1 + 1);
});
