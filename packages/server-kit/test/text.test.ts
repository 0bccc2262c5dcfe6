import { characters, text } from '../src/text';

const parse = (value: string, max = 10, multiline = false) => text(max, { multiline }).safeParse(value);

describe("people's text", () => {
  it('is normalised (NFC), trimmed and measured in characters', () => {
    expect(parse('  Zoe\u0301  ').data).toBe('Zoé');
    expect(characters('🧗🧗')).toBe(2);
    expect(parse('🧗'.repeat(10)).success).toBe(true);
    expect(parse('🧗'.repeat(11)).success).toBe(false);
  });

  it('is empty when nothing visible is left', () => {
    for (const invisible of [' ', '\u200b', '\u2060\u200d', '\u0301', '\u3164', '\u2800', '\u00a0']) {
      expect(parse(invisible).data).toBe('');
    }
    expect(parse('👩\u200d💻').data).toBe('👩\u200d💻');
  });

  it('refuses lone surrogates, control characters and bidirectional overrides', () => {
    const message = (value: string, multiline = false) =>
      parse(value, 10, multiline).error?.issues[0]?.message;
    expect(message('a\ud800')).toBe('must be valid Unicode text');
    expect(message('\udc00b')).toBe('must be valid Unicode text');
    expect(message('a\u0000')).toBe('must not contain control characters');
    expect(message('a\u0085')).toBe('must not contain control characters');
    expect(message('a\u202eb')).toBe('must not contain bidirectional override characters');
    expect(message('a\u2067b')).toBe('must not contain bidirectional override characters');
    expect(message('a\nb')).toBe('must not contain control characters');
    expect(parse('a\r\nb', 10, true).data).toBe('a\nb');
  });

  it('refuses a huge string before looking at it', () => {
    expect(parse('x'.repeat(100_000)).error?.issues[0]?.message).toBe('must be at most 10 characters');
  });
});
