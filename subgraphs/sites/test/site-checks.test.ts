import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { checkPage, checkStylesheet, type Repair, type SiteFileSet } from '../src/service/site-checks';

type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

const site: SiteFileSet = {
  pages: ['index.html', 'about.html', 'contact.html'],
  images: ['images/hero.png', 'images/logo.svg'],
};

function check(html: string, options: { allowScripts?: boolean; path?: string } = {}) {
  return checkPage({
    path: options.path ?? 'index.html',
    title: 'Home',
    html,
    language: 'en',
    site,
    allowScripts: options.allowScripts ?? false,
  });
}

/** Every element of a parsed document, template contents included. */
function elements(parent: ParentNode): Element[] {
  const found: Element[] = [];
  for (const node of parent.childNodes) {
    if (!('tagName' in node)) continue;
    found.push(node);
    found.push(...elements(node));
    if ('content' in node && node.content) found.push(...elements(node.content as ParentNode));
  }
  return found;
}

function parsed(html: string): Element[] {
  return elements(parse(html));
}

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((attribute) => attribute.name === name)?.value;
}

function kinds(repairs: Repair[]): string[] {
  return repairs.map((repair) => repair.kind);
}

const UNSAFE_URL = /^(javascript|vbscript|livescript|data|blob):/;
/** A URL as a browser reads it: no tabs or newlines, no surrounding controls or spaces. */
const browserUrl = (value: string) =>
  // eslint-disable-next-line no-control-regex
  value.replace(/[\t\n\r]/g, '').replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '');

/**
 * What no checked page may hold, asserted on the output parsed again (as a browser would): no
 * script (but inline ones when allowed), no handler (unless allowed), no unsafe URL, no load from
 * the network.
 */
function expectSafe(html: string, allowScripts: boolean): void {
  for (const element of parsed(html)) {
    const name = element.tagName.toLowerCase();
    const where = `<${name}> in ${html}`;
    if (name === 'script') {
      expect([where, allowScripts]).toEqual([where, true]);
      expect([where, attr(element, 'src') ?? attr(element, 'href')]).toEqual([where, undefined]);
    }
    expect([where, ['object', 'embed', 'base', 'noscript', 'frame', 'applet'].includes(name)]).toEqual([
      where,
      false,
    ]);
    if (name === 'iframe') expect([where, allowScripts]).toEqual([where, true]);
    if (name === 'meta')
      expect([where, attr(element, 'http-equiv')?.toLowerCase()]).not.toEqual([where, 'refresh']);
    for (const { name: attribute, value } of element.attrs) {
      const what = `${attribute}="${value}" on ${where}`;
      if (!allowScripts) expect([what, attribute.toLowerCase().startsWith('on')]).toEqual([what, false]);
      const urls =
        attribute === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of urls) {
        if (
          ['href', 'src', 'action', 'formaction', 'srcset', 'poster', 'background', 'data'].includes(
            attribute,
          )
        )
          expect([what, UNSAFE_URL.test(browserUrl(url).toLowerCase())]).toEqual([what, false]);
        const loads =
          ['src', 'srcset', 'poster', 'background'].includes(attribute) ||
          (attribute === 'href' && name !== 'a');
        if (loads) expect([what, /^(https?:|[\\/]{2})/i.test(browserUrl(url))]).toEqual([what, false]);
      }
      if (attribute === 'style')
        expect([what, /expression|url\(\s*['"]?\s*(https?:|\/\/|javascript)/i.test(value)]).toEqual([
          what,
          false,
        ]);
    }
    if (['set', 'animate'].includes(name))
      expect([where, /href/i.test(attr(element, 'attributeName') ?? '')]).toEqual([where, false]);
  }
}

describe('checkPage: the document', () => {
  it('makes a full document of a fragment: doctype, lang, charset, viewport, title and stylesheet', () => {
    const { html, repairs } = check('<h1>Welcome</h1><p>Hello</p>');
    expect(html).toBe(
      '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Home</title>' +
        '<link rel="stylesheet" href="styles.css"></head><body><h1>Welcome</h1><p>Hello</p></body></html>',
    );
    expect(repairs).toEqual([
      {
        page: 'index.html',
        kind: 'STYLESHEET_LINKED',
        detail: 'added <link rel="stylesheet" href="styles.css">',
      },
    ]);
  });

  it("keeps a document's own title and stylesheet link, and puts one charset and viewport first", () => {
    const { html, repairs } = check(
      '<!DOCTYPE html>\n<html lang="fr"><head><title>About us</title><meta charset="latin1">' +
        '<meta name="viewport" content="width=500"><link rel="stylesheet" href="styles.css"></head>' +
        '<body><p>x</p></body></html>',
    );
    expect(repairs).toEqual([]);
    const all = parsed(html);
    expect(
      attr(
        all.find((element) => element.tagName === 'html')!,
        'lang',
      ),
    ).toBe('en');
    const metas = all.filter((element) => element.tagName === 'meta');
    expect(metas.map((meta) => meta.attrs)).toEqual([
      [{ name: 'charset', value: 'utf-8' }],
      [
        { name: 'name', value: 'viewport' },
        { name: 'content', value: 'width=device-width, initial-scale=1' },
      ],
    ]);
    expect(html).toContain('<title>About us</title>');
    expect(html.match(/<link /g)).toHaveLength(1);
  });

  it('fills an empty title, and links the stylesheet relatively from a page in a folder', () => {
    const { html } = checkPage({
      path: 'blog/post.html',
      title: 'Post',
      html: '<html><head><title> </title></head><body></body></html>',
      language: 'de',
      site: { pages: ['index.html', 'blog/post.html'], images: [] },
      allowScripts: false,
    });
    expect(html).toContain('<title>Post</title>');
    expect(html).toContain('<link rel="stylesheet" href="../styles.css">');
    expect(html).toContain('<html lang="de">');
  });

  it('reports markup errors once, with their count and the first, and serialises well-formed markup', () => {
    const { html, repairs } = check(
      '<div><p>One\n<table><tr><td>a<table><td>b</tr>\n</table><b><i>x</b>y</i>',
    );
    const markup = repairs.filter((repair) => repair.kind === 'MARKUP_REPAIRED');
    expect(markup).toHaveLength(1);
    expect(markup[0]?.detail).toMatch(/^\d+ markup errors, first unclosed <div> at line 1$/);
    expect(html).toContain('<table><tbody><tr><td>a<table><tbody><tr><td>b</td></tr>\n</tbody></table>');
    expect(html).toContain('<b><i>x</i></b><i>y</i>');
    const errors: string[] = [];
    parse(html, { onParseError: (error) => errors.push(error.code) });
    expect(errors).toEqual([]);
  });

  it('counts tokenizer errors too', () => {
    const { repairs } = check('<p class="a"class="b">x</p><p <>y</p>');
    expect(repairs.find((repair) => repair.kind === 'MARKUP_REPAIRED')?.detail).toMatch(/markup error/);
  });

  it('is stable: checking its own output changes nothing and repairs nothing', () => {
    const { html } = check(
      '<h1 onclick="x()">A</h1><a href="about">x</a><img src="/images/hero.png"><style>a{color:red}</style>' +
        '<a href="https://example.com" target="_blank">out</a><svg><a xlink:href="javascript:1"></a></svg>',
    );
    expect(check(html)).toEqual({ html, repairs: [] });
  });
});

describe('checkPage: scripts', () => {
  const page =
    '<p onclick="steal()">x</p><script>alert(1)</script><script src="https://cdn.example/x.js"></script>';

  it('removes scripts and handlers', () => {
    const { html, repairs } = check(`<p>a</p>\n${page}`);
    expect(html).not.toMatch(/script|onclick/i);
    expect(repairs.filter((repair) => repair.kind !== 'STYLESHEET_LINKED')).toEqual([
      { page: 'index.html', kind: 'EVENT_HANDLER_REMOVED', detail: 'onclick on <p> at line 2' },
      { page: 'index.html', kind: 'SCRIPT_REMOVED', detail: '<script> at line 2' },
      { page: 'index.html', kind: 'SCRIPT_REMOVED', detail: '<script> at line 2' },
    ]);
  });

  it('keeps inline scripts and handlers when scripts are allowed, never external scripts', () => {
    const { html, repairs } = check(page, { allowScripts: true });
    expect(html).toContain('<p onclick="steal()">x</p><script>alert(1)</script>');
    expect(html).not.toContain('cdn.example');
    expect(repairs).toContainEqual({
      page: 'index.html',
      kind: 'EXTERNAL_RESOURCE_REMOVED',
      detail: '<script src="https://cdn.example/x.js"> at line 1',
    });
  });

  it('removes a script whose src is not in the site, even when scripts are allowed', () => {
    const { html, repairs } = check(
      '<script src="app.js"></script><svg><script href="//x/a.js"></script></svg>',
      {
        allowScripts: true,
      },
    );
    expect(html).not.toContain('<script');
    expect(kinds(repairs)).toEqual(['SCRIPT_REMOVED', 'EXTERNAL_RESOURCE_REMOVED', 'STYLESHEET_LINKED']);
  });

  it.each([false, true])(
    'removes object, embed, base, noscript and refresh (scripts allowed: %s)',
    (allowScripts) => {
      const { html, repairs } = check(
        '<base href="https://evil.example/"><meta http-equiv="Refresh" content="0;url=https://evil.example">' +
          '<object data="x.swf"></object><embed src="x.swf"><noscript><img src=x onerror=alert(1)></noscript><p>x</p>',
        { allowScripts },
      );
      expect(html).not.toMatch(/base|refresh|object|embed|noscript|onerror/i);
      expect(kinds(repairs).sort()).toEqual(
        [
          'UNSAFE_URL_REMOVED',
          'UNSAFE_URL_REMOVED',
          'SCRIPT_REMOVED',
          'SCRIPT_REMOVED',
          'SCRIPT_REMOVED',
          'STYLESHEET_LINKED',
        ].sort(),
      );
    },
  );

  it('removes iframes unless scripts are allowed; then only frames of site pages stay', () => {
    const frames =
      '<iframe src="about.html"></iframe><iframe src="https://evil.example"></iframe><iframe srcdoc="<b>x</b>"></iframe>';
    expect(check(frames).html).not.toContain('iframe');
    expect(kinds(check(frames).repairs).filter((kind) => kind === 'SCRIPT_REMOVED')).toHaveLength(3);
    const allowed = check(frames, { allowScripts: true });
    expect(allowed.html).toContain('<iframe src="about.html"></iframe><iframe></iframe>');
    expect(allowed.html).not.toMatch(/evil|srcdoc/);
    expect(kinds(allowed.repairs)).toEqual([
      'EXTERNAL_RESOURCE_REMOVED',
      'UNSAFE_URL_REMOVED',
      'STYLESHEET_LINKED',
    ]);
  });

  it('removes SVG animations that would set a link or a handler', () => {
    const { html, repairs } = check(
      '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><set attributeName="xlink:href" to="javascript:1"/><text>t</text></a></svg>',
    );
    expect(html).not.toMatch(/animate|<set|javascript/);
    expect(kinds(repairs).filter((kind) => kind === 'UNSAFE_URL_REMOVED')).toHaveLength(2);
  });
});

describe('checkPage: URLs', () => {
  it.each([false, true])(
    'removes javascript:, vbscript: and data: URLs (scripts allowed: %s)',
    (allowScripts) => {
      const { html, repairs } = check(
        '<a href="javascript:alert(1)">a</a><a href=" JaVaScRiPt:alert(1)">b</a><a href="java&#x09;script:alert(1)">c</a>' +
          '<a href="vbscript:msgbox(1)">d</a><a href="data:text/html,<script>alert(1)</script>">e</a>' +
          '<form action="javascript:alert(1)"><button formaction="jav&#10;ascript:alert(1)">f</button></form>' +
          '<svg><a xlink:href="javascript:alert(1)"><text>g</text></a></svg><img src="data:image/png;base64,AAAA">',
        { allowScripts },
      );
      expectSafe(html, allowScripts);
      expect(html).not.toMatch(/script:|data:/i);
      expect(kinds(repairs).filter((kind) => kind === 'UNSAFE_URL_REMOVED')).toHaveLength(9);
    },
  );

  it('removes resources loaded from the network, and keeps outgoing links with noopener noreferrer', () => {
    const { html, repairs } = check(
      '<link rel="stylesheet" href="https://fonts.example/css"><img src="https://cdn.example/a.png">' +
        '<video src="//cdn.example/v.mp4" poster="http://cdn.example/p.jpg"><source src="https://x/v.webm"></video>' +
        '<a href="https://example.com/x" rel="external">out</a><a href="mailto:a@b.c">m</a><a href="tel:+123">t</a>',
    );
    expectSafe(html, false);
    expect(html).toContain('<video></video>');
    expect(html).toContain('<a href="https://example.com/x" rel="external noopener noreferrer">out</a>');
    expect(html).toContain('<a href="mailto:a@b.c">m</a><a href="tel:+123">t</a>');
    expect(kinds(repairs).filter((kind) => kind === 'EXTERNAL_RESOURCE_REMOVED')).toHaveLength(5);
    expect(kinds(repairs)).toContain('STYLESHEET_LINKED');
  });

  it('removes form actions going off-site unless scripts are allowed', () => {
    const form =
      '<form action="https://collect.example/post"><button formaction="//x/y">Send</button></form>';
    expect(check(form).html).toContain('<form><button>Send</button></form>');
    expect(kinds(check(form).repairs)).toEqual([
      'EXTERNAL_RESOURCE_REMOVED',
      'EXTERNAL_RESOURCE_REMOVED',
      'STYLESHEET_LINKED',
    ]);
    expect(check(form, { allowScripts: true }).html).toContain('action="https://collect.example/post"');
  });

  it.each([
    ['about.html', 'about.html', false],
    ['./about.html', './about.html', false],
    ['about.html?x=1#team', 'about.html?x=1#team', false],
    ['#top', '#top', false],
    ['images/hero.png', 'images/hero.png', false],
    ['about', 'about.html', true],
    ['/about.html', 'about.html', true],
    ['/contact#form', 'contact.html#form', true],
    ['About.html', 'about.html', true],
    ['contact.htm', 'contact.html', true],
    ['/', 'index.html', true],
    ['missing.html#x', 'index.html', true],
    ['pricing', 'index.html', true],
    ['../../etc/passwd', 'index.html', true],
  ])('link href="%s" becomes %s', (href, expected, repaired) => {
    const { html, repairs } = check(`<a href="${href}">x</a>`, { path: 'about.html' });
    expect(parsed(html).find((element) => element.tagName === 'a')?.attrs).toEqual([
      { name: 'href', value: expected },
    ]);
    const link = repairs.filter((repair) => repair.kind === 'LINK_REPAIRED');
    expect(link).toEqual(
      repaired ? [{ page: 'about.html', kind: 'LINK_REPAIRED', detail: `href="${href}" → ${expected}` }] : [],
    );
  });

  it('keeps images of the site (with an alt), mends their paths and removes the others', () => {
    const { html, repairs } = check(
      '<img src="images/hero.png" alt="Hero"><img src="/images/logo.svg"><img src="images/missing.png">' +
        '<img><picture><source srcset="images/hero.png 1x, https://cdn.example/b.png 2x"><img src="images/hero.png" srcset="images/hero.png 1x,//cdn.example/c.png 2x"></picture>',
    );
    expectSafe(html, false);
    expect(html).toContain('<img src="images/hero.png" alt="Hero"><img src="images/logo.svg" alt="">');
    expect(html).toContain('<source srcset="images/hero.png 1x">');
    expect(html).toContain('<img src="images/hero.png" srcset="images/hero.png 1x" alt="">');
    expect(kinds(repairs)).toEqual([
      'LINK_REPAIRED',
      'IMAGE_REMOVED',
      'IMAGE_REMOVED',
      'EXTERNAL_RESOURCE_REMOVED',
      'EXTERNAL_RESOURCE_REMOVED',
      'STYLESHEET_LINKED',
    ]);
  });

  it('checks inline styles and <style> elements with the stylesheet rules', () => {
    const { html, repairs } = check(
      '<style>@import url(https://x/y.css);\nbody { background: url(https://x/a.png); color: red }\n</style>' +
        '<div style="background-image: url(images/hero.png); color: blue">a</div>' +
        '<div style="background: url(\'images/nope.png\')">b</div><p style="width: expression(alert(1))">c</p>',
    );
    expectSafe(html, false);
    expect(html).toContain('<style>\nbody { color: red }\n</style>');
    expect(html).toContain(
      '<div style="background-image: url(images/hero.png); color: blue">a</div><div>b</div><p>c</p>',
    );
    expect(repairs.slice(0, 4)).toEqual([
      {
        page: 'index.html',
        kind: 'EXTERNAL_RESOURCE_REMOVED',
        detail: '@import url(https://x/y.css) at line 1',
      },
      { page: 'index.html', kind: 'EXTERNAL_RESOURCE_REMOVED', detail: 'url(https://x/a.png) at line 2' },
      { page: 'index.html', kind: 'IMAGE_REMOVED', detail: 'url(images/nope.png) at line 3' },
      { page: 'index.html', kind: 'UNSAFE_URL_REMOVED', detail: 'expression() at line 3' },
    ]);
  });

  it('cannot be made to close a <style> early', () => {
    const { html } = check('<style>a { b: url(x)</style\\>; }</style><p>after</p>');
    const style = parsed(html).find((element) => element.tagName === 'style')!;
    expect(style.childNodes).toHaveLength(1);
    expect(html).toContain('<p>after</p>');
  });
});

describe('checkPage: hostile input', () => {
  const nasty = [
    '<svg><script>alert(1)</script><script xlink:href="data:,alert(1)"></script></svg>',
    '<svg onload=alert(1)><g ONCLICK="alert(1)"></g></svg>',
    '<scr<script>ipt>alert(1)</script>',
    '<<script>script>alert(1)<</script>/script>',
    '<IMG SRC=JaVaScRiPt:alert(1)><A HREF="  &#106;&#97;vascript:alert(1)">x</A>',
    '<a href="java&#x09;script:alert(1)">x</a><a href="java&#x0A;script:alert(1)">y</a><a href="&#x01;javascript:alert(1)">z</a>',
    '<img srcset="https://evil.example/a.png 1x, images/hero.png 2x"><img srcset="images/hero.png 1x,javascript:alert(1) 2x">',
    '<div><span><p>unclosed <b>bold <i>both</div><table><tr><td><table><tr><td>deep</table>',
    '<table><td><table><tr><td><form><input onfocus=alert(1) autofocus></table></form>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    '<svg><style><img src=x onerror=alert(1)></style></svg>',
    '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<template><script>alert(1)</script><img src=x onerror=alert(1)></template>',
    '<a href="\\\\evil.example/x">x</a><img src="/\\evil.example/a.png"><img src="https:evil.example/a.png">',
    '<iframe src="javascript:alert(1)"></iframe><iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<object data="javascript:alert(1)"></object><embed src="data:text/html,x"><applet code="x"></applet>',
    '<link rel="import" href="https://evil.example/x.html"><link rel="preload" as="script" href="//evil.example/x.js">',
    '<base href="javascript:alert(1)//"><a href="x">x</a>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>Click</text></a></svg>',
    '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>"></use><image href="https://evil.example/i.png"/></svg>',
    '<div style="background:url(javascript:alert(1))">a</div><div style="behavior: url(x.htc); -moz-binding: url(x.xml#y)">b</div>',
    '<style>@\\69mport "https://evil.example/x.css"; a { background: u\\72l(https://evil.example/a.png) }</style>',
    '<p>unterminated <a href="about.html" onclick="x()',
    '<button formaction=javascript:alert(1)>x</button><input type=image src="https://evil.example/i.png">',
    '<video poster="javascript:alert(1)"><track src="https://evil.example/t.vtt"></video>',
    '<body background="https://evil.example/b.png" onload="alert(1)"><p>x</p></body>',
    '<!--<img src=x onerror=alert(1)>--><p>x</p><!-- --!><img src=x onerror=alert(2)> -->',
    '<title><script>alert(1)</script></title><textarea><img src=x onerror=alert(1)></textarea>',
    '<xmp><script>alert(1)</script></xmp><plaintext><img src=x onerror=alert(1)>',
  ];

  it.each(nasty.flatMap((html) => [false, true].map((allowScripts) => [html, allowScripts] as const)))(
    '%s (scripts allowed: %s)',
    (html, allowScripts) => {
      const checked = check(html, { allowScripts });
      expectSafe(checked.html, allowScripts);
      // Parsed again, it is still the same page: nothing was hiding in it.
      expect(check(checked.html, { allowScripts }).repairs).toEqual([]);
    },
  );

  it('reports what it removed from hostile input', () => {
    expect(kinds(check(nasty[0]!).repairs)).toEqual([
      'SCRIPT_REMOVED',
      'SCRIPT_REMOVED',
      'STYLESHEET_LINKED',
    ]);
    expect(kinds(check(nasty[1]!).repairs)).toEqual([
      'EVENT_HANDLER_REMOVED',
      'EVENT_HANDLER_REMOVED',
      'STYLESHEET_LINKED',
    ]);
    expect(kinds(check(nasty[4]!).repairs)).toEqual([
      'UNSAFE_URL_REMOVED',
      'UNSAFE_URL_REMOVED',
      'STYLESHEET_LINKED',
    ]);
    expect(kinds(check(nasty[5]!).repairs)).toEqual([
      'UNSAFE_URL_REMOVED',
      'UNSAFE_URL_REMOVED',
      'UNSAFE_URL_REMOVED',
      'MARKUP_REPAIRED', // &#x01;
      'STYLESHEET_LINKED',
    ]);
    expect(kinds(check(nasty[6]!).repairs)).toEqual([
      'EXTERNAL_RESOURCE_REMOVED',
      'UNSAFE_URL_REMOVED',
      'IMAGE_REMOVED',
      'STYLESHEET_LINKED',
    ]);
    expect(kinds(check(nasty[7]!).repairs)).toEqual(['MARKUP_REPAIRED', 'STYLESHEET_LINKED']);
  });
});

describe('checkStylesheet', () => {
  /** Braces outside strings and comments balance. */
  function expectBalanced(css: string): void {
    const bare = css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'/g, '""');
    let depth = 0;
    for (const char of bare) {
      depth += char === '{' ? 1 : char === '}' ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  }

  it('keeps a clean stylesheet as it is', () => {
    const css =
      ':root { --accent: #c33; }\n/* hero */\n.hero { background: url("images/hero.png") center / cover; }\n' +
      '@media (max-width: 600px) { .hero { padding: 1rem; } }\na::after { content: "}{;" }\n';
    expect(checkStylesheet(css)).toEqual({ css, repairs: [] });
  });

  it('removes @import rules and url()s that are not site images, with their whole declaration', () => {
    const { css, repairs } = checkStylesheet(
      '@import url("https://fonts.example/css");\n@IMPORT "theme.css" screen;\n' +
        'body { color: red; background: url(http://x.example/a.png) no-repeat; margin: 0 }\n' +
        '@font-face { font-family: X; src: url(//fonts.example/x.woff2) format("woff2"); }\n' +
        '.a { background-image: image-set("https://x/a.png" 1x, "images/a.png" 2x); }\n' +
        '.b { cursor: url(fonts/x.cur), auto; background: url(images/ok.png) }',
    );
    expect(css).toBe(
      '\nbody { color: red; margin: 0 }\n@font-face { font-family: X; }\n.a { }\n.b { background: url(images/ok.png) }',
    );
    expect(repairs).toEqual([
      {
        page: 'styles.css',
        kind: 'EXTERNAL_RESOURCE_REMOVED',
        detail: '@import url("https://fonts.example/css") at line 1',
      },
      {
        page: 'styles.css',
        kind: 'EXTERNAL_RESOURCE_REMOVED',
        detail: '@import "theme.css" screen at line 2',
      },
      {
        page: 'styles.css',
        kind: 'EXTERNAL_RESOURCE_REMOVED',
        detail: 'url(http://x.example/a.png) at line 3',
      },
      {
        page: 'styles.css',
        kind: 'EXTERNAL_RESOURCE_REMOVED',
        detail: 'url(//fonts.example/x.woff2) at line 4',
      },
      { page: 'styles.css', kind: 'EXTERNAL_RESOURCE_REMOVED', detail: 'url(https://x/a.png) at line 5' },
      { page: 'styles.css', kind: 'IMAGE_REMOVED', detail: 'url(fonts/x.cur) at line 6' },
    ]);
  });

  it('removes script-running CSS: javascript: urls, expression(), behavior, -moz-binding', () => {
    const { css, repairs } = checkStylesheet(
      'a { background: url(JAVASCRIPT:alert(1)); color: red }\n' +
        'b { width: expression(alert(1)); }\nc { behavior: url(x.htc) }\nd { -moz-binding: url("x.xml#y"); }\n' +
        'e { background: url("data:image/svg+xml,<svg onload=alert(1)>") }',
    );
    expectBalanced(css);
    expect(css).not.toMatch(/javascript|expression|behavior|binding|data:/i);
    expect(kinds(repairs)).toEqual(Array(5).fill('UNSAFE_URL_REMOVED'));
  });

  it('sees through CSS escapes', () => {
    const { css, repairs } = checkStylesheet(
      '@\\69mport "x.css";\na { background: u\\72l(https://x/a.png) }\nb { b\\65havior: url(x.htc) }\n' +
        'c { width: \\65xpression(alert(1)) }\nd { background: url("java\\73 cript:alert(1)") }',
    );
    expect(css).toBe('\na { }\nb { }\nc { }\nd { }');
    expect(kinds(repairs)).toEqual([
      'EXTERNAL_RESOURCE_REMOVED',
      'EXTERNAL_RESOURCE_REMOVED',
      'UNSAFE_URL_REMOVED',
      'UNSAFE_URL_REMOVED',
      'UNSAFE_URL_REMOVED',
    ]);
  });

  it('never leaves braces unbalanced: closes what is left open, drops stray closers', () => {
    const cases = [
      'a { color: red',
      '@media print { a { color: red }',
      'a { color: red } } b { color: blue }',
      'a { background: url(https://x/a.png',
      'a { content: "unterminated\n}',
      'a { color: red /* unterminated comment',
      '@media (min-width: 1px) { a { background: url(https://x) } ',
      'a { b: f({ ; }) ; c: url(http://x) }',
      '.x { background: url(https://x/a.png) } @import "y.css"; }}}',
    ];
    for (const input of cases) {
      const { css } = checkStylesheet(input);
      expectBalanced(css);
      expect(css).not.toMatch(/https?:|@import/);
    }
    expect(checkStylesheet('a { color: red').css).toBe('a { color: red}');
    expect(kinds(checkStylesheet('a { color: red').repairs)).toEqual(['MARKUP_REPAIRED']);
    expect(checkStylesheet('a { color: red } } b { color: blue }').css).toBe(
      'a { color: red }  b { color: blue }',
    );
  });

  it("checks urls against the site's images when given them", () => {
    const css = '.a { background: url(images/hero.png) }\n.b { background: url(images/gone.png) }';
    expect(checkStylesheet(css).repairs).toEqual([]);
    expect(checkStylesheet(css, site)).toEqual({
      css: '.a { background: url(images/hero.png) }\n.b { }',
      repairs: [{ page: 'styles.css', kind: 'IMAGE_REMOVED', detail: 'url(images/gone.png) at line 2' }],
    });
  });
});
