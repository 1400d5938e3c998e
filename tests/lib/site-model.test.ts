import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContentTree } from '../helpers/content-tree.ts';
import { parseYamlSource } from '../../src/content-reader/parse.ts';
import { buildSiteModel, ContentError, key, relatedAnalyses, topicNeighbours, translationsOf, trendCounts, type SiteModel } from '../../src/lib/site-model.ts';
import { validateContent } from '../../src/content-reader/index.ts';
import { siteSchema } from '../../src/schemas/site.ts';
import { actorSchema, authorSchema, topicSchema } from '../../src/schemas/taxonomy.ts';
import { ALPHA_WEEKS, FIRST_MONDAY, writeFixtureContent } from '../helpers/fixture-content.ts';

let dir: string;
let input: Parameters<typeof buildSiteModel>[0];
let model: SiteModel;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'barometer-model-'));
  await writeFixtureContent(join(dir, 'content'));
  const files = await readContentTree(relative(process.cwd(), join(dir, 'content')));
  const root = relative(process.cwd(), join(dir, 'content'));
  const report = validateContent(files, root);
  expect(report.problems).toEqual([]);
  const yaml = (prefix: string) => files.filter((f) => f.path.startsWith(`${root}/${prefix}/`)).map((f) => ({ id: f.path.split('/').at(-1)?.replace('.yaml', '') ?? '', data: parseYamlSource(f.path, new TextDecoder().decode(f.bytes)).data }));
  const site = parseYamlSource('site.yaml', new TextDecoder().decode(files.find((f) => f.path.endsWith('/site.yaml'))?.bytes));
  input = {
    analyses: report.analyses.map((a) => ({ id: a.file.slice(`${root}/analyses/`.length).replace(/\.md$/, ''), data: a.data })),
    topics: yaml('topics').map((e) => ({ id: e.id, data: topicSchema.parse(e.data) })),
    actors: yaml('actors').map((e) => ({ id: e.id, data: actorSchema.parse(e.data) })),
    authors: yaml('authors').map((e) => ({ id: e.id, data: authorSchema.parse(e.data) })),
    site: siteSchema.parse(site.data),
  };
  model = buildSiteModel(input);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('buildSiteModel', () => {
  it("gives a record a new digest when its cover image is replaced, not only when its file changes", () => {
    const first = input.analyses[0];
    if (!first) throw new Error('no analyses in the fixture');
    /** The record digest of the first analysis with the given file digest and cover image. */
    const digestWith = (digest: string, image: unknown) => {
      const data = { ...first.data, cover: { credit: 'Illustration', alt: 'An invented picture', image } } as typeof first.data;
      return buildSiteModel({ ...input, analyses: [{ ...first, digest, data }, ...input.analyses.slice(1)] }).byId.get(first.id)?.digest;
    };
    // As Astro hands it over: image metadata whose URL carries a hash of the file.
    const before = digestWith('d1', { src: '/_astro/cover.AAAA.jpg', width: 800, height: 600, format: 'jpg' });
    expect(digestWith('d1', { src: '/_astro/cover.BBBB.jpg', width: 800, height: 600, format: 'jpg' })).not.toBe(before);
    expect(digestWith('d1', { src: '/_astro/cover.AAAA.jpg', width: 800, height: 600, format: 'jpg' })).toBe(before);
    expect(digestWith('d2', { src: '/_astro/cover.AAAA.jpg', width: 800, height: 600, format: 'jpg' })).not.toBe(before);
  });

  it('lists each language newest first and leaves drafts out', () => {
    const en = model.byLang.get('en') ?? [];
    expect(en.map((r) => r.slug)).not.toContain('2023-03-01-draft');
    expect(en.map((r) => r.slug)).not.toContain('undated-draft');
    const dates = en.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(en).toHaveLength(ALPHA_WEEKS + 2);
    expect(model.byLang.get('ru')).toHaveLength(1);
  });

  it('orders a week by topic order and lists weeks newest first', () => {
    expect((model.byWeek.get(key('en', FIRST_MONDAY)) ?? []).map((r) => r.data.topic)).toEqual(['alpha', 'beta']);
    const weeks = model.weeks.get('en') ?? [];
    expect(weeks).toHaveLength(ALPHA_WEEKS);
    expect(weeks.at(-1)).toBe(FIRST_MONDAY);
  });

  it('groups by topic, actor, author and verdict per language', () => {
    expect(model.byTopic.get(key('en', 'alpha'))).toHaveLength(ALPHA_WEEKS);
    expect(model.byActor.get(key('en', 'union'))?.map((r) => r.slug)).toEqual(['2023-02-01-long-read']);
    expect(model.byAuthor.get(key('en', 'bo-scribe'))?.map((r) => r.slug)).toEqual(['2023-02-01-long-read', '2023-01-02-alpha']);
    const counts = trendCounts(model.byTopic.get(key('en', 'alpha')) ?? []);
    expect(counts.worse + counts.unchanged + counts.better).toBe(ALPHA_WEEKS);
    expect(model.byTrend.get(key('en', 'better'))?.every((r) => r.data.trend === 'better')).toBe(true);
  });

  it('links neighbours on a topic and translations', () => {
    const first = model.byId.get('en/2023-01-02-alpha');
    const second = model.byId.get('en/2023-01-09-alpha');
    if (!first || !second) throw new Error('fixture analyses missing');
    expect(topicNeighbours(model, first)).toEqual({ newer: second });
    expect(topicNeighbours(model, second).older).toBe(first);
    expect(translationsOf(model, first).map((r) => r.url)).toEqual(['/ru/analyses/2023-01-02-alpha/']);
  });

  it('finds related analyses without including the analysis itself', () => {
    const r = model.byId.get('en/2023-01-16-alpha');
    if (!r) throw new Error('fixture analysis missing');
    const related = relatedAnalyses(model, r);
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(4);
    expect(related.map((x) => x.id)).not.toContain(r.id);
    expect(related.every((x) => x.lang === 'en')).toBe(true);
  });

  it('reads language and slug from the entry id, and refuses an id outside a language folder', () => {
    for (const r of model.byId.values()) expect(r.id).toBe(`${r.lang}/${r.slug}`);
    const misplaced = structuredClone(input);
    const [a] = misplaced.analyses;
    if (!a) throw new Error('fixture too small');
    a.id = `de/${a.id.split('/').at(-1) ?? ''}`;
    expect(() => buildSiteModel(misplaced)).toThrow(ContentError);
  });

  it('builds translations that disagree on their verdict (the content reader warns; a warning stops no build)', () => {
    const disagreeing = structuredClone(input);
    const translated = disagreeing.analyses.filter((a) => a.data.translationKey !== undefined);
    const other = translated.find((a) => a.id.startsWith('ru/'));
    if (translated.length < 2 || !other) throw new Error('fixture has no translation');
    other.data.trend = other.data.trend === 'worse' ? 'better' : 'worse';
    expect(() => buildSiteModel(disagreeing)).not.toThrow();
  });
});
