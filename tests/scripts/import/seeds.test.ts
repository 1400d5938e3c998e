/**
 * The five seed pages (someone else's writing, read from ../shared/seeds at run time and never
 * copied here). Expected metadata comes from the table in ../shared/seeds/README.md; the body is
 * checked against the seed's own lines, located by the landmarks that README describes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import slugify from '@sindresorhus/slugify';
import { describe, expect, it } from 'vitest';
import { type PageResult, parsePage } from '../../../scripts/import/parse-page.ts';
import { analysisSchema } from '../../../src/schemas/analysis.ts';
import { authorSchema } from '../../../src/schemas/taxonomy.ts';
import { parseYamlSource } from '../../../src/content-reader/parse.ts';
import { fixtureTaxonomy, hasSeeds, readBody, SEEDS_DIR } from '../../fixtures/import/helpers.ts';

if (!hasSeeds) console.warn(`\n  NOTICE: seed pages not found in ${SEEDS_DIR}; the seed tests are SKIPPED.\n`);

/** Topic names as the digest prints them -> our topic ids. */
const TOPIC_IDS: Record<string, string> = {
  'The ruling elite': 'ruling-elite',
  'Society and political parties': 'society-political-parties',
  'Security issues': 'security-issues',
  'Belarus-West relations': 'belarus-west-relations',
  'Belarus-Russia relations': 'belarus-russia-relations',
};

/** Verdict labels as the digest prints them -> trend ids. */
const TREND_IDS: Record<string, string> = {
  'The situation got worse': 'worse',
  'The situation has not changed': 'unchanged',
  'The situation has gotten better': 'better',
};

/** Chrome named in the seeds README: none of it may reach a body. */
const CHROME = [
  'You have been successfully subscribed', 'Subscribe to our newsletter', 'Subscribe', 'View all', 'Read more', 'Situation in Belarus',
  'Paylaş', 'This post is also available in', 'Similar Posts', 'Please enter your comment', 'Please enter your name here', 'Must Read',
  'Epaper', 'Power politics', 'BE/RU',
];

/** One row of the README table. */
interface Row {
  file: string;
  kind: string;
  byline: string;
  period?: { start: string; end: string };
  topic?: string;
  trend?: string;
  title: string;
  subtitle?: string;
}

/** Reads the README's table of expected metadata. */
function readTable(): Row[] {
  const readme = readFileSync(join(SEEDS_DIR, 'README.md'), 'utf8');
  return readme
    .split('\n')
    .filter((l) => /^\|\s*\d{3}_\w+\.txt\s*\|/u.test(l))
    .map((l) => {
      const [file = '', kind = '', byline = '', period = '', topic = '', trend = '', titleCell = ''] = l.split('|').slice(1, -1).map((c) => c.trim());
      const row: Row = { file, kind, byline, title: titleCell };
      const p = /^(\d{4}-\d{2}-\d{2}) \.\. (\d{4}-\d{2}-\d{2})$/u.exec(period);
      if (p) row.period = { start: p[1] ?? '', end: p[2] ?? '' };
      if (!topic.startsWith('none')) row.topic = TOPIC_IDS[topic] ?? `unmapped: ${topic}`;
      if (!trend.startsWith('none')) row.trend = TREND_IDS[trend] ?? `unmapped: ${trend}`;
      const t = /^(.*?) \(subtitle: (.*)\)$/u.exec(titleCell);
      if (t) {
        row.title = t[1] ?? '';
        row.subtitle = t[2] ?? '';
      }
      return row;
    });
}

/** The expected author: the byline column's name without its honorific, or none. */
function expectedAuthor(byline: string): { id: string; name: string } | undefined {
  if (byline.startsWith('none')) return undefined;
  const name = byline.replace(/\s*\(.*$/u, '').replace(/^Dr\.?\s+/u, '');
  return { id: slugify(name), name };
}

/** The seed's non-empty lines, trimmed. */
function seedLines(file: string): string[] {
  return readFileSync(join(SEEDS_DIR, file), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/**
 * The seed's body lines, between landmarks the README describes: after the verdict (and the
 * repeated title and credit line under it) on digest pages, after the translation line on 002,
 * after the subtitle on 004; up to the newsletter box, the first note, or the author's name.
 */
function expectedBody(row: Row, lines: string[]): string[] {
  let from: number;
  let to: number;
  if (row.kind === 'weekly') {
    from = lines.findIndex((l) => TREND_IDS[l] !== undefined) + 1;
    if (lines[from] === row.title) from += 2; // the repeated title and the credit under it
    to = lines.indexOf('You have been successfully subscribed');
  } else if (row.subtitle === undefined) {
    from = lines.findIndex((l) => l.startsWith('This post is also available in')) + 1;
    to = lines.findIndex((l) => l.startsWith('[1]'));
  } else {
    from = lines.indexOf(row.subtitle) + 1;
    to = lines.findIndex((l) => l.startsWith('Dr ') || l.startsWith('Dr. '));
  }
  expect(from).toBeGreaterThan(0);
  expect(to).toBeGreaterThan(from);
  return lines.slice(from, to).map((l) => l.replace(/^•\s+/u, ''));
}

/** Imports a seed with the fixture taxonomy. */
function importSeed(file: string, date?: string): PageResult {
  const text = readFileSync(join(SEEDS_DIR, file), 'utf8');
  return parsePage({ file, text, format: 'text' }, fixtureTaxonomy(), date === undefined ? {} : { date });
}

describe.skipIf(!hasSeeds)('seed pages', () => {
  const rows = hasSeeds ? readTable() : [];

  it('the README lists all five seeds', () => {
    expect(rows.map((r) => r.file.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
  });

  for (const row of rows) {
    describe(row.file, () => {
      const date = row.period === undefined ? '2022-10-11' : undefined;

      it('gives exactly the metadata in the README', () => {
        const r = importSeed(row.file, date);
        expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(r.data.kind).toBe(row.kind);
        expect(r.data.title).toBe(row.title);
        expect(r.data.subtitle).toBe(row.subtitle);
        expect(r.data.period).toEqual(row.period);
        expect(r.data.topic).toBe(row.topic);
        expect(r.data.trend).toBe(row.trend);
        const author = expectedAuthor(row.byline);
        expect(r.data.authors).toEqual(author ? [author.id] : []);
        expect(r.authors.map((a) => ({ id: a.id, name: a.name }))).toEqual(author ? [author] : []);
        expect(analysisSchema.safeParse(r.data).success).toBe(true);
      });

      it('keeps every body paragraph in order, as printed, and no chrome', () => {
        const r = importSeed(row.file, date);
        const body = readBody(r.body);
        expect(body.units).toEqual(expectedBody(row, seedLines(row.file)));
        for (const chrome of CHROME) expect(body.units.some((u) => u === chrome || u.startsWith(chrome))).toBe(false);
        expect(body.units).not.toContain(row.title);
      });

      if (row.period === undefined) {
        it('is a draft without a date (none printed), with everything else still extracted', () => {
          const r = importSeed(row.file);
          expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
          expect(r.data).toMatchObject({ title: row.title, draft: true });
          expect(r.data.published).toBeUndefined();
          expect(r.fileName?.startsWith('undated-')).toBe(true);
        });
      }
    });
  }

  it('000: the line under the repeated title is the image credit', () => {
    const lines = seedLines('000_aa3b310f591f2b2f.txt');
    const r = importSeed('000_aa3b310f591f2b2f.txt');
    const title = r.data.title ?? '';
    expect(r.data.cover).toEqual({ credit: lines[lines.lastIndexOf(title) + 1] });
    expect(readBody(r.body).units).toHaveLength(7);
  });

  it('001: image credit, and the source text kept exactly as printed (no "fixed" word pair)', () => {
    const r = importSeed('001_57e9efcc513ef767.txt');
    expect(r.data.cover).toEqual({ credit: 'photo: elements.envato.com' });
    expect(r.body).toContain('Lukashenkabelieves');
  });

  it('002: six notes become sources with URLs and access dates; Ibid. repeats [5]; tr and ru translations', () => {
    const r = importSeed('002_746568a3a54e00c4.txt', '2022-10-11');
    const sources = r.data.sources ?? [];
    expect(sources).toHaveLength(6);
    for (const s of sources) {
      expect(s.url).toMatch(/^https:\/\/\S+$/u);
      expect(s.accessed).toBe('2022-10-11');
      expect(s.outlet).toBeTruthy();
      expect(s.title).toMatch(/\p{Script=Cyrillic}/u);
    }
    expect(sources[5]).toEqual({ ...sources[4], note: 'Ibid.' });
    expect(new Set(sources.slice(0, 5).map((s) => s.url)).size).toBe(5);
    expect([...readBody(r.body).footnotes.keys()]).toEqual(['1', '2', '3', '4', '5', '6']);
    // "[5]" is followed by two space characters in the source; they are kept exactly.
    const gap = /\[5\](\s+)he/u.exec(readFileSync(join(SEEDS_DIR, '002_746568a3a54e00c4.txt'), 'utf8'))?.[1] ?? '?';
    expect(gap).toHaveLength(2);
    expect(r.body).toContain(`[^5]${gap}he`);
    expect(r.availableIn).toEqual(['tr', 'ru']);
  });

  it('002 and 004: new authors are proposed with the printed bio, validated by authorSchema', () => {
    for (const [file, name] of [['002_746568a3a54e00c4.txt', 'Sabir Askeroğlu'], ['004_6fb4968f6a90c025.txt', 'Muhammad Akram Zaheer']] as const) {
      const r = importSeed(file, '2022-10-11');
      const [author] = r.authors;
      expect(author?.isNew).toBe(true);
      const parsed = authorSchema.safeParse(parseYamlSource('x', author?.yaml ?? '').data);
      expect(parsed.success).toBe(true);
      if (parsed.success) {
        expect(parsed.data.name).toBe(name);
        // The proposed file writes the bio once, so every language reads the printed line.
        expect(seedLines(file)).toContain(parsed.data.bio?.en);
        expect(parsed.data.bio).toEqual({ en: parsed.data.bio?.en, be: parsed.data.bio?.en, ru: parsed.data.bio?.en });
      }
      expect(r.body).not.toContain(name);
    }
  });

  it('003: the three bullets become one Markdown list', () => {
    const body = readBody(importSeed('003_19b6b54dda393266.txt').body);
    expect(body.lists).toHaveLength(1);
    expect(body.lists[0]).toHaveLength(3);
    expect(body.types.filter((t) => t === 'list')).toHaveLength(1);
  });

  it('004: the paragraph printed twice is kept twice', () => {
    const units = readBody(importSeed('004_6fb4968f6a90c025.txt', '2024-06-24').body).units;
    const twice = units.filter((u, i) => units.indexOf(u) !== i);
    expect(twice).toHaveLength(1);
  });

  it('actors are detected in every seed (all weekly pages name Lukashenka)', () => {
    for (const row of rows) {
      const actors = importSeed(row.file, '2022-10-11').data.actors ?? [];
      expect(actors).toContain('lukashenka');
      // 001 says "promised us" twice: the pronoun is not the United States.
      if (row.file.startsWith('001')) expect(actors).not.toContain('united-states');
    }
    expect(importSeed('002_746568a3a54e00c4.txt', '2022-10-11').data.actors).toEqual(expect.arrayContaining(['putin', 'stano', 'nato', 'eu', 'cis', 'poland']));
  });
});
