import type { Site, SitePlan } from '../entities';

const STYLE_WORDS: Record<Site['style'], string> = {
  MODERN: 'modern: generous white space, bold sans-serif headings, soft shadows',
  MINIMAL: 'minimal: few colours, thin lines, lots of space, one typeface',
  CLASSIC: 'classic: serif headings, centred layout, restrained colours',
  PLAYFUL: 'playful: rounded shapes, bright colours, friendly wording',
  CORPORATE: 'corporate: clear grid, navy and grey, sober wording',
  ELEGANT: 'elegant: fine serif type, muted palette, wide margins',
};

/** What the user asked for, as the model reads it. */
export function brief(site: Site, instructions: string | null): string {
  const { options } = site;
  return [
    `Website description: ${site.prompt}`,
    `Style: ${STYLE_WORDS[site.style]}.`,
    options.colorScheme ? `Colours: ${options.colorScheme}.` : null,
    `Language of every text: ${options.language}.`,
    instructions ? `Extra instructions: ${instructions}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

export const PLAN_INSTRUCTIONS = (pages: number, images: number) =>
  `You plan a small static website. Give it a title and a one-sentence description, then exactly ${pages} ` +
  `page(s), the first being the home page "index.html"; each page has a file name ending in .html (lower case ` +
  `letters, digits and dashes), a title and its purpose. Then ${images} image(s) to illustrate it: a file name ` +
  `under images/ ending in .png, a prompt for an image model, and an alternative text.`;

/** The plan's shape, with exactly as many pages and images as asked. */
export const planSchema = (pages: number, images: number) => ({
  name: 'site_plan',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['title', 'description', 'pages', 'images'],
    properties: {
      title: { type: 'string' },
      description: { type: 'string' },
      pages: {
        type: 'array',
        minItems: pages,
        maxItems: pages,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['path', 'title', 'purpose'],
          properties: { path: { type: 'string' }, title: { type: 'string' }, purpose: { type: 'string' } },
        },
      },
      images: {
        type: 'array',
        minItems: images,
        maxItems: images,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['path', 'prompt', 'alt'],
          properties: { path: { type: 'string' }, prompt: { type: 'string' }, alt: { type: 'string' } },
        },
      },
    },
  },
});

export const STYLES_INSTRUCTIONS =
  'You write the one stylesheet of a small static website (styles.css): plain CSS, no @import, no external ' +
  'fonts or URLs (images may be referenced as images/<file>.png). Style the elements and these classes: ' +
  'site-header, site-nav, hero, section, card, grid, button, site-footer.';

export const STYLES_SCHEMA = {
  name: 'site_stylesheet',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['css'],
    properties: { css: { type: 'string' } },
  },
};

export const PAGE_INSTRUCTIONS =
  'You write one page of a small static website as HTML: the content of its <body> (a header with the site ' +
  'navigation linking every page by its file name, the page content, a footer). Use the classes site-header, ' +
  'site-nav, hero, section, card, grid, button, site-footer. Link only to the pages listed, show only the ' +
  'images listed (by their path, with their alternative text). No scripts, no inline event handlers, no ' +
  'external resources.';

export const PAGE_SCHEMA = {
  name: 'site_page',
  schema: {
    type: 'object',
    additionalProperties: false,
    required: ['title', 'html'],
    properties: { title: { type: 'string' }, html: { type: 'string' } },
  },
};

/** The site as a page's writer must know it. */
export function pageInput(site: Site, plan: SitePlan, path: string, instructions: string | null): string {
  const page = plan.pages.find((each) => each.path === path)!;
  return [
    brief(site, instructions),
    `Site title: ${plan.title}. ${plan.description}`,
    `Pages: ${plan.pages.map((each) => `${each.path} (${each.title})`).join(', ')}.`,
    plan.images.length
      ? `Images: ${plan.images.map((each) => `${each.path} (${each.alt})`).join(', ')}.`
      : 'No images.',
    `Write ${page.path}, "${page.title}": ${page.purpose}`,
  ].join('\n');
}
