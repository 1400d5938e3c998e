import { describe, expect, it } from 'vitest';
import { addDays, formatPeriod, isRealIsoDate, isoWeekday, mondayOf, weeklyPeriodProblem } from '../../src/lib/dates.ts';

describe('isRealIsoDate', () => {
  it.each([
    ['2022-08-29', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2022-02-30', false],
    ['2022-13-01', false],
    ['2022-8-29', false],
    ['29.08.2022', false],
    ['2022-08-29T00:00:00Z', false],
  ])('%s -> %s', (value, expected) => {
    expect(isRealIsoDate(value)).toBe(expected);
  });
});

describe('week arithmetic', () => {
  it('adds days across month and year ends', () => {
    expect(addDays('2022-12-26', 6)).toBe('2023-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2022-03-06', -6)).toBe('2022-02-28');
  });
  it('finds the ISO weekday and the Monday of a week', () => {
    expect(isoWeekday('2022-08-29')).toBe(1);
    expect(isoWeekday('2022-09-04')).toBe(7);
    expect(mondayOf('2022-09-04')).toBe('2022-08-29');
    expect(mondayOf('2023-01-01')).toBe('2022-12-26');
  });
  it('accepts Monday-to-Sunday weeks and explains the rest', () => {
    expect(weeklyPeriodProblem({ start: '2022-08-29', end: '2022-09-04' })).toBeUndefined();
    expect(weeklyPeriodProblem({ start: '2021-12-27', end: '2022-01-02' })).toBeUndefined();
    expect(weeklyPeriodProblem({ start: '2022-08-30', end: '2022-09-05' })).toBe(
      'period.start: 2022-08-30 is a Tuesday, expected a Monday (weekly periods run Monday to Sunday)',
    );
    expect(weeklyPeriodProblem({ start: '2022-08-29', end: '2022-09-05' })).toBe(
      'period.end: 2022-09-05 is not the Sunday after 2022-08-29, expected 2022-09-04 (weekly periods run Monday to Sunday)',
    );
  });
});

describe('formatPeriod', () => {
  // Intl puts thin (U+2009) and narrow no-break (U+202F) spaces where typography wants them.
  const plain = (s: string) => s.replace(/[\u2009\u202f]/g, ' ');
  it('prints a week the way the digest does, in each language', () => {
    expect(plain(formatPeriod({ start: '2022-08-29', end: '2022-09-04' }, 'en-US'))).toBe('August 29 – September 4, 2022');
    expect(plain(formatPeriod({ start: '2021-12-27', end: '2022-01-02' }, 'en-US'))).toBe('December 27, 2021 – January 2, 2022');
    expect(plain(formatPeriod({ start: '2022-02-28', end: '2022-03-06' }, 'en-US'))).toBe('February 28 – March 6, 2022');
    expect(plain(formatPeriod({ start: '2022-08-29', end: '2022-09-04' }, 'ru-RU'))).toBe('29 августа – 4 сентября 2022 г.');
    expect(plain(formatPeriod({ start: '2022-08-29', end: '2022-09-04' }, 'be-BY'))).toBe('29 жніўня – 4 верасня 2022');
  });
});
