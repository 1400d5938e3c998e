/**
 * The frontmatter of an analysis (`content/analyses/<lang>/<slug>.md`). One schema for the Astro
 * content layer, `npm run validate` and the importer.
 */
import { z } from 'astro/zod';
import { weeklyPeriodProblem } from './calendar.ts';
import { sentences } from './sentences.ts';
import { httpUrlSchema, idSchema, isoDateSchema, kindSchema, languageSchema, short, textSchema, trendSchema } from './primitives.ts';

/** A cited source: what was cited, where it lives, and when it was read. */
export const sourceSchema = z.strictObject({
  /** The cited work's title, as printed. */
  title: textSchema(500),
  /** Where it can be read: http or https only. */
  url: httpUrlSchema,
  /** The publishing outlet ("Lenta.ru", "BelTA"). */
  outlet: textSchema(200).optional(),
  /** When the source was read, `YYYY-MM-DD`. */
  accessed: isoDateSchema.optional(),
  /** A short remark ("Ibid.", "in Russian"). */
  note: textSchema(500).optional(),
});

/** A cited source. */
export type Source = z.infer<typeof sourceSchema>;

/** A Monday-to-Sunday week or any other inclusive date range. */
export const periodSchema = z.strictObject({
  /** First day covered, `YYYY-MM-DD`. */
  start: isoDateSchema,
  /** Last day covered, `YYYY-MM-DD`, not before `start`. */
  end: isoDateSchema,
});

/** File types a cover image may have: what Astro's image pipeline reads and browsers show. */
export const COVER_IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif'] as const;

/**
 * A cover image's path, relative to the analysis file (`./minsk.jpg`). Whether the file exists and
 * stays inside the content folder is checked by the content reader, which knows where the file is.
 */
export const coverImageSchema = z.string().check((ctx) => {
  const value = ctx.value;
  const ext = /\.([A-Za-z0-9]+)$/.exec(value)?.[1]?.toLowerCase();
  const problem = /^[a-z][a-z0-9+.-]*:/i.test(value)
    ? 'is an address, expected a file beside the analysis such as ./minsk.jpg (images from other hosts are blocked by the site\'s Content-Security-Policy)'
    : value.startsWith('/') || value.includes('\\')
      ? 'is an absolute path, expected a path relative to the analysis file such as ./minsk.jpg'
      : !ext || !(COVER_IMAGE_EXTENSIONS as readonly string[]).includes(ext)
        ? `has ${ext ? `the extension ".${ext}"` : 'no extension'}, expected an image file ending in ${COVER_IMAGE_EXTENSIONS.map((e) => `.${e}`).join(', ')}`
        : undefined;
  if (problem) ctx.issues.push({ code: 'custom', input: value, message: `"${short(value)}" ${problem}` });
});

/** Fields of an analysis before the cross-field rules (kept separate so tools can list fields). */
export const analysisFields = {
  /** Headline as printed. */
  title: textSchema(300),
  /** A second line under the headline. */
  subtitle: textSchema(300).optional(),
  /** One to three sentences: cards, meta description, feeds. */
  summary: textSchema(600).check((ctx) => {
    const n = sentences(ctx.value).length;
    if (n > 3) ctx.issues.push({ code: 'custom', input: ctx.value, message: `has ${n} sentences, expected 1 to 3` });
  }),
  /** `weekly` digest entry (carries a verdict), long-form `analysis` or `opinion`. */
  kind: kindSchema,
  /** Dates covered; required for `weekly` (a Monday-to-Sunday week). */
  period: periodSchema.optional(),
  /** Publication date; required when there is no period, except in a draft (an import that found no date). */
  published: isoDateSchema.optional(),
  /** Topic id (`content/topics/<id>.yaml`); required for `weekly`. */
  topic: idSchema.optional(),
  /** How the situation moved that week; weekly analyses only. */
  trend: trendSchema.optional(),
  /** Author ids (`content/authors/<id>.yaml`); empty means the editorial byline. */
  authors: z.array(idSchema).default([]),
  /** Actor ids (`content/actors/<id>.yaml`) the analysis names. */
  actors: z.array(idSchema).default([]),
  /** Works the analysis cites. */
  sources: z.array(sourceSchema).default([]),
  /** Language; taken from the folder, and must match it when given. */
  lang: languageSchema.optional(),
  /** Shared by analyses that translate each other. */
  translationKey: idSchema.optional(),
  /** Cover image: a file beside the analysis (`image`), its `alt` text (required with an image) and its credit line. */
  cover: z.strictObject({ image: coverImageSchema.optional(), credit: textSchema(500), alt: textSchema(500).optional() }).optional(),
  /** Where the analysis was first published, for pieces from other outlets. */
  origin: z.strictObject({ url: httpUrlSchema, outlet: textSchema(200) }).optional(),
  /** Drafts are validated but never reach the built site. */
  draft: z.boolean().default(false),
};

/** Frontmatter of an analysis, with the rules that tie fields together. */
export const analysisSchema = z.strictObject(analysisFields).superRefine((data, ctx) => {
  const { kind, period } = data;
  if (period && period.end < period.start) {
    ctx.addIssue({ code: 'custom', path: ['period', 'end'], message: `${period.end} is before period.start ${period.start}` });
  } else if (period && kind === 'weekly') {
    const problem = weeklyPeriodProblem(period);
    if (problem) {
      const [field, ...rest] = problem.split(': ');
      ctx.addIssue({ code: 'custom', path: (field ?? 'period').split('.'), message: rest.join(': ') });
    }
  }
  if (kind === 'weekly') {
    if (!period) ctx.addIssue({ code: 'custom', path: ['period'], message: 'missing, expected { start, end } (a weekly analysis covers one Monday-to-Sunday week)' });
    if (data.topic === undefined) ctx.addIssue({ code: 'custom', path: ['topic'], message: 'missing, expected a topic id (required for weekly analyses)' });
    if (data.trend === undefined) ctx.addIssue({ code: 'custom', path: ['trend'], message: 'missing, expected one of "worse", "unchanged", "better" (required for weekly analyses)' });
  } else if (data.trend !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['trend'], message: `found "${data.trend}" on kind "${kind}", expected no trend (only weekly analyses carry a verdict)` });
  }
  if (data.cover?.image !== undefined && data.cover.alt === undefined) {
    ctx.addIssue({ code: 'custom', path: ['cover', 'alt'], message: 'missing, expected text describing the image for readers who cannot see it (required when cover.image is given)' });
  }
  // A draft never reaches the site, so it may wait for its date (an imported page that printed none).
  if (!period && data.published === undefined && !data.draft) {
    ctx.addIssue({ code: 'custom', path: ['published'], message: 'missing, expected a YYYY-MM-DD date (required when there is no period)' });
  }
  for (const field of ['authors', 'actors'] as const) {
    const seen = new Set<string>();
    data[field].forEach((id, i) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [field, i], message: `"${id}" is listed twice` });
      seen.add(id);
    });
  }
});

/** Frontmatter of an analysis after parsing (defaults applied). */
export type AnalysisData = z.infer<typeof analysisSchema>;

/** Frontmatter of an analysis as written (before defaults). */
export type AnalysisInput = z.input<typeof analysisSchema>;
