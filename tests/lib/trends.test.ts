/** The situation index and the monthly mention counts, on hand-computed data and on the sample corpus. */
import { beforeAll, describe, expect, it } from 'vitest';
import { key } from '../../src/lib/site-model.ts';
import { monthlyMentions, monthsBetween, situationIndex, situationSeries, type VerdictRecord } from '../../src/lib/trends.ts';
import type { Trend } from '../../src/schemas/primitives.ts';
import { loadContent, type LoadedContent } from '../helpers/content-model.ts';

const rec = (date: string, trend?: Trend, slug = date): VerdictRecord => ({ date, slug, url: `/analyses/${slug}/`, data: { title: slug, trend } });

describe('situationIndex', () => {
  it('adds better +1, unchanged 0, worse -1 cumulatively', () => {
    expect(situationIndex(['worse', 'worse', 'better', 'unchanged', 'better', 'better'])).toEqual([-1, -2, -1, -1, 0, 1]);
    expect(situationIndex([])).toEqual([]);
  });
});

describe('situationSeries', () => {
  it('orders oldest first, skips analyses without a verdict and keeps the running total', () => {
    const series = situationSeries([rec('2024-03-04', 'better'), rec('2024-02-01'), rec('2024-01-01', 'worse'), rec('2024-02-05', 'unchanged')]);
    expect(series.map((p) => [p.date, p.trend, p.value])).toEqual([
      ['2024-01-01', 'worse', -1],
      ['2024-02-05', 'unchanged', -1],
      ['2024-03-04', 'better', 0],
    ]);
    expect(series[0]?.url).toBe('/analyses/2024-01-01/');
  });

  describe('on the sample corpus', () => {
    let content: LoadedContent;
    beforeAll(async () => {
      content = await loadContent();
    });

    it('matches the hand-computed index of Belarus-West relations', () => {
      // 2022-08-29 worse, 2023-02-27 worse, 2024-07-01 better, 2024-10-07 unchanged.
      const series = situationSeries(content.model.byTopic.get(key('en', 'belarus-west-relations')) ?? []);
      expect(series.map((p) => [p.date, p.trend, p.value])).toEqual([
        ['2022-08-29', 'worse', -1],
        ['2023-02-27', 'worse', -2],
        ['2024-07-01', 'better', -1],
        ['2024-10-07', 'unchanged', -1],
      ]);
    });
  });
});

describe('monthsBetween', () => {
  it('lists every month, across years', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
    expect(monthsBetween('2024-05', '2024-05')).toEqual(['2024-05']);
  });
});

describe('monthlyMentions', () => {
  it('counts per month by verdict, long-form as none, empty months included', () => {
    const months = monthlyMentions([rec('2024-03-04', 'better'), rec('2024-01-08', 'worse'), rec('2024-01-15', 'worse'), rec('2024-01-20')]);
    expect(months).toEqual([
      { month: '2024-01', worse: 2, unchanged: 0, better: 0, none: 1 },
      { month: '2024-02', worse: 0, unchanged: 0, better: 0, none: 0 },
      { month: '2024-03', worse: 0, unchanged: 0, better: 1, none: 0 },
    ]);
    expect(monthlyMentions([])).toEqual([]);
  });
});
