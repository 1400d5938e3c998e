/**
 * The editors' form (Sveltia CMS at /admin/), generated from the analysis schema and the taxonomy
 * so there is one source of truth: a field added to src/schemas/analysis.ts or a topic, actor or
 * author added to content/ appears in the form without editing anything else.
 *
 * The fields come from the published JSON Schema (src/open-data/json-schema.ts, itself generated from
 * the zod schema): its types, enums, patterns, required lists and descriptions. Text lengths, which
 * zod checks in code, are found by asking the zod schema itself. Pure: no I/O.
 */
import type { CmsConfig, EntryCollection, Field, SelectField } from '@sveltia/cms';
import { z } from 'astro/zod';
import { analysisFields, coverImageSchema, COVER_IMAGE_EXTENSIONS, periodSchema } from '../schemas/analysis.ts';
import { httpUrlSchema, idSchema, type Language, type Trend } from '../schemas/primitives.ts';
import { analysisJsonSchema, type JsonSchema } from '../open-data/json-schema.ts';
import { t } from '../i18n/index.ts';
import { BODY_FIELD, FILE_FORMAT } from './format.ts';

/** One choice of a drop-down: the id written to the file and what the editor reads. */
export interface Choice {
  value: string;
  label: string;
}

/** The ids an analysis may refer to, with their names. */
export interface Taxonomy {
  topics: Choice[];
  actors: Choice[];
  authors: Choice[];
}

/** Where editors' changes go on a real host: a GitHub repository, through an OAuth proxy. */
export interface GitHubBackend {
  /** `owner/name`. */
  repo: string;
  /** Branch the CMS commits to. */
  branch: string;
  /** The OAuth proxy's origin (Sveltia's `base_url`), e.g. a Cloudflare Worker; GitHub's own page when absent. */
  authUrl?: string | undefined;
}

/** What the form is generated from besides the schema. */
export interface CmsSettings {
  /** The site's languages, the default first (content/site.yaml). */
  languages: readonly Language[];
  taxonomy: Taxonomy;
  /** How each verdict reads in the default language (content/site.yaml `verdicts`). */
  verdictLabels?: Partial<Record<Trend, string>> | undefined;
  /** The content folder as a path from the repository root (`content`). */
  contentPath: string;
  backend: GitHubBackend;
  /** The published site's address, for the form's "view on site" links. */
  siteUrl: string;
}

/** The frontmatter's fields in the schema's order: the file format writes them in it. */
export const FIELD_ORDER: readonly string[] = Object.keys(analysisFields);

/** What /admin/config.json serves: the CMS configuration and the field order for the file format. */
export interface AdminSettings {
  config: CmsConfig;
  fieldOrder: readonly string[];
}

/** Frontmatter fields that refer to a taxonomy folder (the cross-file checks resolve the same ones). */
const REFERENCES: Partial<Record<keyof typeof analysisFields, keyof Taxonomy>> = { topic: 'topics', actors: 'actors', authors: 'authors' };

/** Fields the form leaves out: the language is the folder the CMS writes to. */
const LEFT_OUT: ReadonlySet<string> = new Set(['lang']);

/** Labels that differ from the field name (what editors call the field). */
const LABELS: Partial<Record<string, string>> = { trend: 'Verdict', translationKey: 'Translation key' };

/** Strings longer than this are edited in a multi-line box. */
const ONE_LINE_MAX = 300;

/** A label from a field name: `translationKey` → `Translation key`. */
function labelOf(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return LABELS[name] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The longest text a zod string schema accepts, found by asking it (text limits are code checks
 * that JSON Schema cannot express); undefined when it takes 100,000 characters.
 */
export function maxTextLength(schema: z.ZodType): number | undefined {
  const accepts = (n: number) => schema.safeParse('a'.repeat(n)).success;
  let high = 100_000;
  if (accepts(high) || !accepts(1)) return undefined;
  let low = 1;
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (accepts(mid)) low = mid;
    else high = mid;
  }
  return low;
}

/** The schema's own message for a value it refuses, without the echo of the value. */
export function refusal(schema: z.ZodType, bad: string): string {
  const issue = schema.safeParse(bad).error?.issues[0];
  return (issue?.message ?? 'invalid').replace(/^found "[^"]*", /, '');
}

/** The zod schema behind a field, without `.optional()` / `.default()`. */
function unwrap(schema: z.ZodType): z.ZodType {
  let node: z.ZodType = schema;
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault) node = node.unwrap() as z.ZodType;
  return node;
}

/** The zod schemas of an object's fields, when `schema` is an object. */
function shapeOf(schema: z.ZodType | undefined): Record<string, z.ZodType> {
  const node = schema && unwrap(schema);
  if (node instanceof z.ZodObject) return node.shape as Record<string, z.ZodType>;
  if (node instanceof z.ZodArray) return shapeOf(node.element as z.ZodType);
  return {};
}

/** A JSON Schema node's `properties`. */
function propertiesOf(node: JsonSchema): Record<string, JsonSchema> {
  return (node['properties'] as Record<string, JsonSchema> | undefined) ?? {};
}

/** A drop-down of `choices`, one value or several. */
function dropDown(base: { name: string; label: string; required: boolean }, choices: readonly Choice[], multiple: boolean): SelectField {
  return { ...base, widget: 'select', options: choices.map((c) => ({ label: c.label, value: c.value })), ...(multiple ? { multiple: true } : {}) };
}

/** What goes with a generated field: the zod schema (lengths, identity) and the settings. */
interface FieldContext {
  zod: z.ZodType | undefined;
  required: boolean;
  settings: CmsSettings;
  topLevel: boolean;
}

/** One form field from one JSON Schema property. */
function fieldOf(name: string, node: JsonSchema, ctx: FieldContext): Field {
  const zod = ctx.zod && unwrap(ctx.zod);
  // Hints are Markdown in the CMS, where `<id>` would read as a tag and vanish.
  const description = typeof node['description'] === 'string' ? node['description'].replace(/<([^<>]*)>/g, '‹$1›') : undefined;
  const base = { name, label: labelOf(name), required: ctx.required, ...(description ? { hint: description } : {}) };

  const reference = ctx.topLevel ? REFERENCES[name as keyof typeof analysisFields] : undefined;
  if (reference) return (dropDown(base, ctx.settings.taxonomy[reference], node['type'] === 'array'));

  if (Array.isArray(node['enum'])) {
    const labels: Partial<Record<string, string>> = name === 'trend' ? (ctx.settings.verdictLabels ?? {}) : {};
    const choices = (node['enum'] as string[]).map((value) => ({ value, label: labels[value] ? `${value}: ${labels[value]}` : value }));
    return (dropDown(base, choices, false));
  }

  if (zod === periodSchema) {
    const [start, end] = ['start', 'end'].map((part) => propertiesOf(node)[part] ?? {});
    return ({
      ...base,
      widget: 'object',
      fields: [
        { ...dateField('start', start ?? {}, true), hint: 'For a weekly analysis, pick any day of the week: saving sets the period to that Monday to Sunday.' },
        { ...dateField('end', end ?? {}, false), hint: 'Filled in on save for a weekly analysis (the Sunday after the start).' },
      ],
    });
  }

  if (node['format'] === 'date') return ({ ...dateField(name, node, ctx.required), ...(description ? { hint: description } : {}) });

  if (zod === coverImageSchema) {
    return { ...base, widget: 'image', accept: COVER_IMAGE_EXTENSIONS.map((e) => `.${e}`).join(','), choose_url: false, hint: `A ${COVER_IMAGE_EXTENSIONS.join('/')} file, stored beside the analysis.` };
  }

  if (node['type'] === 'boolean') return ({ ...base, widget: 'boolean' });

  if (node['type'] === 'object') {
    const required = new Set((node['required'] as string[] | undefined) ?? []);
    const shape = shapeOf(ctx.zod);
    const fields = Object.entries(propertiesOf(node)).map(([sub, subNode]) => fieldOf(sub, subNode, { ...ctx, zod: shape[sub], required: required.has(sub), topLevel: false }));
    return ({ ...base, widget: 'object', fields });
  }

  if (node['type'] === 'array') {
    const items = (node['items'] as JsonSchema | undefined) ?? {};
    if (items['type'] === 'object') {
      const required = new Set((items['required'] as string[] | undefined) ?? []);
      const shape = shapeOf(ctx.zod);
      const fields = Object.entries(propertiesOf(items)).map(([sub, subNode]) => fieldOf(sub, subNode, { ...ctx, zod: shape[sub], required: required.has(sub), topLevel: false }));
      return ({ ...base, widget: 'list', fields, label_singular: labelOf(name).replace(/s$/, '') });
    }
    return ({ ...base, widget: 'list' });
  }

  if (zod === httpUrlSchema) {
    return { ...base, widget: 'string', type: 'url', pattern: [String(node['pattern'] ?? '^https?://'), refusal(httpUrlSchema, 'x')], ...(base.hint ? {} : { hint: 'An http or https address.' }) };
  }

  const max = zod ? maxTextLength(zod) : undefined;
  const text = max !== undefined && max > ONE_LINE_MAX ? ({ widget: 'text' } as const) : ({ widget: 'string' } as const);
  const pattern = typeof node['pattern'] === 'string' ? { pattern: [node['pattern'], zod ? refusal(zod, 'X X') : `expected text matching ${node['pattern']}`] as [string, string] } : {};
  return ({ ...base, ...text, ...(max !== undefined ? { maxlength: max } : {}), ...pattern });
}

/** A date picker that stores `YYYY-MM-DD`. */
function dateField(name: string, node: JsonSchema, required: boolean): Field {
  const description = typeof node['description'] === 'string' ? { hint: node['description'] } : {};
  return { name, label: labelOf(name), widget: 'datetime', type: 'date', format: 'YYYY-MM-DD', required, ...description };
}

/** The analysis fields of the form, in the schema's order, then the Markdown body. */
export function analysisFormFields(settings: CmsSettings): Field[] {
  const schema = analysisJsonSchema('');
  const required = new Set((schema['required'] as string[] | undefined) ?? []);
  const zodFields = analysisFields as Record<string, z.ZodType>;
  const fields = Object.entries(propertiesOf(schema))
    .filter(([name]) => !LEFT_OUT.has(name))
    .map(([name, node]) => fieldOf(name, node, { zod: zodFields[name], required: required.has(name), settings, topLevel: true }));
  return [...fields, { name: BODY_FIELD, label: 'Text', widget: 'markdown', required: true, hint: 'The analysis itself, in Markdown.' }];
}

/**
 * The whole CMS configuration: GitHub backend and one collection per language folder. Not the
 * CMS's own i18n mode: it requires the default language in every new entry, and an analysis may
 * exist in Russian or Belarusian only; translations are linked by their shared `translationKey`.
 */
export function cmsConfig(settings: CmsSettings): CmsConfig {
  const slugPattern = String(z.toJSONSchema(idSchema)['pattern']);
  const fields = analysisFormFields(settings);
  const collection = (lang: Language): EntryCollection => ({
    name: `analyses-${lang}`,
    label: `Analyses · ${t(lang).languageName}`,
    label_singular: `Analysis · ${t(lang).languageName}`,
    folder: `${settings.contentPath}/analyses/${lang}`,
    extension: 'md',
    format: FILE_FORMAT,
    create: true,
    identifier_field: 'title',
    summary: '{{title}}',
    sortable_fields: ['title', 'period.start', 'published'],
    // Cover images live beside the analysis (`./name.jpg`), as the content reader expects.
    media_folder: '',
    public_folder: '',
    slug: {
      template: '{{title}}',
      editable: ['create'],
      hint: 'The file name and the URL: lowercase Latin letters, digits and hyphens, by convention the start date first (2024-01-15-insurance-for-the-ruler).',
      pattern: [slugPattern, refusal(idSchema, 'X X')],
    },
    preview_path: `${lang === settings.languages[0] ? '' : `${lang}/`}analyses/{{slug}}/`,
    fields,
  });
  return {
    backend: {
      name: 'github',
      repo: settings.backend.repo,
      branch: settings.backend.branch,
      ...(settings.backend.authUrl ? { base_url: settings.backend.authUrl } : {}),
    },
    site_url: settings.siteUrl,
    media_folder: `${settings.contentPath}/analyses`,
    slug: { encoding: 'ascii', clean_accents: true },
    output: { omit_empty_optional_fields: true },
    collections: settings.languages.map(collection),
  };
}
