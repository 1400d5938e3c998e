/** `content/site.yaml`: the desk's identity, languages and verdict wording. */
import { z } from 'astro/zod';
import { httpUrlSchema, LANGUAGES, languageSchema, localizedTextSchema, textSchema } from './primitives.ts';

/** A label that every language must spell out (verdicts are the site's core vocabulary). */
const fullyLocalized = z.strictObject({ en: textSchema(200), be: textSchema(200), ru: textSchema(200) });

/** Site-wide settings. */
export const siteSchema = z.strictObject({
  /** Site name per language. */
  title: localizedTextSchema,
  /** One sentence about the site, per language. */
  description: localizedTextSchema,
  /** Publisher named in citations and feeds. */
  publisher: localizedTextSchema,
  /** Absolute URL the site is served from (canonical links, feeds, sitemap). */
  baseUrl: httpUrlSchema,
  /** Languages published, the default (served at the root) first. */
  languages: z.array(languageSchema).min(1).default([...LANGUAGES]),
  /** Optional masthead logo: an SVG file relative to `content/` (e.g. `logo.svg`), served as /logo.svg. */
  logo: textSchema(200).regex(/^[a-z0-9][a-z0-9._/-]*\.svg$/, 'expected a relative path to an .svg file inside content/, e.g. logo.svg').optional(),
  /** How each verdict reads, per language. */
  verdicts: z.strictObject({ worse: fullyLocalized, unchanged: fullyLocalized, better: fullyLocalized }),
});

/** Site settings as parsed. */
export type SiteData = z.infer<typeof siteSchema>;
