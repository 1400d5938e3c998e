/** `content/site.yaml`: the desk's identity, languages and verdict wording. */
import { z } from 'astro/zod';
import { type Language, fillLanguages, httpUrlSchema, LANGUAGES, languageSchema, localizedTextSchema, textSchema } from './primitives.ts';

/** A label that every language must spell out (verdicts are the site's core vocabulary). */
const fullyLocalized = z.strictObject(fillLanguages(() => textSchema(200)));

/** Site-wide settings. */
export const siteSchema = z.strictObject({
  /** Site name per language. */
  title: localizedTextSchema,
  /** One sentence about the site, per language. */
  description: localizedTextSchema,
  /** Publisher named in citations and feeds. */
  publisher: localizedTextSchema,
  /** Absolute URL the site is served from (canonical links, feeds, sitemap): page paths are appended to it. */
  baseUrl: httpUrlSchema.check((ctx) => {
    let url: URL;
    try {
      url = new URL(ctx.value.trim());
    } catch {
      return; // httpUrlSchema reports it
    }
    const extra = url.search ? `a query ("${url.search}")` : url.hash ? `a fragment ("${url.hash}")` : url.username || url.password ? 'a user name or password' : undefined;
    if (extra) ctx.issues.push({ code: 'custom', input: ctx.value, message: `has ${extra}, expected a plain http(s) address such as https://example.org (page paths are appended to it)` });
  }),
  /** Languages published, the default (served at the root) first; each once. */
  languages: z
    .array(languageSchema)
    .min(1)
    .default([...LANGUAGES])
    .check((ctx) => {
      ctx.value.forEach((lang, i) => {
        if (ctx.value.indexOf(lang) !== i) ctx.issues.push({ code: 'custom', input: ctx.value, path: [i], message: `"${lang}" is listed twice, expected each language once (the first is the default)` });
      });
    })
    // At least one, so the root language always exists (`languages[0]`).
    .transform((list) => list as [Language, ...Language[]]),
  /** Optional masthead logo: an SVG file relative to `content/` (e.g. `logo.svg`), served as /logo.svg. */
  logo: textSchema(200).regex(/^[a-z0-9][a-z0-9._/-]*\.svg$/, 'expected a relative path to an .svg file inside content/, e.g. logo.svg').optional(),
  /** How each verdict reads, per language. */
  verdicts: z.strictObject({ worse: fullyLocalized, unchanged: fullyLocalized, better: fullyLocalized }),
  /** The weekly email: where readers subscribe (the mail service's sign-up page), linked from the home, week and follow pages and the web version of each edition. */
  newsletter: z.strictObject({ subscribeUrl: httpUrlSchema.optional() }).optional(),
});

/** Site settings as parsed. */
export type SiteData = z.infer<typeof siteSchema>;
