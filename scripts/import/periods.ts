/**
 * Reads and writes printed dates and week ranges in English, Russian and Belarusian:
 * "August 29 – September 4, 2022", "December 27, 2021 – January 2, 2022", "29 августа – 4 сентября
 * 2022", "27 снежня 2021 – 2 студзеня 2022", "11.10.2022". Pure string work: no clock, no locale data
 * from the runtime (Intl output differs between Node builds, and parse(format(x)) must be exact).
 */
import { isRealIsoDate, type IsoDate, type Period } from '../../src/lib/dates.ts';

/** Languages whose month names the importer reads and writes. */
export type DateLanguage = 'en' | 'ru' | 'be';

/** Month names per language: `[printed form used when formatting, ...other accepted spellings]`. */
const MONTHS: Record<DateLanguage, readonly (readonly string[])[]> = {
  en: [
    ['January', 'Jan'],
    ['February', 'Feb'],
    ['March', 'Mar'],
    ['April', 'Apr'],
    ['May'],
    ['June', 'Jun'],
    ['July', 'Jul'],
    ['August', 'Aug'],
    ['September', 'Sep', 'Sept'],
    ['October', 'Oct'],
    ['November', 'Nov'],
    ['December', 'Dec'],
  ],
  // Genitive first: a day number is printed with the genitive ("4 сентября"); nominative is accepted.
  ru: [
    ['января', 'январь', 'янв'],
    ['февраля', 'февраль', 'фев'],
    ['марта', 'март', 'мар'],
    ['апреля', 'апрель', 'апр'],
    ['мая', 'май'],
    ['июня', 'июнь', 'июн'],
    ['июля', 'июль', 'июл'],
    ['августа', 'август', 'авг'],
    ['сентября', 'сентябрь', 'сен', 'сент'],
    ['октября', 'октябрь', 'окт'],
    ['ноября', 'ноябрь', 'ноя'],
    ['декабря', 'декабрь', 'дек'],
  ],
  be: [
    ['студзеня', 'студзень'],
    ['лютага', 'люты'],
    ['сакавіка', 'сакавік'],
    ['красавіка', 'красавік'],
    ['траўня', 'травеня', 'травень', 'мая'],
    ['чэрвеня', 'чэрвень'],
    ['ліпеня', 'ліпень'],
    ['жніўня', 'жнівеня', 'жнівень'],
    ['верасня', 'верасень'],
    ['кастрычніка', 'кастрычнік'],
    ['лістапада', 'лістапад'],
    ['снежня', 'снежань'],
  ],
};

/** Every accepted month spelling (lowercase, any language) -> month number 1..12. */
const MONTH_LOOKUP: ReadonlyMap<string, number> = new Map(
  Object.values(MONTHS).flatMap((months) => months.flatMap((names, i) => names.map((n) => [n.toLowerCase(), i + 1] as const))),
);

/** Dashes that separate the two ends of a printed range (hyphen, en/em dash, minus, figure dash, bar). */
const DASHES = /[-‐‑‒–—―−]/;

/** A printed date with the parts that were actually printed. */
interface PartialDate {
  day: number;
  month?: number;
  year?: number;
}

/** Collapses every kind of space (no-break, thin, tabs) to one ASCII space and trims. */
export function normalizeSpaces(text: string): string {
  return text.replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/gu, ' ').trim();
}

/** Lowercase letters and digits only: two spellings of one title compare equal whatever their spaces, quotes and dashes. */
export function lettersAndDigits(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Looks a month word up, tolerating a trailing dot and a Latin "i" typed for Belarusian "і". */
function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTH_LOOKUP.get(w) ?? (/[\u0400-\u04FF]/u.test(w) ? MONTH_LOOKUP.get(w.replace(/i/g, 'і')) : undefined);
}

const WORD = '([\\p{L}]+\\.?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
/** Year suffixes printed in Russian and Belarusian ("2022 г.", "2022 года", "2022 гада"). */
const YEAR_SUFFIX = '(?: ?(?:г\\.?|года|гада|год))?';
/** "August 29", "Aug. 29, 2022", "August 29 2022". */
const MONTH_FIRST = new RegExp(`^${WORD} ?${DAY}(?: ?,? ?${YEAR})?$`, 'u');
/** "29 August 2022", "29 августа 2022 г.", "29 жніўня". */
const DAY_FIRST = new RegExp(`^${DAY} ${WORD}(?: ?,? ?${YEAR}${YEAR_SUFFIX})?$`, 'u');
/** "13, 2022" or "13" (the other end names the month). */
const DAY_ONLY = new RegExp(`^${DAY}(?: ?, ?${YEAR}| ${YEAR})?${YEAR_SUFFIX}$`, 'u');
/** "August 2022", "августа 2022 г.": a month and a year, nothing else. */
const MONTH_YEAR = new RegExp(`^${WORD} ${YEAR}${YEAR_SUFFIX}$`, 'u');
/** "11.10.2022" (day first, as printed in access dates). */
const NUMERIC = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Parses one end of a range (or a single date) into the parts printed, or undefined. */
function parsePartial(raw: string): PartialDate | undefined {
  // A trailing comma or full stop after the year is punctuation, not part of the date.
  const text = raw.trim().replace(/ ,/g, ',').replace(/,$/, '').replace(/(\d)\.$/, '$1').trim();
  let m = NUMERIC.exec(text);
  if (m) return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
  m = MONTH_FIRST.exec(text);
  if (m) {
    const month = monthNumber(m[1] ?? '');
    if (month === undefined) return undefined;
    return withYear({ day: Number(m[2]), month }, m[3]);
  }
  m = DAY_FIRST.exec(text);
  if (m) {
    const month = monthNumber(m[2] ?? '');
    if (month === undefined) return undefined;
    return withYear({ day: Number(m[1]), month }, m[3]);
  }
  m = DAY_ONLY.exec(text);
  if (m) return withYear({ day: Number(m[1]) }, m[2] ?? m[3]);
  return undefined;
}

/** Adds the year to a partial date when one was printed. */
function withYear(date: PartialDate, year: string | undefined): PartialDate {
  return year === undefined ? date : { ...date, year: Number(year) };
}

/** Writes year, month and day as `YYYY-MM-DD` (no validity check). */
function iso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Words that label a printed period ("Monthly review:", "Week:", "Период:"), up to three, then a colon. */
const PERIOD_LABEL = /^(?:(?:monthly|weekly|month|week|period|review|digest|overview|report|месячный|ежемесячный|еженедельный|месяц|неделя|период|обзор|дайджест|штомесячны|штотыднёвы|месяц|тыдзень|перыяд|агляд)\s*){1,3}:\s*/iu;

/** True for a period that is one whole calendar month (a monthly analysis's, not a week's). */
export function isWholeMonth(period: Period): boolean {
  const [y, m] = [Number(period.start.slice(0, 4)), Number(period.start.slice(5, 7))];
  const last = new Date(Date.UTC(2000 + (y % 400), m, 0)).getUTCDate();
  return period.start.endsWith('-01') && period.end === iso(y, m, last);
}

/** What a printed date or range turned out to be. */
export type ParsedDates =
  | { kind: 'range'; period: Period }
  | { kind: 'date'; date: IsoDate }
  | { kind: 'invalid'; problem: string };

/**
 * Reads a printed date or date range. Returns undefined when the text is not a date at all (so
 * callers can use it to recognise a period line), or `invalid` when it reads as a date that cannot
 * exist ("February 30, 2022", an end before its start, no year printed).
 */
export function parseDates(input: string): ParsedDates | undefined {
  if (input.length > 120) return undefined;
  // "Monthly review: September 2022", "Week: August 29 – September 4, 2022": a label before a period.
  const labelled = PERIOD_LABEL.exec(normalizeSpaces(input));
  if (labelled) {
    const inner = parseDates(normalizeSpaces(input).slice(labelled[0].length));
    return inner?.kind === 'range' ? inner : undefined;
  }
  const text = normalizeSpaces(input);
  const isoRange = /^(\d{4}-\d{2}-\d{2})(?: ?(?:[-‐‑‒–—―−]|to|\.\.) ?(\d{4}-\d{2}-\d{2}))?$/u.exec(text);
  if (isoRange) return finish(text, isoParts(isoRange[1] ?? ''), isoRange[2] === undefined ? undefined : isoParts(isoRange[2]));
  // A month alone ("August 2022", "август 2022 г."): a monthly digest's period, the whole month.
  const month = MONTH_YEAR.exec(text);
  if (month) {
    const m = monthNumber(month[1] ?? '');
    const year = Number(month[2]);
    if (m !== undefined) {
      const last = new Date(Date.UTC(2000 + (year % 400), m, 0)).getUTCDate();
      return { kind: 'range', period: { start: iso(year, m, 1), end: iso(year, m, last) } };
    }
  }
  const parts = text.split(DASHES);
  if (parts.length > 2) return undefined;
  const first = parsePartial(parts[0] ?? '');
  if (!first) return undefined;
  if (parts.length === 1) return finish(text, first, undefined);
  const second = parsePartial(parts[1] ?? '');
  if (!second) return undefined;
  return finish(text, first, second);
}

/** Splits `YYYY-MM-DD` into parts (already checked by the caller's pattern). */
function isoParts(value: string): PartialDate {
  return { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)), day: Number(value.slice(8, 10)) };
}

/**
 * Completes the two ends: a month printed once belongs to both ends, and a single printed year
 * belongs to the END date, so the start falls in the year before when its month comes later
 * ("December 27 – January 2, 2022" starts on 2021-12-27). Reversed days in one month are an error.
 */
function finish(text: string, a: PartialDate, b: PartialDate | undefined): ParsedDates {
  if (b === undefined) {
    if (a.month === undefined || a.year === undefined) return { kind: 'invalid', problem: `"${text}" prints no month or year` };
    const date = iso(a.year, a.month, a.day);
    return isRealIsoDate(date) ? { kind: 'date', date } : { kind: 'invalid', problem: `"${text}" is not a real calendar date` };
  }
  const startMonth = a.month ?? b.month;
  const endMonth = b.month ?? a.month;
  if (startMonth === undefined || endMonth === undefined) return { kind: 'invalid', problem: `"${text}" prints no month` };
  const endYear = b.year ?? a.year;
  if (endYear === undefined) return { kind: 'invalid', problem: `"${text}" prints no year` };
  let startYear = a.year ?? endYear;
  if (a.year === undefined && startMonth > endMonth) startYear = endYear - 1;
  let endYearFinal = endYear;
  if (b.year === undefined && a.year !== undefined && endMonth < startMonth) endYearFinal = a.year + 1;
  const start = iso(startYear, startMonth, a.day);
  const end = iso(endYearFinal, endMonth, b.day);
  if (!isRealIsoDate(start) || !isRealIsoDate(end)) return { kind: 'invalid', problem: `"${text}" names a day that does not exist` };
  if (end < start) return { kind: 'invalid', problem: `"${text}" ends (${end}) before it starts (${start})` };
  return { kind: 'range', period: { start, end } };
}

/** Reads a single printed date ("11.10.2022", "October 11, 2022", "11 октября 2022"), or undefined. */
export function parseDateText(input: string): IsoDate | undefined {
  const parsed = parseDates(input);
  return parsed?.kind === 'date' ? parsed.date : undefined;
}

/** Splits an ISO date into numbers. */
function partsOf(value: IsoDate): { y: number; m: number; d: number } {
  return { y: Number(value.slice(0, 4)), m: Number(value.slice(5, 7)), d: Number(value.slice(8, 10)) };
}

/** The printed name of a month (1..12) in `lang`. */
function monthName(lang: DateLanguage, month: number): string {
  return MONTHS[lang][month - 1]?.[0] ?? '?';
}

/** Formats a single date as the digest prints it: "October 11, 2022", "11 октября 2022". */
export function formatDateText(value: IsoDate, lang: DateLanguage): string {
  const { y, m, d } = partsOf(value);
  return lang === 'en' ? `${monthName(lang, m)} ${d}, ${y}` : `${d} ${monthName(lang, m)} ${y}`;
}

/**
 * Formats a period as the digest prints it, with an en dash: the year once (on the end date) when
 * both ends share it, on both ends otherwise; a one-day period prints as a single date.
 */
export function formatPeriodText(period: Period, lang: DateLanguage): string {
  if (period.start === period.end) return formatDateText(period.start, lang);
  const a = partsOf(period.start);
  const b = partsOf(period.end);
  if (lang === 'en') {
    const start = a.y === b.y ? `${monthName(lang, a.m)} ${a.d}` : `${monthName(lang, a.m)} ${a.d}, ${a.y}`;
    return `${start} – ${monthName(lang, b.m)} ${b.d}, ${b.y}`;
  }
  const start = a.y === b.y ? `${a.d} ${monthName(lang, a.m)}` : `${a.d} ${monthName(lang, a.m)} ${a.y}`;
  return `${start} – ${b.d} ${monthName(lang, b.m)} ${b.y}`;
}
