/**
 * The frontmatter of a page from content (`content/pages/<lang>/<slug>.md`): About, Methodology,
 * Contact and the like, served at `/<slug>/` in each language. One schema for the Astro content
 * layer and `npm run validate`.
 */
import { z } from 'astro/zod';
import { isoDateSchema, languageSchema, textSchema } from './primitives.ts';

/** Frontmatter of a page. */
export const pageSchema = z.strictObject({
  /** Heading and window title. */
  title: textSchema(200),
  /** One or two sentences under the heading; also the page's meta description. */
  summary: textSchema(400),
  /** Language; taken from the folder, and must match it when given. */
  lang: languageSchema.optional(),
  /** Position among the pages the footer links (ascending); a page without it is not in the footer. */
  footer: z.number().int().min(1).max(99).optional(),
  /** When the page last changed in substance, `YYYY-MM-DD`: printed under it (a method's reader wants to know). */
  updated: isoDateSchema.optional(),
  /** Drafts are validated but never reach the built site. */
  draft: z.boolean().default(false),
});

/** A page's frontmatter after parsing (defaults applied). */
export type PageData = z.infer<typeof pageSchema>;
