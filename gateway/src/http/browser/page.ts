import type { PageAssets } from './assets';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML text and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/**
 * The HTML of a page: its stylesheets and module scripts from `assetsPath`, and an empty
 * #root the script renders into. Built once at start from the build's manifest: nothing of a
 * request is ever written into it.
 */
export function renderPage(title: string, assets: PageAssets, assetsPath: string): string {
  const href = (file: string) => escapeHtml(`${assetsPath}${file}`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    ...assets.styles.map((file) => `<link rel="stylesheet" href="${href(file)}">`),
    ...assets.scripts.map((file) => `<script type="module" src="${href(file)}"></script>`),
    '</head>',
    '<body><div id="root"></div></body>',
    '</html>',
    '',
  ].join('\n');
}
