import { extractLinks } from '../src/links';

describe('extractLinks', () => {
  it('takes the text URLs, then the HTML hrefs, each once', () => {
    const text =
      'Verify: https://a.test/v?t=1&x=2.\nDocs (https://a.test/docs_(v2)) and <https://a.test/angle>, http://b.test!';
    const html =
      `<a href="https://a.test/v?t=1&amp;x=2">v</a><a class=x href='https://a.test/q?a=&#49;'>q</a>` +
      '<a href=https://a.test/bare>b</a><a href="/relative">r</a><link href="https://a.test/style.css">';
    expect(extractLinks(text, html)).toEqual([
      'https://a.test/v?t=1&x=2',
      'https://a.test/docs_(v2)',
      'https://a.test/angle',
      'http://b.test',
      'https://a.test/q?a=1',
      'https://a.test/bare',
    ]);
  });

  it('finds nothing in nothing', () => {
    expect(extractLinks(undefined, undefined)).toEqual([]);
  });
});
