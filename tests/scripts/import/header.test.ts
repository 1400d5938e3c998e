/** Header lines: verdicts (current and legacy wording, three languages), topics, bylines, credits. */
import { describe, expect, it } from 'vitest';
import { isCreditLine, matchTopic, matchVerdict, parseBylineLine } from '../../../scripts/import/header.ts';
import { fixtureTaxonomy } from '../../fixtures/import/helpers.ts';

const { topics, verdicts } = fixtureTaxonomy();

describe('matchVerdict', () => {
  it.each([
    ['Verdict: worsened', 'worse'],
    ['Trend: no change', 'unchanged'],
    ['Situation: improved', 'better'],
    ['Оценка: ситуация ухудшилась', 'worse'],
    ['Ацэнка: без змен', 'unchanged'],
    ['The situation remained stable', 'unchanged'],
  ])('a verdict in another wording: %s', (line, trend) => {
    expect(matchVerdict(line, verdicts)).toBe(trend);
  });

  it.each([
    ['The situation got worse', 'worse'],
    ['The situation has not changed', 'unchanged'],
    ['The situation has gotten better', 'better'],
    ['Ситуация ухудшилась', 'worse'],
    ['Сітуацыя не змянілася', 'unchanged'],
    ['Ситуация улучшилась', 'better'],
    ['Category status: [Worse]', 'worse'],
    ['Category status: [No change]', 'unchanged'],
    ['Category status: [The situation has gotten better]', 'better'],
  ])('%s -> %s', (line, trend) => {
    expect(matchVerdict(line, verdicts)).toBe(trend);
  });

  it('reads only whole verdict lines', () => {
    expect(matchVerdict('The situation got worse after the talks collapsed in May.', verdicts)).toBeUndefined();
    expect(matchVerdict('Category status:', verdicts)).toBeUndefined();
  });
});

describe('matchTopic', () => {
  it('finds topics by name in any language, ignoring case, dashes and a leading "The"', () => {
    expect(matchTopic('Belarus-West relations', topics)?.id).toBe('belarus-west-relations');
    expect(matchTopic('Belarus – West Relations', topics)?.id).toBe('belarus-west-relations');
    expect(matchTopic('Ruling elite', topics)?.id).toBe('ruling-elite');
    expect(matchTopic('Вопросы безопасности', topics)?.id).toBe('security-issues');
    expect(matchTopic('Грамадства і палітычныя партыі', topics)?.id).toBe('society-political-parties');
    expect(matchTopic('Economy and trade', topics)).toBeUndefined();
  });
});

describe('bylines and credits', () => {
  it('reads "by" alone as the editorial byline and "By Name" as names', () => {
    expect(parseBylineLine('by')).toEqual({ names: [] });
    expect(parseBylineLine('By Hanna Lis and Jan Kowal')).toEqual({ names: ['Hanna Lis', 'Jan Kowal'] });
    expect(parseBylineLine('By the end of the week, nothing had changed.')).toBeUndefined();
  });

  it('recognises credit lines', () => {
    expect(isCreditLine('photo: elements.example.com')).toBe(true);
    expect(isCreditLine('Фото: example.by')).toBe(true);
    expect(isCreditLine('Photographers were kept away from the court.')).toBe(false);
  });
});
