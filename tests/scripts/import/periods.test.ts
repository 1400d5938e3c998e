/** Printed dates and week ranges in en/ru/be: examples, and parse(format(x)) = x as a property. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, mondayOf } from '../../../src/lib/dates.ts';
import { type DateLanguage, formatDateText, formatPeriodText, parseDateText, parseDates } from '../../../scripts/import/periods.ts';

const range = (start: string, end: string) => ({ kind: 'range', period: { start, end } });

describe('parseDates', () => {
  it.each([
    ['August 2022', '2022-08-01', '2022-08-31'],
    ['February 2024', '2024-02-01', '2024-02-29'],
    ['августа 2022 г.', '2022-08-01', '2022-08-31'],
  ])('a month alone is a monthly period: %s', (text, start, end) => {
    expect(parseDates(text)).toEqual(range(start, end));
  });

  it.each([
    ['August 29 – September 4, 2022', '2022-08-29', '2022-09-04'],
    ['December 27, 2021 – January 2, 2022', '2021-12-27', '2022-01-02'],
    ['February 28 – March 6, 2022', '2022-02-28', '2022-03-06'],
    // A single printed year belongs to the END date, so a week across New Year starts the year before.
    ['December 26 – January 1, 2023', '2022-12-26', '2023-01-01'],
    ['March 7 - 13, 2022', '2022-03-07', '2022-03-13'],
    ['Aug. 29—Sept. 4, 2022.', '2022-08-29', '2022-09-04'],
    ['August 29 -September 4 ,2022', '2022-08-29', '2022-09-04'],
    ['July 4\u00A0–\u00A0July 10, 2022', '2022-07-04', '2022-07-10'],
    ['29 августа – 4 сентября 2022 г.', '2022-08-29', '2022-09-04'],
    ['7–13 марта 2022', '2022-03-07', '2022-03-13'],
    ['27 снежня 2021 – 2 студзеня 2022', '2021-12-27', '2022-01-02'],
    ['29 жнiўня – 4 верасня 2022', '2022-08-29', '2022-09-04'],
    ['2022-08-29 – 2022-09-04', '2022-08-29', '2022-09-04'],
  ])('reads %s', (text, start, end) => {
    expect(parseDates(text)).toEqual(range(start, end));
  });

  it('reads single dates, including access dates printed day first', () => {
    expect(parseDates('October 11, 2022')).toEqual({ kind: 'date', date: '2022-10-11' });
    expect(parseDateText('11.10.2022')).toBe('2022-10-11');
    expect(parseDateText('11 октября 2022')).toBe('2022-10-11');
    expect(parseDateText('11 кастрычніка 2022')).toBe('2022-10-11');
  });

  it('says a date-like line is invalid instead of guessing', () => {
    expect(parseDates('February 30, 2022')?.kind).toBe('invalid');
    expect(parseDates('September 2 – September 8')).toEqual({ kind: 'invalid', problem: expect.stringContaining('no year') as unknown as string });
    expect(parseDates('March 13 – March 7, 2022')?.kind).toBe('invalid');
  });

  it('does not take ordinary lines for dates', () => {
    for (const line of ['by', 'Belarus-West relations', 'Security issues', 'The situation got worse', 'May the talks continue', '2022', 'x'.repeat(500)]) {
      expect(parseDates(line)).toBeUndefined();
    }
  });
});

describe('formatPeriodText', () => {
  it('prints the year once when both ends share it, twice otherwise', () => {
    expect(formatPeriodText({ start: '2022-08-29', end: '2022-09-04' }, 'en')).toBe('August 29 – September 4, 2022');
    expect(formatPeriodText({ start: '2021-12-27', end: '2022-01-02' }, 'en')).toBe('December 27, 2021 – January 2, 2022');
    expect(formatPeriodText({ start: '2022-08-29', end: '2022-09-04' }, 'ru')).toBe('29 августа – 4 сентября 2022');
    expect(formatPeriodText({ start: '2021-12-27', end: '2022-01-02' }, 'be')).toBe('27 снежня 2021 – 2 студзеня 2022');
    expect(formatDateText('2022-10-11', 'en')).toBe('October 11, 2022');
  });
});

/** Any real date between 1900 and 2199, as `YYYY-MM-DD`. */
const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const language = fc.constantFrom<DateLanguage>('en', 'ru', 'be');

describe('properties', () => {
  it('parse(format(period)) = period for any range up to two years long, in en, ru and be', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 730 }), language, (start, days, lang) => {
        const period = { start, end: addDays(start, days) };
        const parsed = parseDates(formatPeriodText(period, lang));
        return days === 0 ? parsed?.kind === 'date' && parsed.date === start : parsed?.kind === 'range' && parsed.period.start === period.start && parsed.period.end === period.end;
      }),
      { numRuns: 400 },
    );
  });

  it('reads a Monday-to-Sunday week however the dash and spaces are printed', () => {
    const dash = fc.constantFrom('–', '-', '—', ' – ', ' - ', '  —  ', '\u00A0–\u00A0');
    fc.assert(
      fc.property(isoDate, language, dash, (day, lang, d) => {
        const week = { start: mondayOf(day), end: addDays(mondayOf(day), 6) };
        const printed = formatPeriodText(week, lang).replace(' – ', d);
        const parsed = parseDates(printed);
        return parsed?.kind === 'range' && parsed.period.start === week.start && parsed.period.end === week.end;
      }),
      { numRuns: 300 },
    );
  });

  it('parse(format(date)) = date for single dates', () => {
    fc.assert(
      fc.property(isoDate, language, (date, lang) => parseDateText(formatDateText(date, lang)) === date),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 150 }), (text) => {
        parseDates(text);
        return true;
      }),
      { numRuns: 500 },
    );
  });
});
