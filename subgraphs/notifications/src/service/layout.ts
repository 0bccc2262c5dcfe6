import Handlebars from 'handlebars';

const engine = Handlebars.create();
const page = engine.compile(
  `<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5; color: #222">
{{{content}}}
{{#if unsubscribeUrl}}<p style="color: #888; font-size: 12px">You get this because of your notification settings. <a href="{{unsubscribeUrl}}">Unsubscribe from these emails</a>.</p>{{/if}}
</body></html>`,
  { strict: false },
);

/** The page around a message's HTML (already escaped by its template), with the unsubscribe footer. */
export function htmlPage(content: string, unsubscribeUrl: string | null): string {
  return page({ content, unsubscribeUrl });
}

export function textWithFooter(text: string, unsubscribeUrl: string | null): string {
  return unsubscribeUrl ? `${text}\n\n--\nUnsubscribe from these emails: ${unsubscribeUrl}` : text;
}
