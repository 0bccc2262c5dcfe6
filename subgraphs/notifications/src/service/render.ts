import Handlebars from 'handlebars';
import type { MessageKind, MessageTemplates } from '../messages';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  sms: string | null;
  inbox: { title: string; body: string } | null;
}

// `html` escapes every value; the others are plain text and must not turn `&` into `&amp;`.
const htmlEngine = Handlebars.create();
const textEngine = Handlebars.create();
const compiled = new Map<string, Handlebars.TemplateDelegate>();

function template(engine: typeof Handlebars, key: string, source: string, noEscape: boolean) {
  let render = compiled.get(key);
  if (!render) {
    render = engine.compile(source, { noEscape, strict: true });
    compiled.set(key, render);
  }
  return render;
}

/**
 * The wording for `locale`: `fr-CA`, then `fr`, then `en`. Only the kind's own languages count:
 * a locale naming what every object has (`toString`, `__proto__`) is no language.
 */
export function templatesFor(message: MessageKind, locale: string): [string, MessageTemplates] {
  const candidates = [locale, locale.split('-')[0]!];
  const chosen = candidates.find((candidate) => Object.hasOwn(message.templates, candidate)) ?? 'en';
  return [chosen, message.templates[chosen] ?? message.templates.en];
}

/** Control characters (CR/LF above all) never reach a header or a one-line text. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const oneLine = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/** A message in the recipient's language, every value escaped where it lands in HTML. */
export function render(
  message: MessageKind,
  locale: string,
  values: Record<string, string>,
): RenderedMessage {
  const [chosen, wording] = templatesFor(message, locale);
  const key = (part: string) => `${message.kind}:${chosen}:${part}`;
  const text = (part: string, source: string) => template(textEngine, key(part), source, true)(values);
  // An inbox-only kind has no mail: nothing of it is sent.
  return {
    subject: wording.subject ? oneLine(text('subject', wording.subject)).slice(0, 300) : '',
    text: wording.text ? text('text', wording.text) : '',
    html: wording.html ? template(htmlEngine, key('html'), wording.html, false)(values) : '',
    sms: wording.sms ? oneLine(text('sms', wording.sms)) : null,
    inbox: wording.inbox
      ? {
          title: oneLine(text('inbox.title', wording.inbox.title)).slice(0, 200),
          body: text('inbox.body', wording.inbox.body).slice(0, 2000),
        }
      : null,
  };
}

/** A display name safe to put in a greeting and in a `To:` header. */
export const safeName = (name: string | null | undefined, fallback: string) =>
  oneLine(name ?? '').slice(0, 100) || fallback;
