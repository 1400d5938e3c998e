/** Names: honorifics, locale-aware capitals, name-like lines, matching, signatures at the end. */
import { describe, expect, it } from 'vitest';
import { authorId, cleanName, findAuthorBlock, isNameLike, matchAuthor, normalizeNameCase, splitNames } from '../../../scripts/import/byline.ts';
import { textToBlocks } from '../../../scripts/import/text.ts';
import { fixtureTaxonomy } from '../../fixtures/import/helpers.ts';

describe('names', () => {
  it('keeps honorifics out and normalises capitals with the name\'s locale', () => {
    expect(cleanName('Dr. Ayşe KARAKUŞ')).toBe('Ayşe Karakuş');
    expect(cleanName('Dr Tomasz NOWAK')).toBe('Tomasz Nowak');
    expect(cleanName('Prof. Dr. Jonas PETRAITIS')).toBe('Jonas Petraitis');
    // Turkish: dotless I lowercases to ı, dotted İ to i.
    expect(normalizeNameCase('KADİR KILIÇ')).toBe('Kadir Kılıç');
    // Elsewhere the default rules apply; mixed-case words stay as printed.
    expect(normalizeNameCase('IVAN McLEOD')).toBe('Ivan McLEOD');
    expect(normalizeNameCase('ANNA-MARIA VON DER LINDE')).toBe('Anna-Maria Von Der Linde');
    expect(cleanName('Olga Nowak, PhD')).toBe('Olga Nowak');
    // Initials keep their capitals.
    expect(normalizeNameCase('J.R. STONE')).toBe('J.R. Stone');
  });

  it('makes ASCII ids', () => {
    expect(authorId('Ayşe Karakuş')).toBe('ayse-karakus');
    expect(authorId('Ганна Ліс')).toMatch(/^[a-z0-9-]+$/);
  });

  it('tells names from other short lines', () => {
    expect(isNameLike('Dr Tomasz NOWAK')).toBe(true);
    expect(isNameLike('Ursula von der Leyen')).toBe(true);
    expect(isNameLike('Ганна Ліс')).toBe(true);
    expect(isNameLike('Similar Posts went here.')).toBe(false);
    expect(isNameLike('The writer can be reached at x@example.org')).toBe(false);
    expect(isNameLike('Lenta.Ru News')).toBe(false);
    expect(isNameLike('Madonna')).toBe(false);
  });

  it('splits bylines with several names', () => {
    expect(splitNames('Hanna Lis and Tomasz Nowak')).toEqual(['Hanna Lis', 'Tomasz Nowak']);
    expect(splitNames('Ганна Ліс і Тамаш Новак')).toEqual(['Ганна Ліс', 'Тамаш Новак']);
  });

  it('matches existing authors by name, other-script name or alias, in any case', () => {
    const { authors } = fixtureTaxonomy();
    expect(matchAuthor('HANNA LIS', authors)?.id).toBe('hanna-lis');
    expect(matchAuthor('Анна Лис', authors)?.id).toBe('hanna-lis');
    expect(matchAuthor('Dr. Anna Lis', authors)?.id).toBe('hanna-lis');
    expect(matchAuthor('Hanna Lisowska', authors)).toBeUndefined();
  });
});

describe('findAuthorBlock', () => {
  it('finds a name printed twice and takes what follows as the bio', () => {
    const blocks = textToBlocks('Title\n\nA first paragraph of the text, long enough to be prose.\n\nJan Kowal\nJan Kowal\nJan Kowal writes about trains.\n');
    expect(findAuthorBlock(blocks, 1)).toEqual({ start: 2, printed: 'Jan Kowal', bio: 'Jan Kowal writes about trains.' });
  });

  it('finds a single name with an honorific near the end', () => {
    const blocks = textToBlocks('Title\n\nSome text here.\n\nDr Jan Kowal\nAn invented bio line.\n');
    expect(findAuthorBlock(blocks, 1)?.printed).toBe('Dr Jan Kowal');
  });

  it('finds nothing when the page is unsigned', () => {
    expect(findAuthorBlock(textToBlocks('Title\n\nText.\n\nMore text.\n'), 1)).toBeUndefined();
  });
});
