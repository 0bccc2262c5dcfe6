import type { PlannedImage, PlannedPage, SitePlan } from '../entities';

const text = (value: unknown, max: number, fallback: string) =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : fallback;

/** `About Us.HTML` → `about-us`; empty when nothing is left. */
const slug = (value: string) =>
  value
    .toLowerCase()
    .replace(/\.(html?|png|jpe?g|webp)$/, '')
    .replace(/^.*\//, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);

const records = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value)
    ? value.filter((item): item is Record<string, unknown> => !!item && typeof item === 'object')
    : [];

/** `name` + `suffix`, or `name-2` + `suffix`… when taken; taken from now on. */
function unique(name: string, suffix: string, taken: Set<string>): string {
  let path = `${name}${suffix}`;
  for (let n = 2; taken.has(path); n += 1) path = `${name}-${n}${suffix}`;
  taken.add(path);
  return path;
}

/**
 * The model's plan made safe to build on: `index.html` first, file names of lower case letters,
 * digits and dashes, none twice, at most as many pages and images as asked (fewer when the
 * model gave fewer), titles and texts bounded.
 */
export function normalizePlan(
  answer: unknown,
  wanted: { pages: number; images: number; title: string },
): SitePlan {
  const raw = (answer && typeof answer === 'object' ? answer : {}) as Record<string, unknown>;
  const pages: PlannedPage[] = [];
  const taken = new Set<string>();
  for (const [index, page] of records(raw.pages).entries()) {
    const name = index === 0 ? 'index' : slug(String(page.path ?? page.title ?? '')) || 'page';
    const path = unique(name === 'index' && index > 0 ? 'page' : name, '.html', taken);
    pages.push({
      path,
      title: text(page.title, 120, index === 0 ? 'Home' : name),
      purpose: text(page.purpose, 500, ''),
    });
    if (pages.length === wanted.pages) break;
  }
  if (!pages.length) pages.push({ path: 'index.html', title: 'Home', purpose: '' });
  const images: PlannedImage[] = [];
  for (const [index, image] of records(raw.images).entries()) {
    const prompt = text(image.prompt, 1000, '');
    if (!prompt) continue;
    const path = unique(`images/${slug(String(image.path ?? '')) || `image-${index + 1}`}`, '.png', taken);
    images.push({ path, prompt, alt: text(image.alt, 200, '') });
    if (images.length === wanted.images) break;
  }
  return {
    title: text(raw.title, 120, wanted.title),
    description: text(raw.description, 500, ''),
    pages,
    images: wanted.images === 0 ? [] : images,
  };
}
