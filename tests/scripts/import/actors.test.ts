/** Actor detection: whole words, any case, every language, acronyms in capitals only. */
import { describe, expect, it } from 'vitest';
import { actorMatcher, detectActors } from '../../../scripts/import/actors.ts';
import { fixtureTaxonomy } from '../../fixtures/import/helpers.ts';

const matcher = actorMatcher(fixtureTaxonomy().actors);

describe('detectActors', () => {
  it('finds names and aliases as whole words, in order of first mention', () => {
    expect(detectActors('Putin met LUKASHENKA; later lukashenko spoke to the OSCE.', matcher)).toEqual(['putin', 'lukashenka', 'osce']);
  });

  it('finds Cyrillic names and possessives', () => {
    expect(detectActors('Лукашэнка і Пуцін; Лукашенко и НАТО. Russia’s claims.', matcher)).toEqual(['lukashenka', 'putin', 'nato', 'russia']);
  });

  it('does not find parts of words', () => {
    expect(detectActors('Russian troops, Ukrainian towns, Polish farmers, Stanovoy range.', matcher)).toEqual([]);
  });

  it('matches acronyms in capitals only, so the pronoun "us" is not the United States', () => {
    expect(detectActors('They promised us a quick victory; the eu word is not the EU.', matcher)).toEqual(['eu']);
    expect(detectActors('Sanctions by the US and the U.S. Treasury.', matcher)).toEqual(['united-states']);
  });
});
