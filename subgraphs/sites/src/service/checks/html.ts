import { defaultTreeAdapter as tree, html, parse, serialize, type DefaultTreeAdapterMap } from 'parse5';
import { checkCss } from './css';
import { clip, STYLESHEET, type Repair, type RepairKind, type SiteFileSet } from './types';
import { classifyUrl, findFile, relativeHref } from './urls';

type Document = DefaultTreeAdapterMap['document'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];
type Attribute = Element['attrs'][number];

export interface PageInput {
  /** The page's site path: `index.html`, `about.html`. */
  path: string;
  title: string;
  /** A full document or a body fragment, as the model wrote it. */
  html: string;
  /** BCP 47, for `<html lang>`. */
  language: string;
  site: SiteFileSet;
  /** Inline scripts and event handlers are kept; external scripts never are. */
  allowScripts: boolean;
}

/** Elements that run code or embed other content: removed (an `<iframe>` of a site page stays when scripts are allowed). */
// prettier-ignore
const ACTIVE = new Set(['script', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal']);
/** Attributes holding a URL: never `javascript:`, `data:`… */
// prettier-ignore
const URL_ATTRIBUTES = new Set([
  'href', 'src', 'action', 'formaction', 'srcset', 'poster', 'background', 'cite', 'longdesc', 'data',
  'codebase', 'ping', 'manifest', 'lowsrc', 'dynsrc', 'icon', 'classid', 'archive', 'itemtype',
]);
/** Attributes whose URL a browser loads by itself (with `href` on the elements below). */
const LOADED_ATTRIBUTES = new Set(['src', 'srcset', 'poster', 'background', 'lowsrc', 'dynsrc', 'ping']);
const LOADED_HREF = new Set(['link', 'image', 'use', 'feimage', 'script']);
/** Elements that are nothing without the resource they load: removed with it. */
const RESOURCE_ELEMENTS = new Set(['img', 'link', 'source', 'track', 'input', 'script', 'iframe']);
const SVG_ANIMATIONS = new Set(['set', 'animate', 'animatemotion', 'animatetransform', 'animatecolor']);
// prettier-ignore
const VOID = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen',
  'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
// prettier-ignore
const OPTIONAL_END = new Set([
  'html', 'head', 'body', 'p', 'li', 'dt', 'dd', 'rt', 'rp', 'rb', 'rtc', 'optgroup', 'option', 'colgroup',
  'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'plaintext',
]);

/**
 * A generated page made safe and consistent: parsed as browsers do, cleaned, and serialised back
 * as a full document. Serialising and parsing again can change a tree (mutation XSS), so the
 * check runs again on its own output until nothing changes.
 */
export function checkPage(input: PageInput): { html: string; repairs: Repair[] } {
  let result = checkOnce(input, input.html, true);
  for (let pass = 0; pass < 3; pass += 1) {
    const again = checkOnce(input, result.html, false);
    if (again.html === result.html) break;
    result = { html: again.html, repairs: [...result.repairs, ...again.repairs] };
  }
  return result;
}

function checkOnce(input: PageInput, source: string, first: boolean): { html: string; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const errors: { code: string; line: number }[] = [];
  const fragment = !/<!doctype|<html[\s>/]|<body[\s>/]/i.test(source);
  const document = parse(source, {
    sourceCodeLocationInfo: true,
    onParseError: (error) => {
      if (!(fragment && error.code === 'missing-doctype'))
        errors.push({ code: error.code, line: error.startLine });
    },
  });
  const check = new PageCheck(input, repairs);
  check.walk(document);
  if (first) {
    errors.push(...check.unclosed);
    errors.sort((a, b) => a.line - b.line);
    const firstError = errors[0];
    if (firstError) {
      const count = errors.length === 1 ? 'a markup error' : `${errors.length} markup errors`;
      check.report('MARKUP_REPAIRED', `${count}, first ${firstError.code} at line ${firstError.line}`);
    }
  }
  check.normalise(document);
  return { html: serialize(document), repairs };
}

class PageCheck {
  readonly unclosed: { code: string; line: number }[] = [];
  private readonly pages: Set<string>;
  private readonly images: Set<string>;
  private readonly linkable: Set<string>;
  private hasStylesheet = false;

  constructor(
    private readonly input: PageInput,
    private readonly repairs: Repair[],
  ) {
    this.pages = new Set(input.site.pages);
    this.images = new Set(input.site.images);
    this.linkable = new Set([...input.site.pages, ...input.site.images]);
  }

  report(kind: RepairKind, detail: string): void {
    this.repairs.push({ page: this.input.path, kind, detail });
  }

  walk(parent: ParentNode): void {
    for (const node of [...parent.childNodes]) {
      if (!tree.isElementNode(node)) continue;
      if (this.checkElement(node)) {
        this.walk(node);
        const content = tree.getTemplateContent(node as DefaultTreeAdapterMap['template']);
        if (node.tagName === 'template' && content) this.walk(content);
      }
    }
  }

  /** Checks an element and its attributes; false when it was removed. */
  private checkElement(element: Element): boolean {
    const name = element.tagName.toLowerCase();
    const at = `<${name}> at line ${line(element)}`;
    const removeAs = (kind: RepairKind, detail = at) => {
      this.report(kind, detail);
      tree.detachNode(element);
      return false;
    };
    this.noteUnclosed(element, name);
    if (ACTIVE.has(name)) {
      const kept = this.input.allowScripts && (name === 'script' || name === 'iframe');
      if (!kept) return removeAs('SCRIPT_REMOVED');
      const srcdoc = element.attrs.find((attr) => attr.name === 'srcdoc');
      if (srcdoc) this.dropAttribute(element, srcdoc, 'UNSAFE_URL_REMOVED');
    }
    if (name === 'base') return removeAs('UNSAFE_URL_REMOVED');
    if (name === 'meta' && attribute(element, 'http-equiv')?.trim().toLowerCase() === 'refresh')
      return removeAs('UNSAFE_URL_REMOVED', `<meta http-equiv="refresh"> at line ${line(element)}`);
    if (SVG_ANIMATIONS.has(name) && /href|^on/i.test(attribute(element, 'attributeName') ?? ''))
      return removeAs('UNSAFE_URL_REMOVED');
    const scriptSource =
      name === 'script' && element.attrs.find((attr) => attr.name === 'src' || attr.name === 'href');
    if (scriptSource) {
      const external = classifyUrl(scriptSource.value, this.input.path).kind !== 'local';
      const detail = `<script ${scriptSource.name}="${clip(scriptSource.value, 40)}"> at line ${line(element)}`;
      return removeAs(external ? 'EXTERNAL_RESOURCE_REMOVED' : 'SCRIPT_REMOVED', detail);
    }
    if (name === 'style') this.checkStyleElement(element);

    for (const attr of [...element.attrs]) {
      if (!element.attrs.includes(attr)) continue;
      const attrName = attr.name.toLowerCase();
      if (attrName.startsWith('on')) {
        if (!this.input.allowScripts) this.dropAttribute(element, attr, 'EVENT_HANDLER_REMOVED');
      } else if (attrName === 'style') {
        this.checkStyleAttribute(element, attr);
      } else if (attrName === 'srcset') {
        this.checkSrcset(element, attr);
      } else if (URL_ATTRIBUTES.has(attrName)) {
        const removed = this.checkUrl(element, name, attr);
        if (removed) return false;
      }
    }
    if (
      name === 'img' &&
      attribute(element, 'src') === undefined &&
      attribute(element, 'srcset') === undefined
    )
      return removeAs('IMAGE_REMOVED', `${at} without a usable src`);
    if (name === 'img' && attribute(element, 'alt') === undefined)
      element.attrs.push({ name: 'alt', value: '' });
    if (name === 'link' && /(^|\s)stylesheet(\s|$)/i.test(attribute(element, 'rel') ?? '')) {
      const href = classifyUrl(attribute(element, 'href') as string, this.input.path);
      if (href.kind === 'local' && href.path === STYLESHEET) this.hasStylesheet = true;
    }
    return true;
  }

  /** Checks one URL attribute; true when the whole element was removed. */
  private checkUrl(element: Element, name: string, attr: { name: string; value: string }): boolean {
    const target = classifyUrl(attr.value, this.input.path);
    const on = `${attr.name}="${clip(attr.value, 40)}" on <${name}> at line ${line(element)}`;
    const drop = (kind: RepairKind) => {
      if (RESOURCE_ELEMENTS.has(name) && (attr.name === 'src' || attr.name === 'href')) {
        this.report(kind, on);
        tree.detachNode(element);
        return true;
      }
      this.dropAttribute(element, attr, kind, on);
      return false;
    };
    if (target.kind === 'unsafe') return drop('UNSAFE_URL_REMOVED');
    const loaded = LOADED_ATTRIBUTES.has(attr.name) || (attr.name === 'href' && LOADED_HREF.has(name));
    if (loaded) {
      if (target.kind === 'fragment' && (name === 'use' || name === 'feimage')) return false;
      if (target.kind !== 'local') return drop('EXTERNAL_RESOURCE_REMOVED');
      const files =
        name === 'iframe'
          ? this.pages
          : name === 'link'
            ? new Set([...this.images, STYLESHEET])
            : this.images;
      const file = target.path === null ? null : findFile(target.path, files, name === 'iframe');
      if (!file) return drop(name === 'iframe' || name === 'link' ? 'LINK_REPAIRED' : 'IMAGE_REMOVED');
      if (file !== target.path || target.rooted) {
        const href = relativeHref(this.input.path, file) + target.hash;
        this.report('LINK_REPAIRED', `${attr.name}="${clip(attr.value, 40)}" → ${href}`);
        attr.value = href;
      }
      return false;
    }
    if ((attr.name === 'action' || attr.name === 'formaction') && target.kind === 'external') {
      if (!this.input.allowScripts) this.dropAttribute(element, attr, 'EXTERNAL_RESOURCE_REMOVED', on);
      return false;
    }
    if (attr.name !== 'href' || (name !== 'a' && name !== 'area')) return false;
    if (target.kind === 'external') {
      const rel = (attribute(element, 'rel') ?? '').split(/\s+/).filter(Boolean);
      for (const token of ['noopener', 'noreferrer']) if (!rel.includes(token)) rel.push(token);
      setAttribute(element, 'rel', rel.join(' '));
    } else if (target.kind === 'local') {
      if (target.path !== null && !target.rooted && this.linkable.has(target.path)) return false;
      const file = target.path === null ? null : findFile(target.path, this.linkable, true);
      const href = file
        ? relativeHref(this.input.path, file) + target.hash
        : relativeHref(this.input.path, 'index.html');
      this.report('LINK_REPAIRED', `href="${clip(attr.value, 40)}" → ${href}`);
      attr.value = href;
    }
    return false;
  }

  /** Keeps the candidates of a `srcset` that are the site's images. */
  private checkSrcset(element: Element, attr: { name: string; value: string }): void {
    const candidates = srcsetCandidates(attr.value);
    const kept: string[] = [];
    for (const { url, descriptors } of candidates) {
      const target = classifyUrl(url, this.input.path);
      const on = `srcset "${clip(url, 40)}" on <${element.tagName}> at line ${line(element)}`;
      if (target.kind === 'unsafe') {
        this.dropAttribute(element, attr, 'UNSAFE_URL_REMOVED', on);
        return;
      }
      const file =
        target.kind === 'local' && target.path !== null ? findFile(target.path, this.images, false) : null;
      if (file) kept.push(`${relativeHref(this.input.path, file)}${descriptors && ` ${descriptors}`}`);
      else this.report(target.kind === 'local' ? 'IMAGE_REMOVED' : 'EXTERNAL_RESOURCE_REMOVED', on);
    }
    if (kept.length > 0) attr.value = kept.join(', ');
    else element.attrs.splice(element.attrs.indexOf(attr), 1);
  }

  private checkStyleAttribute(element: Element, attr: { name: string; value: string }): void {
    const checked = checkCss(attr.value, this.cssContext(element.sourceCodeLocation?.startLine ?? 1));
    if (checked.repairs.length === 0) return;
    this.repairs.push(...checked.repairs);
    if (checked.css.trim()) attr.value = checked.css;
    else element.attrs.splice(element.attrs.indexOf(attr), 1);
  }

  /** A `<style>`'s text goes through the stylesheet checks; anything but text in it is dropped. */
  private checkStyleElement(element: Element): void {
    let css = '';
    for (const child of element.childNodes) if (tree.isTextNode(child)) css += child.value;
    const checked = checkCss(css, this.cssContext(element.sourceCodeLocation?.startLine ?? 1));
    this.repairs.push(...checked.repairs);
    for (const child of [...element.childNodes]) tree.detachNode(child);
    // `</style` can only end the element: `<\/style` is the same in CSS.
    tree.insertText(element, checked.css.replace(/<\/(?=style)/gi, '<\\/'));
  }

  private cssContext(startLine: number) {
    return { page: this.input.path, from: this.input.path, images: this.images, line: startLine };
  }

  private dropAttribute(element: Element, attr: Attribute, kind: RepairKind, detail?: string): void {
    const index = element.attrs.indexOf(attr);
    if (index < 0) return;
    element.attrs.splice(index, 1);
    this.report(kind, detail ?? `${attr.name} on <${element.tagName}> at line ${line(element)}`);
  }

  /** An element the markup opened but never closed (where its end tag is not optional). */
  private noteUnclosed(element: Element, name: string): void {
    const location = element.sourceCodeLocation;
    if (!location?.startTag || location.endTag || element.namespaceURI !== html.NS.HTML) return;
    if (VOID.has(name) || OPTIONAL_END.has(name)) return;
    this.unclosed.push({ code: `unclosed <${name}>`, line: location.startLine });
  }

  /** Doctype, `<html lang>`, charset, viewport, title and the site stylesheet, as every page has them. */
  normalise(document: Document): void {
    tree.setDocumentType(document, 'html', '', '');
    const doctype = document.childNodes.find((node) => tree.isDocumentTypeNode(node));
    if (doctype && document.childNodes[0] !== doctype) {
      document.childNodes.splice(document.childNodes.indexOf(doctype), 1);
      document.childNodes.unshift(doctype);
    }
    const root = document.childNodes.find((node): node is Element => tree.isElementNode(node)) as Element;
    setAttribute(root, 'lang', this.input.language);
    const head = root.childNodes.find(
      (node): node is Element => tree.isElementNode(node) && node.tagName === 'head',
    );
    if (!head) throw new Error('The parser always gives a document a <head>');
    for (const node of [...head.childNodes]) {
      if (!tree.isElementNode(node) || node.tagName !== 'meta') continue;
      const equiv = attribute(node, 'http-equiv')?.toLowerCase();
      if (
        attribute(node, 'charset') !== undefined ||
        equiv === 'content-type' ||
        attribute(node, 'name') === 'viewport'
      )
        tree.detachNode(node);
    }
    const first = head.childNodes[0];
    const meta = (attrs: { name: string; value: string }[]) => {
      const element = tree.createElement('meta', html.NS.HTML, attrs);
      if (first) tree.insertBefore(head, element, first);
      else tree.appendChild(head, element);
    };
    meta([{ name: 'charset', value: 'utf-8' }]);
    meta([
      { name: 'name', value: 'viewport' },
      { name: 'content', value: 'width=device-width, initial-scale=1' },
    ]);
    let title = head.childNodes.find(
      (node): node is Element => tree.isElementNode(node) && node.tagName === 'title',
    );
    if (!title) {
      title = tree.createElement('title', html.NS.HTML, []);
      const after = head.childNodes[2];
      if (after) tree.insertBefore(head, title, after);
      else tree.appendChild(head, title);
    }
    if (!title.childNodes.some((node) => tree.isTextNode(node) && node.value.trim())) {
      for (const child of [...title.childNodes]) tree.detachNode(child);
      tree.insertText(title, this.input.title);
    }
    if (!this.hasStylesheet) {
      const href = relativeHref(this.input.path, STYLESHEET);
      const link = tree.createElement('link', html.NS.HTML, [
        { name: 'rel', value: 'stylesheet' },
        { name: 'href', value: href },
      ]);
      tree.appendChild(head, link);
      this.report('STYLESHEET_LINKED', `added <link rel="stylesheet" href="${href}">`);
    }
  }
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function setAttribute(element: Element, name: string, value: string): void {
  const existing = element.attrs.find((attr) => attr.name === name);
  if (existing) existing.value = value;
  else element.attrs.push({ name, value });
}

function line(element: Element): number | string {
  return element.sourceCodeLocation?.startLine ?? '?';
}

/** A `srcset`'s candidates, split as browsers do: a URL is a run of non-spaces (commas and all). */
function srcsetCandidates(srcset: string): { url: string; descriptors: string }[] {
  const candidates: { url: string; descriptors: string }[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset[at] as string)) at += 1;
    if (at >= srcset.length) break;
    let url = /^\S+/.exec(srcset.slice(at))?.[0] ?? '';
    at += url.length;
    let descriptors = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      let depth = 0;
      while (at < srcset.length) {
        const char = srcset[at] as string;
        if (char === ',' && depth === 0) break;
        if (char === '(') depth += 1;
        else if (char === ')') depth = Math.max(0, depth - 1);
        descriptors += char;
        at += 1;
      }
    }
    candidates.push({ url, descriptors: descriptors.trim() });
  }
  return candidates;
}
