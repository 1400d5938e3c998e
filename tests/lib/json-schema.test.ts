/**
 * The frontmatter JSON Schema: valid draft-07 that accepts every sample frontmatter and rejects
 * bad ones, checked with Ajv (the validator editors' tooling uses).
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysisJsonSchema, FIELD_DESCRIPTIONS } from '../../src/open-data/json-schema.ts';
import { analysisFields } from '../../src/schemas/analysis.ts';
import { loadContent, type LoadedContent } from '../helpers/content-model.ts';

// ajv-formats is CommonJS: its default export arrives wrapped once more under ESM.
const addFormats = (addFormatsModule as unknown as { default: typeof addFormatsModule }).default ?? addFormatsModule;

const schema = analysisJsonSchema('https://barometer.example.org/data/analysis.schema.json');
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const good = { title: 'T', summary: 'S.', kind: 'weekly', period: { start: '2024-01-01', end: '2024-01-07' }, topic: 'alpha', trend: 'worse' };

describe('analysis.schema.json', () => {
  let content: LoadedContent;
  beforeAll(async () => {
    content = await loadContent();
  });

  it('is a draft-07 schema with its $id, every field described, no unknown fields allowed', () => {
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['$id']).toBe('https://barometer.example.org/data/analysis.schema.json');
    expect(schema['additionalProperties']).toBe(false);
    const props = schema['properties'] as Record<string, { description?: string }>;
    expect(Object.keys(props).sort()).toEqual(Object.keys(analysisFields).sort());
    for (const field of Object.keys(FIELD_DESCRIPTIONS)) expect(props[field]?.description, field).toBeTruthy();
    expect(schema['required']).toEqual(['title', 'summary', 'kind']);
  });

  it('accepts every sample frontmatter', () => {
    expect(content.frontmatter.size).toBeGreaterThanOrEqual(24);
    for (const [file, data] of content.frontmatter) expect(validate(data) ? [] : validate.errors, file).toEqual([]);
  });

  it('accepts a minimal weekly and a minimal long-form frontmatter', () => {
    expect(validate(good)).toBe(true);
    expect(validate({ title: 'T', summary: 'S.', kind: 'opinion', published: '2024-02-01' })).toBe(true);
    expect(validate({ title: 'T', summary: 'S.', kind: 'opinion', draft: true })).toBe(true);
  });

  it.each([
    ['an unknown field', { ...good, auhtors: [] }],
    ['an unknown verdict', { ...good, trend: 'awful' }],
    ['a date not written YYYY-MM-DD', { ...good, period: { start: '1 Jan 2024', end: '2024-01-07' } }],
    ['an impossible date', { ...good, period: { start: '2024-02-30', end: '2024-03-03' } }],
    ['a weekly analysis without a verdict', { title: 'T', summary: 'S.', kind: 'weekly', period: good.period, topic: 'alpha' }],
    ['a verdict on an opinion piece', { title: 'T', summary: 'S.', kind: 'opinion', published: '2024-02-01', trend: 'better' }],
    ['neither period nor publication date', { title: 'T', summary: 'S.', kind: 'analysis' }],
    ['neither period nor publication date in a published piece', { title: 'T', summary: 'S.', kind: 'analysis', draft: false }],
    ['a javascript: source URL', { ...good, sources: [{ title: 'x', url: 'javascript:alert(1)' }] }],
    ['an id with capitals', { ...good, actors: ['Lukashenka'] }],
    ['a missing title', { summary: 'S.', kind: 'opinion', published: '2024-02-01' }],
  ])('rejects %s', (_, data) => {
    expect(validate(data)).toBe(false);
  });
});
