/**
 * The verdict heatmap: the columns of a year, the cells of synthetic records, and, for the real
 * sample corpus, every cell equal to the verdicts the content gives.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mondayOf, yearOf } from '../../src/lib/dates.ts';
import { buildHeatmap, mondaysOfYear } from '../../src/lib/heatmap.ts';
import type { AnalysisRecord } from '../../src/lib/site-model.ts';
import type { Trend } from '../../src/schemas/primitives.ts';
import { loadContent, type LoadedContent } from '../helpers/content-model.ts';
import { sitePaths } from '../../src/lib/site-paths.ts';

/** A weekly record with just what the heatmap reads. */
function weekly(monday: string, topic: string, trend: Trend, slug = `${monday}-${topic}`): AnalysisRecord {
  return {
    id: `en/${slug}`,
    lang: 'en',
    slug,
    date: monday,
    week: monday,
    url: sitePaths('en').analysis('en', slug),
    digest: slug,
    data: { title: slug, summary: 's', kind: 'weekly', topic, trend, authors: [], actors: [], sources: [], draft: false, period: { start: monday, end: monday } },
  };
}

describe('mondaysOfYear', () => {
  it('lists the Mondays of a year, 52 or 53', () => {
    const y2023 = mondaysOfYear(2023);
    expect(y2023).toHaveLength(52);
    expect(y2023[0]).toBe('2023-01-02');
    expect(y2023.at(-1)).toBe('2023-12-25');
    const y2024 = mondaysOfYear(2024);
    expect(y2024).toHaveLength(53);
    expect(y2024[0]).toBe('2024-01-01');
    expect(y2024.at(-1)).toBe('2024-12-30');
  });

  it('gives consecutive Mondays of that year only', () => {
    for (const year of [2019, 2020, 2021, 2022, 2026, 2028]) {
      const list = mondaysOfYear(year);
      for (const m of list) {
        expect(mondayOf(m)).toBe(m);
        expect(yearOf(m)).toBe(year);
      }
      expect(yearOf(mondayOf(`${year}-01-01`)) < year || list[0] === `${year}-01-01`).toBe(true);
    }
  });
});

describe('buildHeatmap', () => {
  const records = [
    weekly('2024-01-08', 'beta', 'better'),
    weekly('2024-01-01', 'alpha', 'worse'),
    weekly('2024-01-01', 'alpha', 'unchanged', 'second-alpha'),
    weekly('2023-12-25', 'alpha', 'better'),
    weekly('2023-12-25', 'gamma', 'worse'),
    { ...weekly('2023-06-05', 'alpha', 'worse'), week: undefined, data: { ...weekly('2023-06-05', 'alpha', 'worse').data, kind: 'analysis' as const, trend: undefined } },
  ];
  const heatmap = buildHeatmap(records, ['alpha', 'beta']);

  it('has the years with weekly analyses, newest first', () => {
    expect(heatmap.years).toEqual([2024, 2023]);
  });

  it('puts each verdict in its topic row and week column, all topics as rows', () => {
    const y = heatmap.byYear.get(2024);
    expect(y?.rows.map((r) => r.topic)).toEqual(['alpha', 'beta']);
    expect(y?.rows[0]?.cells.get('2024-01-01')?.map((e) => e.trend)).toEqual(['worse', 'unchanged']);
    expect(y?.rows[1]?.cells.get('2024-01-08')?.map((e) => e.url)).toEqual(['/analyses/2024-01-08-beta/']);
    expect(y?.covered).toEqual(['2024-01-01', '2024-01-08']);
    expect(y?.columns).toEqual(mondaysOfYear(2024));
  });

  it('skips long-form pieces and topics not listed', () => {
    const y = heatmap.byYear.get(2023);
    expect(y?.covered).toEqual(['2023-12-25']);
    expect(y?.rows[0]?.cells.size).toBe(1);
    expect(y?.rows[1]?.cells.size).toBe(0);
  });
});

describe('the sample corpus heatmap', () => {
  let content: LoadedContent;
  beforeAll(async () => {
    content = await loadContent();
  });

  it('has exactly the verdicts the content gives, cell by cell, in every language', () => {
    const { model, report } = content;
    const topicIds = [...model.topics.keys()];
    for (const lang of model.languages) {
      const heatmap = buildHeatmap(model.byLang.get(lang) ?? [], topicIds);
      // What the content says, straight from the validated frontmatter.
      const expected = new Map<string, Trend[]>();
      for (const a of report.analyses) {
        if (a.lang !== lang || a.data.draft || a.data.kind !== 'weekly' || !a.data.period || !a.data.topic || !a.data.trend) continue;
        const k = `${a.data.topic}|${mondayOf(a.data.period.start)}`;
        expected.set(k, [...(expected.get(k) ?? []), a.data.trend]);
      }
      const actual = new Map<string, Trend[]>();
      for (const year of heatmap.years) {
        for (const row of heatmap.byYear.get(year)?.rows ?? []) {
          for (const [monday, entries] of row.cells) {
            expect(yearOf(monday)).toBe(year);
            actual.set(`${row.topic}|${monday}`, entries.map((e) => e.trend).sort());
          }
        }
      }
      for (const [k, v] of expected) expected.set(k, v.sort());
      expect(actual, lang).toEqual(expected);
      expect(expected.size).toBeGreaterThan(lang === 'en' ? 20 : 2);
    }
  });

  it('spans the sample years, newest first', () => {
    const heatmap = buildHeatmap(content.model.byLang.get('en') ?? [], [...content.model.topics.keys()]);
    expect(heatmap.years).toEqual([2024, 2023, 2022]);
  });
});
