/**
 * Calendar-date helpers. Dates are plain `YYYY-MM-DD` strings everywhere (frontmatter, URLs,
 * maps); the arithmetic is in src/schemas/calendar.ts, the formatting here.
 */
import { parseIsoDate, type IsoDate, type Period } from '../schemas/calendar.ts';

export { addDays, daysBetween, isoWeekday, isRealIsoDate, mondayOf, parseIsoDate, toIsoDate, weekdayName, weeklyPeriodProblem } from '../schemas/calendar.ts';
export type { IsoDate, Period } from '../schemas/calendar.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * A shared Intl.DateTimeFormat per locale and options: creating one costs far more than using it,
 * and a build formats hundreds of thousands of dates.
 */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let fmt = formatters.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, fmt);
  }
  return fmt;
}

const LONG_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' };
const SHORT_DATE: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' };
const periodLabels = new Map<string, string>();

/**
 * Formats a period for display in `locale`, e.g. "August 29 – September 4, 2022" (or, `short`,
 * "Aug 29 – Sep 4, 2022": a byline on a phone). Labels are memoised: the same few thousand weeks
 * are printed on every listing page.
 */
export function formatPeriod(period: Period, locale: string, short = false): string {
  const key = `${locale}|${period.start}|${period.end}|${short}`;
  let label = periodLabels.get(key);
  if (label === undefined) {
    label = dateFormat(locale, short ? SHORT_DATE : LONG_DATE).formatRange(parseIsoDate(period.start), parseIsoDate(period.end));
    periodLabels.set(key, label);
  }
  return label;
}

/** Formats a single date for display in `locale`, e.g. "October 11, 2022". */
export function formatDate(value: IsoDate, locale: string): string {
  return dateFormat(locale, LONG_DATE).format(parseIsoDate(value));
}

/** The year of an ISO date, as a number. */
export function yearOf(value: IsoDate): number {
  return Number(value.slice(0, 4));
}
