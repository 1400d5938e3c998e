/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no local time zone can shift a day. It
 * lives with the schemas (which check dates and weekly periods with it) so that they import
 * nothing from src/lib/; src/lib/dates.ts re-exports it for the rest of the site.
 */

/** A `YYYY-MM-DD` string. */
export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is written `YYYY-MM-DD` and names a day that exists (no February 30). */
export function isRealIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0-99 as 1900-1999, so 0050-06-15 came back as 1950.
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Parses a `YYYY-MM-DD` string into a UTC-midnight Date; throws on anything else. */
export function parseIsoDate(value: IsoDate): Date {
  if (!isRealIsoDate(value)) throw new RangeError(`not a real YYYY-MM-DD date: ${value}`);
  return new Date(`${value}T00:00:00Z`);
}

/** Formats a Date's UTC calendar day as `YYYY-MM-DD`. */
export function toIsoDate(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** Adds `days` (may be negative) to an ISO date. */
export function addDays(value: IsoDate, days: number): IsoDate {
  const d = parseIsoDate(value);
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((parseIsoDate(b).getTime() - parseIsoDate(a).getTime()) / 86_400_000);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(value: IsoDate): number {
  const day = parseIsoDate(value).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday that starts the ISO week containing `value`. */
export function mondayOf(value: IsoDate): IsoDate {
  return addDays(value, 1 - isoWeekday(value));
}

/** English weekday name, for error messages. */
export function weekdayName(value: IsoDate): string {
  return ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][isoWeekday(value) - 1] ?? '?';
}

/** A date range, both ends inclusive. */
export interface Period {
  start: IsoDate;
  end: IsoDate;
}

/**
 * Why a period is not one Monday-to-Sunday week, or undefined when it is. Assumes both ends are
 * real dates and `end >= start` (checked separately, with their own messages).
 */
export function weeklyPeriodProblem(period: Period): string | undefined {
  if (isoWeekday(period.start) !== 1) {
    return `period.start: ${period.start} is a ${weekdayName(period.start)}, expected a Monday (weekly periods run Monday to Sunday)`;
  }
  if (period.end !== addDays(period.start, 6)) {
    return `period.end: ${period.end} is not the Sunday after ${period.start}, expected ${addDays(period.start, 6)} (weekly periods run Monday to Sunday)`;
  }
  return undefined;
}
