/**
 * Dates printed inside a line ("Last update: 26 September 2022", "25.10.2015 | Politics",
 * "Updated at 11:59,21-05-2018", "Апублікавана 5 сакавіка 2021") and machine dates from markup
 * ("2022-09-26T10:00:00+03:00"). chrono-node reads English and Russian; Belarusian month names are
 * mapped to their Russian equivalents first, since chrono has no Belarusian locale.
 */
import * as chrono from 'chrono-node';
import { isRealIsoDate, type IsoDate } from '../../src/lib/dates.ts';

/** Belarusian month stems -> the Russian genitive chrono reads (both spellings of May and August). */
const BELARUSIAN_MONTHS: readonly (readonly [RegExp, string])[] = [
  [/студзен[ья]/giu, 'января'],
  [/лют(?:ага|ы)/giu, 'февраля'],
  [/сакавіка|сакавік/giu, 'марта'],
  [/красавіка|красавік/giu, 'апреля'],
  [/траўня|травеня|травень/giu, 'мая'],
  [/чэрвен[ья]/giu, 'июня'],
  [/ліпен[ья]/giu, 'июля'],
  [/жніўня|жнівеня|жнівень/giu, 'августа'],
  [/верасня|верасень/giu, 'сентября'],
  [/кастрычніка|кастрычнік/giu, 'октября'],
  [/лістапада|лістапад/giu, 'ноября'],
  [/снежня|снежань/giu, 'декабря'],
  [/(\d)\s*гада\b/giu, '$1 года'],
];

/** A date found inside a line, with the text it was read from. */
export interface DateInLine {
  date: IsoDate;
  /** The printed words chrono read ("26 September 2022"). */
  text: string;
}

/** `YYYY-MM-DD` from an ISO 8601 date or date-time as markup carries it, or undefined. */
export function dateFromIso(value: string): IsoDate | undefined {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/u.exec(value);
  const date = m?.[1];
  return date !== undefined && isRealIsoDate(date) ? date : undefined;
}

/** `YYYY-MM-DD` from chrono's components when day, month and year were all printed. */
function certainDate(result: chrono.ParsedResult): IsoDate | undefined {
  const c = result.start;
  if (!c.isCertain('day') || !c.isCertain('month') || !c.isCertain('year')) return undefined;
  const date = `${String(c.get('year')).padStart(4, '0')}-${String(c.get('month')).padStart(2, '0')}-${String(c.get('day')).padStart(2, '0')}`;
  return isRealIsoDate(date) ? date : undefined;
}

/**
 * The first full date (day, month and year all printed) inside a line, in English, Russian or
 * Belarusian; undefined when the line prints none. Day-first numeric dates ("21-05-2018") are read
 * day first, as printed in the region.
 */
export function findDateInLine(line: string): DateInLine | undefined {
  if (line.length > 300 || !/\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}/u.test(line)) return undefined;
  let russian = line;
  for (const [pattern, replacement] of BELARUSIAN_MONTHS) russian = russian.replace(pattern, replacement);
  const reference = { instant: new Date(Date.UTC(2000, 0, 1)) };
  const candidates = [...chrono.en.GB.parse(line, reference), ...chrono.ru.parse(russian, reference)]
    .map((r) => ({ r, date: certainDate(r) }))
    .filter((c): c is { r: chrono.ParsedResult; date: IsoDate } => c.date !== undefined)
    .sort((a, b) => a.r.index - b.r.index);
  const first = candidates[0];
  if (!first) return undefined;
  // Report the printed words from the original line (the Belarusian mapping changes lengths).
  const text = first.r.text === line.slice(first.r.index, first.r.index + first.r.text.length) ? first.r.text : line.slice(first.r.index).trim();
  return { date: first.date, text: text.replace(/^(?:at|в)\s+/iu, '') };
}
