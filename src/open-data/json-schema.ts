/**
 * The JSON Schema of analysis frontmatter (`/data/analysis.schema.json`), generated from the zod
 * schema with `z.toJSONSchema` so it cannot drift from what `npm run validate` accepts. Zod's
 * custom checks (real calendar dates, http(s) URLs, text lengths) have no JSON Schema form; the
 * date and URL shapes, the field descriptions and the weekly-analysis rules are added here.
 * Pure: no I/O.
 */
import { z } from 'astro/zod';
import { analysisFields, analysisSchema } from '../schemas/analysis.ts';
import { httpUrlSchema, isoDateSchema } from '../schemas/primitives.ts';

/** A JSON Schema document (plain JSON). */
export type JsonSchema = { [key: string]: unknown };

/** What each frontmatter field holds; typed on the zod fields, so a new field needs a line here. */
export const FIELD_DESCRIPTIONS: Record<keyof typeof analysisFields, string> = {
  title: 'Headline as printed (at most 300 characters).',
  subtitle: 'A second line under the headline.',
  summary: 'One to three sentences (at most 600 characters): cards, meta description, feeds.',
  kind: 'weekly: a digest entry with a verdict; analysis or opinion: long-form, no verdict.',
  period: 'Dates covered, YYYY-MM-DD; a weekly analysis covers one Monday-to-Sunday week.',
  published: 'Publication date, YYYY-MM-DD; required when there is no period, except in a draft.',
  topic: 'Topic id: the file name of content/topics/<id>.yaml; required for weekly analyses.',
  trend: 'The verdict: how the situation moved that week; weekly analyses only.',
  authors: 'Author ids (content/authors/<id>.yaml); an empty list means the editorial byline.',
  actors: 'Actor ids (content/actors/<id>.yaml) the analysis names.',
  sources: 'Works the analysis cites: title and http(s) url, optionally outlet, accessed (YYYY-MM-DD) and note.',
  lang: 'Language; taken from the folder (content/analyses/<lang>/) and must match it when given.',
  translationKey: 'Shared by analyses that translate each other (one per language).',
  cover: 'Cover image: image (a jpg/png/webp/avif file beside the analysis, e.g. ./minsk.jpg), alt (required with an image) and the credit line printed under it.',
  origin: 'Where the analysis was first published: url and outlet.',
  draft: 'Drafts are validated but never published.',
};

/** Shape of a `YYYY-MM-DD` date (whether the day exists is checked by `npm run validate`). */
const DATE = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };

/**
 * An http or https URL, in any letter case, leading spaces allowed as zod trims them. No
 * `format: uri`: RFC 3986 refuses the non-ASCII characters that real source URLs contain.
 */
const HTTP_URL = { type: 'string', pattern: '^\\s*[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+' };

/** The rules that tie fields together (zod's superRefine), as draft-07 conditionals. */
const CROSS_FIELD_RULES = [
  {
    description: 'A weekly analysis has a period, a topic and a verdict; other kinds have no verdict.',
    if: { properties: { kind: { const: 'weekly' } }, required: ['kind'] },
    then: { required: ['period', 'topic', 'trend'] },
    else: { not: { required: ['trend'] } },
  },
  {
    description: 'Without a period, the publication date is required (a draft may wait for it).',
    if: { not: { anyOf: [{ required: ['period'] }, { properties: { draft: { const: true } }, required: ['draft'] }] } },
    then: { required: ['published'] },
  },
];

/** The frontmatter JSON Schema (draft-07, which editors' YAML and JSON tools support), `$id` = `id`. */
export function analysisJsonSchema(id: string): JsonSchema {
  const generated = z.toJSONSchema(analysisSchema, {
    target: 'draft-07',
    // The schema describes what editors write, before defaults are applied.
    io: 'input',
    unrepresentable: 'any',
    override: (ctx) => {
      const node: unknown = ctx.zodSchema;
      if (node === isoDateSchema) Object.assign(ctx.jsonSchema, DATE);
      else if (node === httpUrlSchema) Object.assign(ctx.jsonSchema, HTTP_URL);
    },
  }) as JsonSchema;
  const properties = generated['properties'] as Record<string, JsonSchema>;
  for (const [field, description] of Object.entries(FIELD_DESCRIPTIONS)) {
    const prop = properties[field];
    if (prop) prop['description'] = description;
  }
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: id,
    title: 'Barometer analysis frontmatter',
    description: 'The YAML frontmatter of content/analyses/<lang>/<slug>.md. `npm run validate` is the full check (cross-file references, real dates, text lengths).',
    ...rest,
    allOf: CROSS_FIELD_RULES,
  };
}
