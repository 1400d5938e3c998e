/** "Did you mean" and naming (src/search/search-suggest.ts), over the sample site's actors. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActorSpellings } from '../../src/search/search-fields.ts';
import { closestWord, edits, latinKey, matchActor, namedIn } from '../../src/search/search-suggest.ts';
import { loadContent } from '../helpers/content-model.ts';

let actors: ActorSpellings[];
let topics: { id: string; names: Record<'en' | 'be' | 'ru', string> }[];

beforeAll(async () => {
  const { model } = await loadContent();
  actors = [...model.actors].map(([id, a]) => ({ id, names: { ...a.name }, aliases: [...a.aliases] }));
  topics = [...model.topics].map(([id, t]) => ({ id, names: { ...t.name } }));
});

describe('latinKey', () => {
  it('writes Belarusian, Russian and Polish spellings in plain Latin letters', () => {
    expect(latinKey('Лукашэнка')).toBe('lukashenka');
    expect(latinKey('Лукашенко')).toBe('lukashenko');
    expect(latinKey('Łukaszenka')).toBe('lukaszenka');
    expect(latinKey('Ціханоўская')).toBe('tsikhanouskaia');
  });
});

describe('matchActor', () => {
  it('knows an actor by any spelling, misspelt or in another script, and answers with the name in the page language', () => {
    expect(matchActor('Lukaschenko', actors, 'en')).toMatchObject({ actor: { id: 'lukashenka' }, word: 'Lukashenka' });
    expect(matchActor('Lukashneko', actors, 'ru')).toMatchObject({ actor: { id: 'lukashenka' }, word: 'Лукашенко' });
    expect(matchActor('Лукашенко', actors, 'be')).toMatchObject({ actor: { id: 'lukashenka' }, word: 'Лукашэнка' });
    expect(matchActor('Tikhanovskaja', actors, 'en')).toMatchObject({ actor: { id: 'tsikhanouskaya' }, word: 'Tsikhanouskaya' });
  });

  it('names no actor for an ordinary word or a name far from every spelling', () => {
    expect(matchActor('inflation', actors, 'en')).toBeUndefined();
    expect(matchActor('Orban', actors, 'en')).toBeUndefined();
  });
});

describe('closestWord', () => {
  it('offers the index word one edit (or one swap) away', () => {
    expect(closestWord('sanctons', ['Sanctions', 'sanctioned', 'sanction'])).toBe('sanctions');
    expect(closestWord('sanctoins', ['sanctions', 'saints'])).toBe('sanctions');
    expect(edits('sanctoins', 'sanctions')).toBe(1);
    expect(closestWord('санкцыі', ['санкцый', 'са'])).toBe('санкцый');
  });

  it('offers nothing too far off, nothing when the index has the word, and no lowercase word for a name', () => {
    expect(closestWord('inflation', ['information', 'in'])).toBeUndefined();
    expect(closestWord('sanctions', ['sanctions', 'sanction'])).toBeUndefined();
    expect(closestWord('Makei', ['make', 'making'])).toBeUndefined();
    expect(closestWord('Minks', ['Minsk', 'minsk'])).toBe('Minsk');
    expect(closestWord('minks', ['Minsk'])).toBe('minsk');
  });
});

describe('namedIn', () => {
  it('finds the actors and topics a query names, by surname, alias or every long word of a topic', () => {
    expect(namedIn('Tsikhanouskaya', actors, topics)).toEqual([{ filter: 'actor', id: 'tsikhanouskaya' }]);
    expect(namedIn('Лукашенко', actors, topics)).toEqual([{ filter: 'actor', id: 'lukashenka' }]);
    expect(namedIn('ruling elite', actors, topics)).toContainEqual({ filter: 'topic', id: 'ruling-elite' });
    expect(namedIn('elite', actors, topics)).not.toContainEqual({ filter: 'topic', id: 'ruling-elite' });
    expect(namedIn('nuclear', actors, topics)).toEqual([]);
  });
});
