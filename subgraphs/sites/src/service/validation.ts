import { z } from 'zod';
import { text } from '@lattice/server-kit';

const STYLES = ['MODERN', 'MINIMAL', 'CLASSIC', 'PLAYFUL', 'CORPORATE', 'ELEGANT'] as const;

const name = text(120).refine((value) => value.length > 0, 'must not be empty or invisible');
/** A BCP 47 tag Intl knows (`en`, `pl`, `pt-BR`), in its canonical case. */
const language = z
  .string()
  .max(35, 'must be a language tag like en or pt-BR')
  .transform((value, ctx) => {
    try {
      return Intl.getCanonicalLocales(value.trim())[0]!;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a language tag like en or pt-BR' });
      return z.NEVER;
    }
  });

export const createSiteShape = z.object({
  prompt: text(4000, { multiline: true }).refine(
    (value) => value.length >= 10,
    'must describe the site in at least 10 characters',
  ),
  style: z
    .enum(STYLES)
    .nullish()
    .transform((value) => value ?? 'MODERN'),
  name: name.nullish(),
  pages: z
    .number()
    .int()
    .min(1, 'must be 1 to 8')
    .max(8, 'must be 1 to 8')
    .nullish()
    .transform((value) => value ?? 3),
  colorScheme: text(200)
    .nullish()
    .transform((value) => value || null),
  language: language.nullish().transform((value) => value ?? 'en'),
  images: z
    .number()
    .int()
    .min(0, 'must be 0 to 4')
    .max(4, 'must be 0 to 4')
    .nullish()
    .transform((value) => value ?? 2),
  allowScripts: z
    .boolean()
    .nullish()
    .transform((value) => value ?? false),
});

export const siteName = name;
export const instructionsShape = text(2000, { multiline: true })
  .nullish()
  .transform((value) => value || null);
/** A page's file name as sites makes them: `index.html`, `about-us.html`. */
export const pagePath = z
  .string()
  .regex(/^[a-z0-9-]{1,40}\.html$/, 'must be one of the site’s page paths, e.g. about.html');
