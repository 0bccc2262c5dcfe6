import { classifyUrl } from './urls';
import { clip, STYLESHEET, type Repair, type RepairKind, type SiteFileSet } from './types';

/**
 * CSS checks with a small tokenizer (after CSS Syntax Level 3, simplified): `@import` rules,
 * `url()`s that are not the site's images, `expression()`, `behavior` and `-moz-binding` are
 * removed with the whole declaration or rule holding them, so what remains stays balanced.
 * Unclosed blocks, strings and comments at the end are closed, stray `}` dropped.
 */
export function checkStylesheet(css: string, site?: SiteFileSet): { css: string; repairs: Repair[] } {
  return checkCss(css, { page: STYLESHEET, from: STYLESHEET, images: site && new Set(site.images) });
}

export interface CssContext {
  /** The file reported in repairs. */
  page: string;
  /** The file URLs are relative to. */
  from: string;
  /** The site's images; without them, any relative path under `images/` is accepted. */
  images: ReadonlySet<string> | undefined;
  /** Line of the CSS's first character in `page`. */
  line?: number;
}

type TokenType =
  'comment' | 'string' | 'url' | 'function' | 'at' | 'ident' | 'open' | 'close' | 'semicolon' | 'other';

interface Token {
  type: TokenType;
  text: string;
  /** Escapes decoded: a string's content, a url's address, an ident's or function's or at-keyword's name. */
  value: string;
  offset: number;
  /** What closes it when the CSS ended (or a line ended a string) inside it. */
  fix?: string;
}

const NAME_CHAR = /[A-Za-z0-9_\-\u0080-\uffff]/;
const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const UNSAFE_PROPERTIES = new Set(['behavior', '-moz-binding']);
const IMAGE_FUNCTIONS = new Set(['url', 'src', 'image', '-webkit-image', 'image-set', '-webkit-image-set']);

export function checkCss(css: string, context: CssContext): { css: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const lineAt = (offset: number) => (context.line ?? 1) + (css.slice(0, offset).match(/\n/g)?.length ?? 0);
  const report = (kind: RepairKind, what: string, offset: number) =>
    repairs.push({ page: context.page, kind, detail: `${what} at line ${lineAt(offset)}` });

  const tokens = tokenize(css);
  const removed = new Array<boolean>(tokens.length).fill(false);
  const remove = (from: number, to: number) => removed.fill(true, from, Math.min(to + 1, tokens.length));

  /** A last declaration goes without the space before it: `{ a: b }` stays `{ }`. */
  const afterSpace = (index: number) => {
    while (index < tokens.length && !(tokens[index] as Token).text.trim()) index += 1;
    return index;
  };
  /** Checks tokens [from, to]: one declaration, or a rule's prelude; the reason to drop it, if any. */
  const verdict = (from: number, to: number, functions: (string | undefined)[]): boolean => {
    const start = tokens.findIndex(
      (token, index) => index >= from && token.type !== 'comment' && token.text.trim(),
    );
    const first = start >= 0 && start <= to ? (tokens[start] as Token) : undefined;
    if (!first) return false;
    if (first.type === 'at' && first.value === 'import') {
      const what = `@import ${clip(joined(tokens, start + 1, to).replace(/;$/, ''), 40)}`;
      report('EXTERNAL_RESOURCE_REMOVED', what, first.offset);
      return true;
    }
    const property = tokens.slice(from, to + 1).find((token) => token.type === 'ident');
    if (property && UNSAFE_PROPERTIES.has(property.value.replace(/^_+/, ''))) {
      report('UNSAFE_URL_REMOVED', property.value, property.offset);
      return true;
    }
    for (let index = from; index <= to; index += 1) {
      const token = tokens[index] as Token;
      if (token.type === 'function' && token.value.includes('expression')) {
        report('UNSAFE_URL_REMOVED', 'expression()', token.offset);
        return true;
      }
      const isUrl =
        token.type === 'url' || (token.type === 'string' && IMAGE_FUNCTIONS.has(functions[index] ?? ''));
      if (!isUrl) continue;
      const problem = urlProblem(token.value, context);
      if (problem) {
        report(problem, `url(${clip(token.value, 50)})`, token.offset);
        return true;
      }
    }
    return false;
  };

  // One pass over the tokens, a frame per open block or function: a rule's block remembers
  // where its prelude started; `itemStart` is where the current declaration or rule started.
  interface Frame {
    closer: string;
    name: string | undefined;
    start: number;
    itemStart: number;
    rule: boolean;
  }
  const functions: (string | undefined)[] = [];
  const stack: Frame[] = [];
  let itemStart = 0;
  const atItemLevel = () => stack.length === 0 || (stack[stack.length - 1] as Frame).rule;
  const enclosingFunction = () => {
    for (let index = stack.length - 1; index >= 0; index -= 1) {
      const frame = stack[index] as Frame;
      if (frame.rule) return undefined;
      if (frame.name) return frame.name;
    }
    return undefined;
  };
  /** Closes the frame on top, at `index` (`tokens.length` at the end). */
  const close = (index: number) => {
    const frame = stack.pop() as Frame;
    if (!frame.rule) return;
    // The last declaration of a block may have no `;`.
    if (itemStart < index && verdict(itemStart, index - 1, functions))
      remove(afterSpace(itemStart), index - 1);
    if (verdict(frame.itemStart, frame.start - 1, functions)) remove(frame.itemStart, index);
    itemStart = index + 1;
  };
  tokens.forEach((token, index) => {
    functions[index] = enclosingFunction();
    if (token.type === 'function' || token.type === 'open') {
      const rule = token.text === '{' && atItemLevel();
      const closer = token.type === 'function' ? ')' : (CLOSER[token.text] as string);
      stack.push({
        closer,
        name: token.type === 'function' ? token.value : undefined,
        start: index,
        itemStart,
        rule,
      });
      if (rule) itemStart = index + 1;
    } else if (token.type === 'close') {
      const top = stack[stack.length - 1];
      if (top?.closer === token.text) close(index);
      else if (!top && token.text === '}') {
        remove(index, index);
        report('MARKUP_REPAIRED', 'stray }', token.offset);
      } // else a stray closer inside another block: just a token
    } else if (token.type === 'semicolon' && atItemLevel()) {
      if (verdict(itemStart, index, functions)) remove(itemStart, index);
      itemStart = index + 1;
    }
  });
  // What is still open at the end is closed, unless it was removed.
  let closing = '';
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    close(tokens.length);
    if (!removed[frame.start]) closing += frame.closer;
  }
  if (itemStart < tokens.length && verdict(itemStart, tokens.length - 1, functions))
    remove(afterSpace(itemStart), tokens.length - 1);

  let output = '';
  let mended = closing;
  tokens.forEach((token, index) => {
    if (removed[index]) return;
    output += token.text + (token.fix ?? '');
    mended += token.fix ?? '';
  });
  if (mended) report('MARKUP_REPAIRED', `closed unterminated ${clip(mended, 12)}`, css.length);
  return { css: output + closing, repairs };
}

function joined(tokens: Token[], from: number, to: number): string {
  return tokens
    .slice(from, to + 1)
    .map((token) => token.text)
    .join('')
    .trim();
}

/** Why a `url()` in CSS must go, or null when it is one of the site's images. */
function urlProblem(url: string, context: CssContext): RepairKind | null {
  const target = classifyUrl(url, context.from);
  if (target.kind === 'unsafe') return 'UNSAFE_URL_REMOVED';
  if (target.kind !== 'local') return target.kind === 'fragment' ? null : 'EXTERNAL_RESOURCE_REMOVED';
  if (target.path === null) return 'IMAGE_REMOVED';
  if (context.images) return context.images.has(target.path) ? null : 'IMAGE_REMOVED';
  return target.path.startsWith('images/') && !target.path.includes('/../') ? null : 'IMAGE_REMOVED';
}

function tokenize(css: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  const push = (type: TokenType, end: number, value = '', fix?: string) => {
    tokens.push({ type, text: css.slice(at, end), value, offset: at, ...(fix && { fix }) });
    at = end;
  };
  const quotedUrl = /\(\s*["']/y;
  while (at < css.length) {
    const char = css[at] as string;
    if (css.startsWith('/*', at)) {
      const end = css.indexOf('*/', at + 2);
      push('comment', end < 0 ? css.length : end + 2, '', end < 0 ? '*/' : undefined);
    } else if (char === '"' || char === "'") {
      const { end, value, closed } = readString(css, at);
      push('string', end, value, closed ? undefined : char);
    } else if (char === '@') {
      const { end, value } = readName(css, at + 1);
      push('at', end, value.toLowerCase());
    } else if (isNameStart(css, at)) {
      const { end, value } = readName(css, at);
      const name = value.toLowerCase();
      quotedUrl.lastIndex = end;
      if (css[end] !== '(') push('ident', end, name);
      else if (name === 'url' && !quotedUrl.test(css)) {
        const url = readUnquotedUrl(css, end + 1);
        push('url', url.end, url.value, url.closed ? undefined : ')');
      } else push('function', end + 1, name);
    } else if (char === '{' || char === '(' || char === '[') push('open', at + 1);
    else if (char === '}' || char === ')' || char === ']') push('close', at + 1);
    else if (char === ';') push('semicolon', at + 1);
    else if (char === '\\') push('other', Math.min(css.length, at + 2));
    else push('other', at + 1);
  }
  return tokens;
}

function isNameStart(css: string, at: number): boolean {
  const char = css[at] as string;
  if (char === '\\') return css[at + 1] !== undefined && css[at + 1] !== '\n';
  if (char === '-') return NAME_CHAR.test(css[at + 1] ?? '') || css[at + 1] === '\\';
  return /[A-Za-z_\u0080-\uffff]/.test(char);
}

/** A name with its escapes decoded (`\69 mport` is `import`). */
function readName(css: string, start: number): { end: number; value: string } {
  let at = start;
  let value = '';
  while (at < css.length) {
    const char = css[at] as string;
    if (char === '\\' && css[at + 1] !== undefined && css[at + 1] !== '\n') {
      const escape = readEscape(css, at);
      value += escape.value;
      at = escape.end;
    } else if (NAME_CHAR.test(char)) {
      value += char;
      at += 1;
    } else break;
  }
  return { end: at, value };
}

function readEscape(css: string, at: number): { end: number; value: string } {
  const hex = /^[0-9a-fA-F]{1,6}/.exec(css.slice(at + 1, at + 7))?.[0];
  if (!hex) return { end: at + 2, value: css[at + 1] as string };
  let end = at + 1 + hex.length;
  if (/\s/.test(css[end] ?? '')) end += css.startsWith('\r\n', end) ? 2 : 1;
  const code = parseInt(hex, 16);
  const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
  return { end, value: valid ? String.fromCodePoint(code) : '\ufffd' };
}

function readString(css: string, start: number): { end: number; value: string; closed: boolean } {
  const quote = css[start];
  let at = start + 1;
  let value = '';
  while (at < css.length) {
    const char = css[at] as string;
    if (char === quote) return { end: at + 1, value, closed: true };
    if (char === '\n') return { end: at, value, closed: false }; // a bad string: ends at the line
    if (char === '\\') {
      if (css[at + 1] === '\n') at += 2;
      else if (at + 1 >= css.length) at += 1;
      else {
        const escape = readEscape(css, at);
        value += escape.value;
        at = escape.end;
      }
    } else {
      value += char;
      at += 1;
    }
  }
  return { end: at, value, closed: false };
}

function readUnquotedUrl(css: string, start: number): { end: number; value: string; closed: boolean } {
  let at = start;
  let value = '';
  while (at < css.length) {
    const char = css[at] as string;
    if (char === ')') return { end: at + 1, value: value.trim(), closed: true };
    if (char === '\\' && css[at + 1] !== undefined && css[at + 1] !== '\n') {
      const escape = readEscape(css, at);
      value += escape.value;
      at = escape.end;
    } else {
      value += char;
      at += 1;
    }
  }
  return { end: at, value: value.trim(), closed: false };
}
