/** The chrome table: whole-line rules, the "rest of the page" rules, translation links. */
import { describe, expect, it } from 'vitest';
import { CHROME_RULES, matchChrome, parseLanguageList } from '../../../scripts/import/chrome.ts';

describe('matchChrome', () => {
  it.each([
    ['Paylaş', 'share', 'line'],
    ['Share', 'share', 'line'],
    ['Read more', 'read-more', 'line'],
    ['View all', 'view-all', 'line'],
    ['BE/RU', 'language-switch', 'line'],
    ['You have been successfully subscribed', 'newsletter', 'rest'],
    ['Subscribe to our newsletter', 'newsletter', 'rest'],
    ['Similar Posts', 'similar-posts', 'rest'],
    ['Please enter your comment!', 'comment-form', 'rest'],
    ['Please enter your name here', 'comment-form', 'rest'],
    ['Must Read', 'must-read', 'rest'],
    ['12 Comments', 'comment-count', 'line'],
    ['Foto: IMAGO/Jane Roe', 'photo-credit', 'line'],
    ['Photo: Harbour Times archive', 'photo-credit', 'line'],
    ['© Jane Roe', 'photo-credit', 'line'],
    ['AFP/Jane Roe', 'photo-credit', 'line'],
    ['Source: Harbour Statistics Office', 'photo-credit', 'line'],
    ['Dock workers stand by an idle crane on the north pier. (Image: Jane Roe)', 'photo-caption', 'line'],
    ['Dock workers stand by an idle crane on the north pier. (Jane Roe/Reuters)', 'photo-caption', 'line'],
  ])('%s is chrome (%s, %s)', (line, id, scope) => {
    expect(matchChrome(line)?.rule).toMatchObject({ id, scope });
  });

  it('records the languages of a translation line', () => {
    const m = matchChrome('This post is also available in: Türkçe Русский');
    expect(m?.rule.id).toBe('available-in');
    expect(parseLanguageList(m?.value ?? '')).toEqual({ codes: ['tr', 'ru'], unknown: [] });
    expect(parseLanguageList('English, Беларуская, Klingon')).toEqual({ codes: ['en', 'be'], unknown: ['Klingon'] });
  });

  it('never matches a sentence that merely starts like chrome', () => {
    for (const line of [
      'Subscribers to the state channel heard a different story.',
      'Share prices of the potash producer fell again.',
      'Read more carefully, the statement says something else.',
      'Comments by the minister were brief.',
      'Photographs of the quay were taken by the port authority itself, not by the agency.',
      'The port said the cranes were idle for a week (Reuters reported the same).',
    ]) {
      expect(matchChrome(line)).toBeUndefined();
    }
  });

  it('has unique rule ids and anchored patterns', () => {
    const ids = CHROME_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of CHROME_RULES) {
      expect(r.pattern.source.startsWith('^')).toBe(true);
      expect(r.pattern.source.endsWith('$')).toBe(true);
    }
  });
});
