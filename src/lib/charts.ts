/**
 * Chart geometry, computed at build time with d3-scale and d3-shape: the components only place
 * the numbers in SVG attributes, so pages ship no JavaScript. Pure: no I/O, no clock (Intl is
 * used for tick labels only).
 */
import { scaleBand, scaleLinear, scaleUtc } from 'd3-scale';
import { curveStepAfter, line, stack, symbol, symbolSquare, symbolTriangle } from 'd3-shape';
import type { Trend } from '../schemas/primitives.ts';
import { addDays, dateFormat, daysBetween, parseIsoDate, toIsoDate, type IsoDate } from './dates.ts';
import type { HeatmapYear } from './heatmap.ts';
import { MONTH_KEYS, type MonthCount, type SituationPoint } from './trends.ts';

/** Outer size and margins of a chart, in SVG user units. */
export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** The plot area inside the margins. */
export interface PlotArea {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** An axis tick: its position along the axis and the value it marks. */
export interface Tick<T> {
  pos: number;
  value: T;
}

/** Rounds to one decimal: plenty for SVG and keeps the HTML small. */
function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

function plotArea(frame: ChartFrame): PlotArea {
  return { left: frame.margin.left, right: frame.width - frame.margin.right, top: frame.margin.top, bottom: frame.height - frame.margin.bottom };
}

/**
 * Path data of a verdict's marker centred on (0, 0): a triangle up for better, down for worse,
 * a square for unchanged. The shapes repeat the symbols of the verdict badges (▲ ■ ▼), so no
 * chart relies on colour alone.
 */
export function verdictSymbolPath(trend: Trend, area = 64): string {
  const type = trend === 'unchanged' ? symbolSquare : symbolTriangle;
  const d = symbol(type, area).digits(1)() ?? '';
  // d3 draws the triangle pointing up; mirror it vertically for "worse".
  return trend === 'worse' ? d.replace(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g, (_, x: string, y: string) => `${x},${r1(-Number(y))}`) : d;
}

/** Gap between the plot's edge and the highest or lowest marker. */
const MARKER_INSET = 8;

/** Default frame of the situation-index line chart. */
export const LINE_FRAME: ChartFrame = { width: 720, height: 280, margin: { top: 16, right: 24, bottom: 52, left: 60 } };

/** A point of the line chart, placed. */
export interface PlacedPoint extends SituationPoint {
  x: number;
  y: number;
}

/** Everything the situation-index chart draws. */
export interface LineChart {
  frame: ChartFrame;
  plot: PlotArea;
  /** Path data of the index line. */
  path: string;
  points: PlacedPoint[];
  xTicks: Tick<IsoDate>[];
  yTicks: Tick<number>[];
  /** Vertical position of index 0 (the starting level). */
  zeroY: number;
  /** Days from the first to the last point, for choosing tick labels. */
  spanDays: number;
}

/**
 * Lays out the running situation index: time on x (UTC scale), index on y (linear, integers,
 * always including 0). A single point gets a week either side so it sits mid-chart.
 */
export function situationChart(points: readonly SituationPoint[], frame: ChartFrame = LINE_FRAME): LineChart {
  const plot = plotArea(frame);
  const first = points[0]?.date;
  const last = points.at(-1)?.date;
  const [start, end] = first && last && first !== last ? [first, last] : first ? [addDays(first, -7), addDays(first, 7)] : ['2000-01-03', '2000-01-17'];
  const x = scaleUtc().domain([parseIsoDate(start), parseIsoDate(end)]).range([plot.left, plot.right]);
  const values = points.map((p) => p.value);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const y = scaleLinear()
    .domain(lo === hi ? [-1, 1] : [lo, hi])
    .nice()
    // Inset so markers at the extremes never sit on the axis line.
    .range([plot.bottom - MARKER_INSET, plot.top + MARKER_INSET]);
  const placed = points.map((p) => ({ ...p, x: r1(x(parseIsoDate(p.date))), y: r1(y(p.value)) }));
  const path =
    line<PlacedPoint>()
      .x((p) => p.x)
      .y((p) => p.y)
      // The index holds its level until the next verdict, so the line steps rather than slopes.
      .curve(curveStepAfter)
      .digits(1)(placed) ?? '';
  const [d0, d1] = y.domain() as [number, number];
  const yTicks = y
    .ticks(Math.min(6, Math.max(2, d1 - d0)))
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ pos: r1(y(value)), value }));
  // One verdict: its date is the only tick worth printing.
  const xTicks =
    first && first === last
      ? [{ pos: r1(x(parseIsoDate(first))), value: first }]
      : x.ticks(Math.max(2, Math.floor((plot.right - plot.left) / 80))).map((d) => ({ pos: r1(x(d)), value: toIsoDate(d) }));
  return { frame, plot, path, points: placed, xTicks, yTicks, zeroY: r1(y(0)), spanDays: daysBetween(start, end) };
}

/** A date tick's label: month and year over long spans, the full date over a few months. */
export function dateTickLabel(value: IsoDate, spanDays: number, locale: string): string {
  const opts: Intl.DateTimeFormatOptions = spanDays > 120 ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' };
  return dateFormat(locale, opts).format(parseIsoDate(value));
}

/** A month's label (`YYYY-MM`), with the year when asked (January and the first bar). */
export function monthLabel(month: string, withYear: boolean, locale: string): string {
  const opts: Intl.DateTimeFormatOptions = withYear ? { month: 'short', year: 'numeric', timeZone: 'UTC' } : { month: 'short', timeZone: 'UTC' };
  return dateFormat(locale, opts).format(parseIsoDate(`${month}-01`));
}

/** Horizontal room one short month label needs, in SVG units at the charts' 12px font. */
const MIN_LABEL_GAP = 56;

/** Default frame of the mentions-per-month bar chart. */
export const BAR_FRAME: ChartFrame = { width: 720, height: 260, margin: { top: 16, right: 16, bottom: 52, left: 52 } };

/** One stacked segment of a month's bar. */
export interface BarSegment {
  key: (typeof MONTH_KEYS)[number];
  count: number;
  y: number;
  height: number;
  /** Centre of the segment, where its verdict symbol goes when it fits. */
  cx: number;
  cy: number;
  /** True when the segment is tall and wide enough to carry its verdict symbol. */
  symbol: boolean;
}

/** One month's bar. */
export interface Bar {
  month: string;
  x: number;
  total: number;
  segments: BarSegment[];
}

/** Everything the bar chart draws. */
export interface BarChart {
  frame: ChartFrame;
  plot: PlotArea;
  bandwidth: number;
  bars: Bar[];
  /** Months that get a label, with whether the label shows the year. */
  xTicks: (Tick<string> & { withYear: boolean })[];
  yTicks: Tick<number>[];
}

/**
 * Lays out stacked monthly bars (d3 stack: worse, unchanged, better, no verdict, bottom to
 * top). Labels every month when there is room, else quarters, else Januaries, on a regular
 * grid; the first label carries the year.
 */
export function mentionsChart(months: readonly MonthCount[], frame: ChartFrame = BAR_FRAME): BarChart {
  const plot = plotArea(frame);
  const x = scaleBand<string>()
    .domain(months.map((m) => m.month))
    .range([plot.left, plot.right])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const max = Math.max(1, ...months.map((m) => m.worse + m.unchanged + m.better + m.none));
  const y = scaleLinear().domain([0, max]).nice().range([plot.bottom, plot.top]);
  const series = stack<MonthCount, (typeof MONTH_KEYS)[number]>().keys(MONTH_KEYS)(months);
  const bandwidth = x.bandwidth();
  const bars: Bar[] = months.map((m, i) => {
    const left = x(m.month) ?? plot.left;
    const segments: BarSegment[] = [];
    for (const s of series) {
      const [y0, y1] = s[i] ?? [0, 0];
      if (y1 <= y0) continue;
      const top = y(y1);
      const height = y(y0) - top;
      segments.push({ key: s.key, count: y1 - y0, y: r1(top), height: r1(height), cx: r1(left + bandwidth / 2), cy: r1(top + height / 2), symbol: s.key !== 'none' && height >= 14 && bandwidth >= 12 });
    }
    return { month: m.month, x: r1(left), total: m.worse + m.unchanged + m.better + m.none, segments };
  });
  const step = x.step();
  const every = step >= MIN_LABEL_GAP ? 1 : step * 3 >= MIN_LABEL_GAP ? 3 : 12;
  // Ticks fall on a regular grid of calendar months (every month, quarter or January): the
  // first month gets a label only if it is on that grid, so the spacing never jumps. The first
  // label and every January carry the year.
  const xTicks: BarChart['xTicks'] = [];
  const onGrid = months.filter((m) => (Number(m.month.slice(5)) - 1) % every === 0);
  for (const m of onGrid.length > 0 ? onGrid : months.slice(0, 1)) {
    const pos = r1((x(m.month) ?? 0) + bandwidth / 2);
    xTicks.push({ pos, value: m.month, withYear: xTicks.length === 0 || m.month.endsWith('-01') });
  }
  const [, top] = y.domain() as [number, number];
  const yTicks = y
    .ticks(Math.min(5, top))
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ pos: r1(y(value)), value }));
  return { frame, plot, bandwidth: r1(bandwidth), bars, xTicks, yTicks };
}

/** Cell size and gap of the heatmap, and the width of the topic labels. */
export interface HeatmapFrame {
  cell: number;
  gap: number;
  labelWidth: number;
  /** Height of the month labels above the grid. */
  header: number;
}

/** Everything the heatmap draws. */
export interface HeatmapLayout {
  width: number;
  height: number;
  cell: number;
  /** Left edge of each column, keyed by Monday. */
  columnX: Map<IsoDate, number>;
  /** Top edge of each row, in row order. */
  rowY: number[];
  /** The first week of each month: where month labels go. */
  months: Tick<IsoDate>[];
}

/** Places the heatmap grid with band scales: one column per Monday, one row per topic. */
export function heatmapLayout(year: HeatmapYear, frame: HeatmapFrame): HeatmapLayout {
  const step = frame.cell + frame.gap;
  // n cells and n - 1 gaps: a band scale with that range and inner padding gap/step has this step.
  const width = frame.labelWidth + year.columns.length * step - frame.gap;
  const height = frame.header + year.rows.length * step - frame.gap;
  const x = scaleBand<IsoDate>().domain(year.columns).range([frame.labelWidth, width]).paddingInner(frame.gap / step).paddingOuter(0);
  const y = scaleBand<number>()
    .domain(year.rows.map((_, i) => i))
    .range([frame.header, height])
    .paddingInner(frame.gap / step)
    .paddingOuter(0);
  const columnX = new Map(year.columns.map((c) => [c, r1(x(c) ?? 0)]));
  const months: Tick<IsoDate>[] = [];
  let lastMonth = '';
  for (const c of year.columns) {
    if (c.slice(0, 7) !== lastMonth) months.push({ pos: columnX.get(c) ?? 0, value: c });
    lastMonth = c.slice(0, 7);
  }
  return { width: r1(width), height: r1(height), cell: r1(x.bandwidth()), columnX, rowY: year.rows.map((_, i) => r1(y(i) ?? 0)), months };
}

/** Rough width of a label in SVG user units at `fontSize` (no font metrics at build time). */
export function estimateTextWidth(text: string, fontSize: number): number {
  return Math.ceil([...text].length * fontSize * 0.56);
}
