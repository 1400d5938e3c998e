/**
 * Our own digest and think-tank headers in the other shapes they are printed in (issue 23; every
 * fixture written for these tests): signatures in other layouts, site chrome above the header, a
 * verdict in another wording, and a monthly period.
 */
import { describe, expect, it } from 'vitest';
import { type ImportOptions, type PageResult, parsePage } from '../../../scripts/import/parse-page.ts';
import { fixtureTaxonomy } from '../../fixtures/import/helpers.ts';

const taxonomy = fixtureTaxonomy();
const FIRST = 'Officials spoke of calm twice this week while a new round of drills was set near the western border.';
const SECOND = 'The ministry called the drills routine and said observers from neighbouring states would be asked to attend.';
const TITLE = 'Calm words and fresh drills on the western border';
const errors = (r: PageResult): string[] => r.problems.filter((p) => p.severity === 'error').map((p) => `${p.field}: ${p.message}`);
const warnings = (r: PageResult): string[] => r.problems.filter((p) => p.severity === 'warning').map((p) => `${p.field}: ${p.message}`);

/** A text page of the given lines (one block per line, as scraped). */
function read(lines: readonly string[], options: ImportOptions = {}): PageResult {
  return parsePage({ file: 'digest.txt', text: `${lines.join('\n')}\n`, format: 'text' }, taxonomy, options);
}

/** A weekly digest entry: byline, week, topic, title, verdict, two paragraphs, then `tail`. */
function weekly(tail: readonly string[] = [], verdict = 'The situation got worse', head: readonly string[] = []): string[] {
  return [...head, 'by', 'August 29 – September 4, 2022', 'Security issues', '', TITLE, '', verdict, '', FIRST, '', SECOND, '', ...tail];
}

describe('signatures in other layouts', () => {
  it.each([
    ['a dash before the name and its role', ['— Oleg Marten, analyst at the Lakeside Institute'], 'analyst at the Lakeside Institute'],
    ['an "Author:" label', ['Author: Oleg Marten'], undefined],
    ['a Russian label', ['Автор: Олег Мартен'], undefined],
    ['a name, then capitalised role and place', ['Oleg Marten, Senior Fellow, Lakeside Institute'], 'Senior Fellow, Lakeside Institute'],
  ])('%s: the author is found and the line is no text of the article', (_, tail, role) => {
    const r = read(weekly(tail));
    expect(errors(r)).toEqual([]);
    expect(r.data).toMatchObject({ kind: 'weekly', topic: 'security-issues', trend: 'worse' });
    expect(r.authors).toHaveLength(1);
    expect(r.authors[0]?.isNew).toBe(true);
    expect(r.authors[0]?.yaml).toContain('name: ');
    if (role !== undefined) expect(r.authors[0]?.yaml).toContain(`role: ${role}`);
    expect(r.body).not.toContain(tail[0]);
    expect(r.body).toContain(SECOND);
  });

  it('a name printed once (in capitals or not), then a bio that starts with it: the bio goes to the new author file', () => {
    for (const printed of ['Oleg Marten', 'OLEG MARTEN']) {
      const r = read([TITLE, '', FIRST, '', SECOND, '', printed, 'Oleg Marten is an invented analyst who writes only for these tests.'], { date: '2022-09-05' });
      expect(errors(r), printed).toEqual([]);
      expect(r.authors.map((a) => a.name), printed).toEqual(['Oleg Marten']);
      expect(r.authors[0]?.yaml, printed).toContain('bio: Oleg Marten is an invented analyst');
      expect(r.body, printed).not.toContain('invented analyst');
    }
  });

  it('a list of "Name, Band" lines at the end is text, not a signature', () => {
    const r = read([TITLE, '', FIRST, '', SECOND, '', 'Some of my favourites:', '', 'Jane Roe, Harbour Lights', '', 'John Doe, Quay Street Band'], { date: '2022-09-05' });
    expect(r.authors).toEqual([]);
    expect(r.body).toContain('John Doe, Quay Street Band');
  });

  it('a signature naming the byline\'s author with a desk as the role adds no second author', () => {
    const r = read([TITLE, 'By Oleg Marten', '5 September 2022', '', FIRST, '', SECOND, '', 'Oleg Marten, Online Desk']);
    expect(r.authors.map((a) => a.name)).toEqual(['Oleg Marten']);
    expect(r.body).not.toContain('Online Desk');
  });

  it('a last paragraph that is a sentence naming someone is text, not a signature', () => {
    const closing = 'Oleg Marten, the deputy minister, said nothing more.';
    const r = read([TITLE, '', FIRST, '', SECOND, '', closing], { date: '2022-09-05' });
    expect(r.authors).toEqual([]);
    expect(r.body).toContain(closing);
  });
});

describe('a title behind site chrome', () => {
  it('menu, search and language lines above the header are left out; title, week, topic and verdict are read', () => {
    const r = read(weekly([], 'The situation got worse', ['Menu', 'Search', 'EN', 'BE/RU', 'Home / Analytics / Security issues', 'Share']));
    expect(errors(r)).toEqual([]);
    expect(r.data).toMatchObject({ title: TITLE, kind: 'weekly', topic: 'security-issues', trend: 'worse', period: { start: '2022-08-29', end: '2022-09-04' } });
    expect(r.dropped.find((d) => d.text === 'Menu')).toMatchObject({ reason: 'above-title' });
    expect(r.dropped.find((d) => d.text === 'Search')).toMatchObject({ reason: 'above-title' });
    expect(r.body.startsWith(FIRST)).toBe(true);
  });

  it('a site name line above a header printed without blank lines', () => {
    const r = read(['Lakeside Weekly Review', 'August 29 – September 4, 2022', 'Security issues', TITLE, 'Situation: worsened', FIRST, SECOND]);
    expect(errors(r)).toEqual([]);
    expect(r.data).toMatchObject({ title: TITLE, topic: 'security-issues', trend: 'worse' });
  });

  it('a long-form piece whose title comes first keeps its title (no header is looked for below it)', () => {
    const r = read(['Short title', 'By Oleg Marten', '5 September 2022', '', FIRST, '', SECOND]);
    expect(r.data.title).toBe('Short title');
    expect(r.data.published).toBe('2022-09-05');
  });
});

describe('a verdict in another wording', () => {
  it.each([
    ['Dynamics: improvement', 'better'],
    ['Trend: deterioration', 'worse'],
    ['Assessment: stability', 'unchanged'],
    ['The situation has worsened', 'worse'],
    ['The situation remained unchanged', 'unchanged'],
    ['Situation has improved', 'better'],
    ['Динамика: ухудшение', 'worse'],
    ['Сітуацыя не змянілася', 'unchanged'],
  ])('"%s" is the verdict %s', (verdict, trend) => {
    const r = read(weekly([], verdict));
    expect(errors(r)).toEqual([]);
    expect(r.data.trend).toBe(trend);
    expect(r.body).not.toContain(verdict);
  });
});

describe('a monthly period', () => {
  it.each(['September 2022', 'September 1 – 30, 2022', '1 – 30 September 2022', 'Monthly review: September 2022', 'Сентябрь 2022'])(
    '"%s" makes a monthly analysis: kind analysis, the month as its period, the topic kept',
    (month) => {
      const r = read(['by', month, 'Security issues', '', TITLE, '', FIRST, '', SECOND]);
      expect(errors(r)).toEqual([]);
      expect(r.data).toMatchObject({ kind: 'analysis', period: { start: '2022-09-01', end: '2022-09-30' }, topic: 'security-issues', title: TITLE });
      expect(r.data.trend).toBeUndefined();
      expect(r.fileName?.startsWith('2022-09-01-')).toBe(true);
    },
  );

  it('a verdict printed on a monthly page is reported, not kept (the schema gives verdicts to weeks only)', () => {
    const r = read(['by', 'September 2022', 'Security issues', '', TITLE, '', 'The situation got worse', '', FIRST, '', SECOND]);
    expect(errors(r)).toEqual([]);
    expect(r.data).toMatchObject({ kind: 'analysis', period: { start: '2022-09-01', end: '2022-09-30' } });
    expect(r.data.trend).toBeUndefined();
    expect(warnings(r).some((w) => w.startsWith('trend: the printed verdict (worse) is not kept') && w.includes('2022-09-01 to 2022-09-30'))).toBe(true);
  });

  it('a range that is no whole month and no proper week stays a weekly entry with an error naming the week', () => {
    const r = read(['by', 'August 30 – September 5, 2022', 'Security issues', '', TITLE, '', 'The situation got worse', '', FIRST]);
    expect(r.data.kind).toBe('weekly');
    expect(errors(r).some((e) => e.startsWith('period.start: 2022-08-30 is a Tuesday'))).toBe(true);
  });
});

describe('--kind opinion --date never reads a week from a header fragment', () => {
  it.each(['13 Aug', '5', 'Aug 13'])('"%s" above the text is no week and refuses nothing', (fragment) => {
    const r = read([TITLE, '', fragment, '', FIRST, '', SECOND], { kind: 'opinion', date: '2025-02-11' });
    expect(errors(r)).toEqual([]);
    expect(r.data).toMatchObject({ kind: 'opinion', published: '2025-02-11' });
    expect(r.data.period).toBeUndefined();
  });

  it('a printed week with --kind opinion is reported and left alone', () => {
    const r = read(weekly(), { kind: 'opinion', date: '2022-09-05' });
    expect(errors(r)).toEqual([]);
    expect(r.data.period).toBeUndefined();
    expect(r.data.published).toBe('2022-09-05');
    expect(warnings(r).some((w) => w.startsWith('period: the week printed in'))).toBe(true);
  });
});
