/**
 * Dates printed inside a line ("Last update: 26 September 2022", "25.10.2015 | Politics",
 * "Updated at 11:59,21-05-2018", "3. August 2015", "6 de mayo de 2022", "Апублікавана 5 сакавіка
 * 2021") and machine dates from markup ("2022-09-26T10:00:00+03:00"). chrono-node's strict parsers
 * read the line in each of its locales (English, German, French, Spanish, Italian, Portuguese,
 * Dutch, Swedish, Finnish, Russian, Ukrainian, Japanese and Chinese forms); Belarusian month names
 * are mapped to their Russian equivalents first, since chrono has no Belarusian locale. Strict
 * parsers never read "today" or "yesterday" as a date.
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

/** chrono's strict parsers, day before month in numeric dates ("03/05/2022" is 3 May), English first. */
const PARSERS: readonly chrono.Chrono[] = [
  new chrono.Chrono(chrono.en.configuration.createConfiguration(true, true)),
  chrono.de.strict, chrono.fr.strict, chrono.es.strict, chrono.it.strict, chrono.pt.strict, chrono.nl.strict,
  chrono.sv.strict, chrono.fi.strict, chrono.uk.strict, chrono.ja.strict,
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

/** A line's text with the changes findDateInLine makes before parsing undone (commas, a German day's dot). */
function normalizeForm(text: string): string {
  return text.replace(/[,.]/gu, ' ');
}

/** `YYYY-MM-DD` from chrono's components when day, month and year were all printed. */
function certainDate(result: chrono.ParsedResult): IsoDate | undefined {
  const c = result.start;
  if (!c.isCertain('day') || !c.isCertain('month') || !c.isCertain('year')) return undefined;
  const date = `${String(c.get('year')).padStart(4, '0')}-${String(c.get('month')).padStart(2, '0')}-${String(c.get('day')).padStart(2, '0')}`;
  return isRealIsoDate(date) ? date : undefined;
}

/**
 * The first full date (day, month and year all printed) inside a line, in any language chrono
 * reads and Belarusian; undefined when the line prints none. Numeric dates ("21-05-2018",
 * "03/05/2022") are read day first, as printed in most regions.
 */
export function findDateInLine(line: string): DateInLine | undefined {
  if (line.length > 300 || !/\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2}/u.test(line)) return undefined;
  let russian = line;
  for (const [pattern, replacement] of BELARUSIAN_MONTHS) russian = russian.replace(pattern, replacement);
  const reference = { instant: new Date(Date.UTC(2000, 0, 1)) };
  // "07 Dezember, 2022": a comma between a month's name and the year stops some locales, and German
  // wants a dot after the day ("7. Dezember"). Both changes keep the line's length, so the printed
  // words are found at the same place in the line.
  const plain = line.replace(/(\p{L}{3,}\.?),(?=\s*\d{4}\b)/gu, '$1 ');
  const german = plain.replace(/(?<![\d.])(\d{1,2}) (?=\p{L}{3,}\.?\s+\d{4}\b)/gu, '$1.');
  const candidates = [...PARSERS.flatMap((p) => p.parse(p === chrono.de.strict ? german : plain, reference)), ...chrono.ru.strict.parse(russian, reference)]
    .map((r) => ({ r, date: certainDate(r) }))
    .filter((c): c is { r: chrono.ParsedResult; date: IsoDate } => c.date !== undefined)
    .sort((a, b) => a.r.index - b.r.index || b.r.text.length - a.r.text.length);
  const first = candidates[0];
  if (!first) return undefined;
  // Report the printed words from the original line (the Belarusian mapping changes lengths).
  const same = line.slice(first.r.index, first.r.index + first.r.text.length);
  const text = normalizeForm(same) === normalizeForm(first.r.text) ? same : line.slice(first.r.index).trim();
  return { date: first.date, text: text.replace(/^(?:at|в|um|am|à|a las)\s+/iu, '') };
}
