/**
 * Chart geometry, computed at build time with d3-scale and d3-shape: the components only place
 * the numbers in SVG attributes, so pages ship no JavaScript. Pure: no I/O, no clock (Intl is
 * used for tick labels only).
 */
import { scaleBand, scaleLinear, scaleUtc } from 'd3-scale';
import { stack, symbol, symbolSquare, symbolTriangle } from 'd3-shape';
import type { Trend } from '../schemas/primitives.ts';
import { addDays, dateFormat, daysBetween, parseIsoDate, toIsoDate, type IsoDate } from './dates.ts';
import { MONTH_KEYS, type MonthCount, type SituationPoint } from './trends.ts';

/**
 * The frame every chart shares. The y-axis is drawn apart from the plot, in a column that stays in
 * place while the plot scrolls; the plot has a fixed height and takes the width it is given (the
 * text column at desktop width, at least `minWidth` on a phone, where it scrolls), so x positions
 * are percentages of its width and y positions pixels. Text and markers are never stretched.
 */
export interface ChartFrame {
  /** Height of the plot (and of the y-axis column), px. */
  height: number;
  /** Top and bottom of the plotting area inside it, px (the x labels sit under `bottom`). */
  top: number;
  bottom: number;
  /** Narrowest the plot is drawn, px: its marks and labels stay apart at this width. */
  minWidth: number;
}

/** Width of the y-axis column, px. */
export const Y_AXIS_WIDTH = 56;

/** An axis tick: its position along the axis and the value it marks. */
export interface Tick<T> {
  pos: number;
  value: T;
}

/** Rounds to one decimal: plenty for SVG and keeps the HTML small. */
function r1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Rounds a percentage to two decimals (a hundredth of a percent of 4,000 px is under a pixel). */
function r2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Share of the plot's width kept free at either end, so the first and last markers are whole. */
const X_INSET = 2;

/** Horizontal room one tick label needs at the narrowest width, px. */
const TICK_ROOM = 80;

/** The narrowest a plot is drawn, however few its data: it then fills a phone's screen. */
const MIN_PLOT_WIDTH = 300;

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

/** Pixels per week of a situation chart at its narrowest: a year is 260 px. */
const PX_PER_WEEK = 5;

/** Frame of the situation-index line chart (its `minWidth` follows the data). */
export const LINE_FRAME: Omit<ChartFrame, 'minWidth'> = { height: 260, top: 16, bottom: 228 };

/** A point of the line chart, placed: x in percent of the plot's width, y in px. */
export interface PlacedPoint extends SituationPoint {
  x: number;
  y: number;
}

/** One straight piece of the stepped line: x in percent, y in px. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Everything the situation-index chart draws. */
export interface LineChart {
  frame: ChartFrame;
  /** The stepped index line, as horizontal and vertical pieces. */
  segments: Segment[];
  points: PlacedPoint[];
  xTicks: Tick<IsoDate>[];
  yTicks: Tick<number>[];
  /** Vertical position of index 0 (the starting level). */
  zeroY: number;
  /** Days from the first to the last point, for choosing tick labels. */
  spanDays: number;
}

/**
 * Lays out the running situation index: time on x (UTC scale, percent), index on y (linear,
 * integers, always including 0). A single point gets a week either side so it sits mid-chart.
 * The narrowest width grows with the time covered, so weeks never crowd on a phone.
 */
export function situationChart(points: readonly SituationPoint[], base: Omit<ChartFrame, 'minWidth'> = LINE_FRAME): LineChart {
  const first = points[0]?.date;
  const last = points.at(-1)?.date;
  const [start, end] = first && last && first !== last ? [first, last] : first ? [addDays(first, -7), addDays(first, 7)] : ['2000-01-03', '2000-01-17'];
  const spanDays = daysBetween(start, end);
  const frame: ChartFrame = { ...base, minWidth: Math.max(MIN_PLOT_WIDTH, Math.round((spanDays / 7) * PX_PER_WEEK)) };
  const x = scaleUtc().domain([parseIsoDate(start), parseIsoDate(end)]).range([X_INSET, 100 - X_INSET]);
  const values = points.map((p) => p.value);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const y = scaleLinear()
    .domain(lo === hi ? [-1, 1] : [lo, hi])
    .nice()
    // Inset so markers at the extremes never sit on the axis line.
    .range([frame.bottom - MARKER_INSET, frame.top + MARKER_INSET]);
  const placed = points.map((p) => ({ ...p, x: r2(x(parseIsoDate(p.date))), y: r1(y(p.value)) }));
  // The index holds its level until the next verdict, so the line steps rather than slopes.
  const segments: Segment[] = placed.slice(1).flatMap((p, i) => {
    const prev = placed[i] ?? p;
    return [
      { x1: prev.x, y1: prev.y, x2: p.x, y2: prev.y },
      ...(p.y === prev.y ? [] : [{ x1: p.x, y1: prev.y, x2: p.x, y2: p.y }]),
    ];
  });
  const [d0, d1] = y.domain() as [number, number];
  const yTicks = y
    .ticks(Math.min(6, Math.max(2, d1 - d0)))
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ pos: r1(y(value)), value }));
  // One verdict: its date is the only tick worth printing.
  const xTicks =
    first && first === last
      ? [{ pos: r2(x(parseIsoDate(first))), value: first }]
      : x.ticks(Math.max(2, Math.floor(frame.minWidth / TICK_ROOM))).map((d) => ({ pos: r2(x(d)), value: toIsoDate(d) }));
  return { frame, segments, points: placed, xTicks, yTicks, zeroY: r1(y(0)), spanDays };
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

/** Horizontal room one short month label needs, px. */
const MIN_LABEL_GAP = 56;

/** Pixels per month of the mentions chart at its narrowest: bars stay wide enough for a symbol. */
const PX_PER_MONTH = 24;

/** The bar chart lays out at least this many months' room, so one or two months do not fill the plot. */
const MIN_BAR_SLOTS = 6;

/** Frame of the mentions-per-month bar chart (its `minWidth` follows the data). */
export const BAR_FRAME: Omit<ChartFrame, 'minWidth'> = { height: 240, top: 16, bottom: 212 };

/** One stacked segment of a month's bar (y in px). */
export interface BarSegment {
  key: (typeof MONTH_KEYS)[number];
  count: number;
  y: number;
  height: number;
  /** Vertical centre of the segment, where its verdict symbol goes when it fits. */
  cy: number;
  /** True when the segment is tall and wide enough to carry its verdict symbol. */
  symbol: boolean;
}

/** One month's bar: its left edge and centre in percent of the plot's width. */
export interface Bar {
  month: string;
  x: number;
  cx: number;
  total: number;
  segments: BarSegment[];
}

/** Everything the bar chart draws. */
export interface BarChart {
  frame: ChartFrame;
  /** Width of a bar, percent of the plot's width. */
  bandwidth: number;
  bars: Bar[];
  /** Months that get a label (position in percent), with whether the label shows the year. */
  xTicks: (Tick<string> & { withYear: boolean })[];
  yTicks: Tick<number>[];
}

/**
 * Lays out stacked monthly bars (d3 stack: worse, unchanged, better, no verdict, bottom to
 * top). Labels every month when there is room at the narrowest width, else quarters, else
 * Januaries, on a regular grid; the first label carries the year.
 */
export function mentionsChart(months: readonly MonthCount[], base: Omit<ChartFrame, 'minWidth'> = BAR_FRAME): BarChart {
  const frame: ChartFrame = { ...base, minWidth: Math.max(MIN_PLOT_WIDTH, months.length * PX_PER_MONTH) };
  // A short series keeps bars of a normal width, centred, instead of one bar the width of the column.
  const span = (Math.min(months.length, MIN_BAR_SLOTS) / MIN_BAR_SLOTS) * 100;
  const x = scaleBand<string>()
    .domain(months.map((m) => m.month))
    .range([50 - span / 2, 50 + span / 2])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const max = Math.max(1, ...months.map((m) => m.worse + m.unchanged + m.better + m.none));
  const y = scaleLinear().domain([0, max]).nice().range([frame.bottom, frame.top]);
  const series = stack<MonthCount, (typeof MONTH_KEYS)[number]>().keys(MONTH_KEYS)(months);
  const bandwidth = x.bandwidth();
  // What a bar is at the narrowest width, in pixels: a symbol needs 12 px.
  const narrowest = (bandwidth / 100) * frame.minWidth;
  const bars: Bar[] = months.map((m, i) => {
    const left = x(m.month) ?? 0;
    const segments: BarSegment[] = [];
    for (const s of series) {
      const [y0, y1] = s[i] ?? [0, 0];
      if (y1 <= y0) continue;
      const top = y(y1);
      const height = y(y0) - top;
      segments.push({ key: s.key, count: y1 - y0, y: r1(top), height: r1(height), cy: r1(top + height / 2), symbol: s.key !== 'none' && height >= 14 && narrowest >= 12 });
    }
    return { month: m.month, x: r2(left), cx: r2(left + bandwidth / 2), total: m.worse + m.unchanged + m.better + m.none, segments };
  });
  const step = (x.step() / 100) * frame.minWidth;
  const every = step >= MIN_LABEL_GAP ? 1 : step * 3 >= MIN_LABEL_GAP ? 3 : 12;
  // Ticks fall on a regular grid of calendar months (every month, quarter or January): the
  // first month gets a label only if it is on that grid, so the spacing never jumps. The first
  // label and every January carry the year.
  const xTicks: BarChart['xTicks'] = [];
  const onGrid = months.filter((m) => (Number(m.month.slice(5)) - 1) % every === 0);
  for (const m of onGrid.length > 0 ? onGrid : months.slice(0, 1)) {
    const pos = r2((x(m.month) ?? 0) + bandwidth / 2);
    xTicks.push({ pos, value: m.month, withYear: xTicks.length === 0 || m.month.endsWith('-01') });
  }
  const [, top] = y.domain() as [number, number];
  const yTicks = y
    .ticks(Math.min(5, top))
    .filter((v) => Number.isInteger(v))
    .map((value) => ({ pos: r1(y(value)), value }));
  return { frame, bandwidth: r2(bandwidth), bars, xTicks, yTicks };
}


/** Viewport widths (px) at which the stylesheet can show a chart's scroll cue (`cue-below-<px>`). */
export const CUE_BREAKPOINTS = [360, 400, 480, 600, 768, 1024, 1280] as const;

/** Room the page takes beside a chart's plot: the y-axis column and the page's side padding, px. */
const PLOT_SURROUNDINGS = Y_AXIS_WIDTH + 32;

/** The widest a plot can be drawn: the page's column (70rem less its padding) less the y-axis, px. */
const WIDEST_PLOT = 1088 - Y_AXIS_WIDTH;

/**
 * The class that shows a chart's "scroll left" cue on the screens where its plot scrolls: below
 * the largest breakpoint that still needs scrolling (so a cue never shows where nothing scrolls),
 * everywhere when even the widest page is too narrow, nowhere when it fits any phone.
 */
export function scrollCueClass(minWidth: number): string | undefined {
  if (minWidth > WIDEST_PLOT) return 'cue-always';
  const needed = minWidth + PLOT_SURROUNDINGS;
  const below = CUE_BREAKPOINTS.filter((bp) => bp <= needed).at(-1);
  return below === undefined ? undefined : `cue-below-${below}`;
}
