/** Chart geometry: markers, scales and ticks of the line chart, stacking of the bars, the heatmap grid. */
import { describe, expect, it } from 'vitest';
import { dateTickLabel, mentionsChart, monthLabel, scrollCueClass, situationChart, verdictSymbolPath } from '../../src/lib/charts.ts';
import type { SituationPoint } from '../../src/lib/trends.ts';

const point = (date: string, trend: SituationPoint['trend'], value: number): SituationPoint => ({ date, trend, value, url: `/a/${date}/`, title: date });

describe('verdictSymbolPath', () => {
  it('draws better pointing up, worse pointing down (mirrored) and unchanged as a square', () => {
    const ys = (d: string) => [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
    const up = verdictSymbolPath('better');
    const down = verdictSymbolPath('worse');
    // The apex is the single most extreme vertex: up has it at the top (most negative y).
    expect(Math.min(...ys(up))).toBeLessThan(-Math.max(...ys(up)));
    expect(ys(down)).toEqual(ys(up).map((y) => -y));
    expect(verdictSymbolPath('unchanged')).toMatch(/^M-?[\d.]+,-?[\d.]+h[\d.]+v[\d.]+h-[\d.]+Z$/);
  });
});

describe('situationChart', () => {
  const chart = situationChart([point('2022-01-03', 'worse', -1), point('2022-06-06', 'worse', -2), point('2023-01-02', 'better', -1), point('2023-06-05', 'better', 0)]);

  it('places time left to right in percent of the plot\'s width and higher index values higher', () => {
    const xs = chart.points.map((p) => p.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBe(2);
    expect(xs.at(-1)).toBe(98);
    const [a, b, c, d] = chart.points;
    expect(b && a && b.y > a.y).toBe(true);
    expect(c?.y).toBe(a?.y);
    expect(d?.y).toBe(chart.zeroY);
  });

  it('has integer y ticks including 0, dated x ticks and a stepped line through every point', () => {
    expect(chart.yTicks.map((t) => t.value)).toContain(0);
    expect(chart.yTicks.every((t) => Number.isInteger(t.value))).toBe(true);
    expect(chart.xTicks.length).toBeGreaterThanOrEqual(2);
    for (const t of chart.xTicks) expect(t.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Stepped: every segment is horizontal or vertical, joined end to start, and every point is a vertex.
    const segs = chart.segments;
    for (const l of segs) expect(l.x1 === l.x2 || l.y1 === l.y2, JSON.stringify(l)).toBe(true);
    for (let i = 1; i < segs.length; i += 1) expect([segs[i]?.x1, segs[i]?.y1]).toEqual([segs[i - 1]?.x2, segs[i - 1]?.y2]);
    const vertices = [[segs[0]?.x1, segs[0]?.y1], ...segs.map((l) => [l.x2, l.y2])];
    for (const p of chart.points) expect(vertices).toContainEqual([p.x, p.y]);
  });

  it('centres a single verdict with one tick at its date', () => {
    const one = situationChart([point('2024-07-01', 'better', 1)]);
    expect(one.points[0]?.x).toBe(50);
    expect(one.xTicks.map((t) => t.value)).toEqual(['2024-07-01']);
    expect(one.yTicks.map((t) => t.value)).toContain(0);
  });

  it('labels ticks in the page language', () => {
    expect(dateTickLabel('2024-07-01', 400, 'en-US')).toBe('Jul 2024');
    expect(dateTickLabel('2024-07-01', 400, 'ru-RU')).toMatch(/июл/);
    expect(monthLabel('2024-01', true, 'be-BY')).toMatch(/2024/);
  });
});

describe('mentionsChart', () => {
  it('keeps a short series to bars of a normal width, centred, not one bar across the plot', () => {
    const one = mentionsChart([{ month: '2022-08', worse: 1, unchanged: 0, better: 0, none: 0 }]);
    expect(one.bandwidth).toBeLessThan(100 / 6);
    expect(one.bars[0]?.cx).toBeCloseTo(50, 0);
    const many = mentionsChart(Array.from({ length: 12 }, (_, i) => ({ month: `2022-${String(i + 1).padStart(2, '0')}`, worse: 1, unchanged: 0, better: 0, none: 0 })));
    expect(many.bars[0]?.x).toBeLessThan(5);
  });

  const months = [
    { month: '2024-01', worse: 2, unchanged: 1, better: 0, none: 1 },
    { month: '2024-02', worse: 0, unchanged: 0, better: 0, none: 0 },
    { month: '2024-03', worse: 0, unchanged: 0, better: 3, none: 0 },
  ];
  const chart = mentionsChart(months);

  it('stacks each month to its total, bottom to top in verdict order', () => {
    const [jan, feb, mar] = chart.bars;
    expect(jan?.segments.map((s) => [s.key, s.count])).toEqual([
      ['worse', 2],
      ['unchanged', 1],
      ['none', 1],
    ]);
    expect(feb?.segments).toEqual([]);
    expect(mar?.total).toBe(3);
    // Segments touch: each starts where the one below ends.
    const segs = jan?.segments ?? [];
    for (let i = 1; i < segs.length; i += 1) expect((segs[i]?.y ?? 0) + (segs[i]?.height ?? 0)).toBeCloseTo(segs[i - 1]?.y ?? 0, 0);
    expect((segs[0]?.y ?? 0) + (segs[0]?.height ?? 0)).toBeCloseTo(chart.frame.bottom, 0);
  });

  it('labels the first month with its year and uses integer counts', () => {
    expect(chart.xTicks[0]).toMatchObject({ value: '2024-01', withYear: true });
    expect(chart.yTicks.every((t) => Number.isInteger(t.value))).toBe(true);
    expect(chart.yTicks.map((t) => t.value)).toContain(0);
  });

  it('keeps month labels apart over long ranges', () => {
    const long = Array.from({ length: 40 }, (_, i) => ({ month: `${2020 + Math.floor((i + 1) / 12)}-${String(((i + 1) % 12) + 1).padStart(2, '0')}`, worse: 1, unchanged: 0, better: 0, none: 0 }));
    const chart = mentionsChart(long);
    const ticks = chart.xTicks;
    // Positions are percentages of the plot's width: at its narrowest, labels are 40 px apart or more.
    for (let i = 1; i < ticks.length; i += 1) expect((((ticks[i]?.pos ?? 0) - (ticks[i - 1]?.pos ?? 0)) / 100) * chart.frame.minWidth).toBeGreaterThanOrEqual(40);
  });

  it('spaces month ticks regularly, even when the first month is off the grid (issue 13)', () => {
    // February 2022 to May 2025: quarters or Januaries, never "Feb 2022" squeezed before the grid.
    const long = Array.from({ length: 40 }, (_, i) => ({ month: `${2022 + Math.floor((i + 1) / 12)}-${String(((i + 1) % 12) + 1).padStart(2, '0')}`, worse: 1, unchanged: 0, better: 0, none: 0 }));
    const ticks = mentionsChart(long).xTicks;
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    const gaps = ticks.slice(1).map((t, i) => Math.round((t.pos - (ticks[i]?.pos ?? 0)) * 10));
    expect(new Set(gaps).size).toBe(1);
    expect(ticks[0]?.withYear).toBe(true);
    const monthsApart = ticks.slice(1).map((t, i) => (Number(t.value.slice(0, 4)) - Number(ticks[i]?.value.slice(0, 4))) * 12 + Number(t.value.slice(5)) - Number(ticks[i]?.value.slice(5)));
    expect(new Set(monthsApart).size).toBe(1);
  });
});

describe('the plot\'s width', () => {
  it('grows with the data, so a long record scrolls on a phone and a short one fills it', () => {
    const weekly = (n: number) => Array.from({ length: n }, (_, i) => point(new Date(Date.UTC(2020, 0, 6 + i * 7)).toISOString().slice(0, 10), 'worse', -i - 1));
    expect(situationChart(weekly(4)).frame.minWidth).toBe(300);
    expect(situationChart(weekly(157)).frame.minWidth).toBe(780);
    const months = (n: number) => Array.from({ length: n }, (_, i) => ({ month: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, worse: 1, unchanged: 0, better: 0, none: 0 }));
    expect(mentionsChart(months(3)).frame.minWidth).toBe(300);
    expect(mentionsChart(months(30)).frame.minWidth).toBe(720);
  });

  it('shows the scroll cue only below the widths where the plot scrolls', () => {
    // Plot 300 px + y-axis 56 + page padding 32 = 388 px: it fits a 390 px phone, not a 360 px one.
    expect(scrollCueClass(300)).toBe('cue-below-360');
    expect(scrollCueClass(250)).toBeUndefined();
    expect(scrollCueClass(780)).toBe('cue-below-768');
    expect(scrollCueClass(2000)).toBe('cue-always');
  });
});
