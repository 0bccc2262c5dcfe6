/**
 * The http(s) URLs of a mail, as a test or a newcomer follows them: those of the text part
 * first, then the `href`s of the HTML part's links, each once, in order of appearance.
 */
export function extractLinks(text: string | undefined, html: string | undefined): string[] {
  const links = new Set<string>();
  if (text) for (const match of text.matchAll(TEXT_URL)) links.add(trimTrailing(match[0]));
  if (html) {
    for (const match of html.matchAll(ANCHOR_HREF)) {
      const href = decodeEntities((match[1] ?? match[2] ?? match[3] ?? '').trim());
      if (/^https?:\/\//i.test(href)) links.add(href);
    }
  }
  return [...links];
}

const TEXT_URL = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const ANCHOR_HREF = /<a\b[^>]*?\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi;

/** Drops sentence punctuation after a URL in prose ("see https://x.test/a."), keeping balanced brackets. */
function trimTrailing(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last !== undefined && '.,;:!?*'.includes(last)) end--;
    else if (last === ')' && !balanced(url.slice(0, end), '(', ')')) end--;
    else if (last === ']' && !balanced(url.slice(0, end), '[', ']')) end--;
    else return url.slice(0, end);
  }
}

function balanced(text: string, open: string, close: string): boolean {
  return text.split(open).length >= text.split(close).length;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}
