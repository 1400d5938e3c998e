/**
 * The editors' form is generated from the schema and the taxonomy: a new topic or field appears
 * without editing anything else, choices and hints come from the schema, and the file format
 * writes the content's own style back.
 */
import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Field } from '@sveltia/cms';
import { describe, expect, it } from 'vitest';
import { analysisFormFields, cmsConfig, FIELD_ORDER, maxTextLength, type CmsSettings } from '../../src/cms/config.ts';
import { formatAnalysisFile, parseAnalysisFile } from '../../src/cms/format.ts';
import { cmsSettings } from '../../src/cms/settings.ts';
import { loadContent } from '../helpers/content-model.ts';
import { textSchema } from '../../src/schemas/primitives.ts';

const settings: CmsSettings = {
  languages: ['en', 'be', 'ru'],
  taxonomy: { topics: [{ value: 'security-issues', label: 'Security issues' }], actors: [{ value: 'nato', label: 'NATO' }], authors: [] },
  verdictLabels: { worse: 'Worse' },
  contentPath: 'content',
  backend: { repo: 'desk/site', branch: 'main' },
  siteUrl: 'https://example.org',
};

/** One field of a list of form fields, by name. */
function field(fields: readonly Field[], name: string): Record<string, unknown> {
  const found = fields.find((f) => f.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found as Record<string, unknown>;
}

describe('the generated form', () => {
  it('has one collection per language folder, with the GitHub backend it was given', () => {
    const config = cmsConfig(settings);
    expect(config.backend).toMatchObject({ name: 'github', repo: 'desk/site', branch: 'main' });
    expect(config.collections?.map((c) => ('folder' in c ? c.folder : undefined))).toEqual(['content/analyses/en', 'content/analyses/be', 'content/analyses/ru']);
  });

  it('offers every schema field but the language, then the body', () => {
    const names = analysisFormFields(settings).map((f) => f.name);
    expect(names).toEqual([...FIELD_ORDER.filter((n) => n !== 'lang'), 'body']);
  });

  it('takes choices, requirements, hints and lengths from the schema', () => {
    const fields = analysisFormFields(settings);
    expect(field(fields, 'kind')).toMatchObject({ widget: 'select', required: true, options: [{ value: 'weekly' }, { value: 'analysis' }, { value: 'opinion' }] });
    expect(field(fields, 'trend')).toMatchObject({ widget: 'select', required: false, options: [{ value: 'worse', label: 'worse: Worse' }, { value: 'unchanged' }, { value: 'better' }] });
    expect(field(fields, 'title')).toMatchObject({ widget: 'string', required: true, maxlength: 300, hint: expect.stringContaining('Headline') });
    expect(field(fields, 'summary')).toMatchObject({ widget: 'text', maxlength: 600 });
    expect(field(fields, 'published')).toMatchObject({ widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' });
    expect(field(fields, 'translationKey')).toMatchObject({ pattern: [expect.any(String), expect.stringContaining('lowercase letters')] });
    const sources = field(fields, 'sources')['fields'] as Field[];
    expect(field(sources, 'url')).toMatchObject({ required: true, pattern: [expect.any(String), 'expected an absolute http(s) URL'] });
    expect(field(sources, 'note')).toMatchObject({ required: false });
  });

  it('makes the taxonomy drop-downs: one topic, several actors and authors', () => {
    const fields = analysisFormFields(settings);
    expect(field(fields, 'topic')).toMatchObject({ widget: 'select', options: [{ value: 'security-issues', label: 'Security issues' }] });
    expect(field(fields, 'actors')).toMatchObject({ widget: 'select', multiple: true, options: [{ value: 'nato', label: 'NATO' }] });
    expect(field(fields, 'authors')).toMatchObject({ widget: 'select', multiple: true });
  });

  it('shows a topic added to the content folder, with its names in every language', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cms-config-'));
    await cp('content', join(dir, 'content'), { recursive: true });
    await writeFile(join(dir, 'content', 'topics', 'energy.yaml'), 'name:\n  en: Energy\n  ru: Энергетика\ndescription: Gas and oil.\norder: 9\n');
    const read = cmsSettings((await loadContent(join(dir, 'content'))).model.context, join(dir, 'content'), {});
    const topics = field(analysisFormFields(read), 'topic')['options'] as { value: string; label: string }[];
    expect(topics.at(-1)).toEqual({ value: 'energy', label: 'Energy / Энергетика' });
    expect(read.contentPath).toBe('content');
  });

  it('finds a text limit by asking the zod schema', () => {
    expect(maxTextLength(textSchema(123))).toBe(123);
  });
});

describe('the file format', () => {
  it('writes the sample analyses back byte for byte', async () => {
    const text = await readFile('content/analyses/ru/2024-01-15-insurance-for-the-ruler.md', 'utf8');
    expect(formatAnalysisFile(parseAnalysisFile(text), FIELD_ORDER)).toBe(text);
    const names = (await readdir('content/analyses/en')).filter((n) => n.endsWith('.md'));
    const same = await Promise.all(
      names.map(async (n) => {
        const t = await readFile(join('content/analyses/en', n), 'utf8');
        return formatAnalysisFile(parseAnalysisFile(t), FIELD_ORDER) === t;
      }),
    );
    // Three sample files quote a URL or order fields otherwise: their values survive, not their spelling.
    expect(same.filter(Boolean).length).toBeGreaterThanOrEqual(same.length - 3);
  });

  it('turns the day picked for a weekly analysis into its Monday-to-Sunday week', () => {
    const weekly = parseAnalysisFile(formatAnalysisFile({ title: 'T', kind: 'weekly', period: { start: '2024-03-13' }, body: 'x' }, FIELD_ORDER));
    expect(weekly['period']).toEqual({ start: '2024-03-11', end: '2024-03-17' });
    const longForm = parseAnalysisFile(formatAnalysisFile({ title: 'T', kind: 'analysis', period: { start: '2024-03-13', end: '2024-04-02' }, body: 'x' }, FIELD_ORDER));
    expect(longForm['period']).toEqual({ start: '2024-03-13', end: '2024-04-02' });
  });

  it('leaves out what the form left blank', () => {
    const text = formatAnalysisFile({ title: 'T', subtitle: '', sources: [], cover: { image: '', credit: '' }, draft: false, body: 'x\n' }, FIELD_ORDER);
    expect(text).toBe('---\ntitle: T\nauthors: []\n---\n\nx\n');
  });
});

describe('the admin page headers', () => {
  it('gives /admin/ its own policy and leaves the pages theirs', async () => {
    const { headerRules } = await import('../../src/host-headers/host-headers.ts');
    const { adminCspHeaderValue, cspHeaderValue } = await import('../../src/host-headers/csp.ts');
    const listing = (path: string) => (path === '' ? [{ name: 'admin', dir: true }, { name: 'analyses', dir: true }] : []);
    const rules = headerRules(listing, []);
    const csp = (path: string) => rules.filter((r) => r.path === path).flatMap((r) => r.headers.filter(([n]) => n === 'Content-Security-Policy').map(([, v]) => v));
    expect(csp('/admin/*')).toEqual([adminCspHeaderValue()]);
    expect(csp('/analyses/*')).toEqual([cspHeaderValue()]);
    expect(adminCspHeaderValue()).not.toContain("'unsafe-eval'");
  });
});
