/** Chicago references, RIS records and the compact CSL-JSON layout (issue 13: cite without JavaScript). */
import { describe, expect, it } from 'vitest';
import { chicagoText, citationFileUrl, compactJson, cslCitation, risCitation, type CitationInput } from '../../src/lib/citation.ts';

const two: CitationInput = {
  key: 'en-2024-10-07-pardons-without-a-thaw',
  title: 'Pardons without a thaw',
  url: 'https://barometer.example.org/analyses/2024-10-07-pardons-without-a-thaw/',
  date: '2024-10-07',
  lang: 'en',
  locale: 'en-US',
  authors: ['Tomas Wielgosz', 'Alena Marozava'],
  publisher: 'Barometer editorial desk',
  siteTitle: 'Belarus Barometer',
};
const editorial: CitationInput = { ...two, key: 'ru-x', title: 'Минск ставит на раскол Запада', lang: 'ru', locale: 'ru-RU', authors: [], publisher: 'Редакция «Барометра»', siteTitle: 'Барометр Беларуси', date: '2022-08-29' };

describe('Chicago', () => {
  it('inverts only the first author, joins with "and", and dates the page', () => {
    expect(chicagoText(two)).toBe('Wielgosz, Tomas, and Alena Marozava. “Pardons without a thaw.” Belarus Barometer. Barometer editorial desk, October 7, 2024. https://barometer.example.org/analyses/2024-10-07-pardons-without-a-thaw/.');
    expect(chicagoText({ ...two, authors: ['A One', 'B Two', 'C Three'] })).toMatch(/^One, A, B Two, and C Three\. /);
  });

  it('names the publisher as author of an unsigned piece, once, in the page language', () => {
    const text = chicagoText(editorial);
    expect(text.startsWith('Редакция «Барометра». “Минск ставит на раскол Запада.” Барометр Беларуси. 29 августа 2022')).toBe(true);
    expect(text.split('Редакция').length).toBe(2);
  });

  it('keeps seven authors and "et al." from eleven', () => {
    const many = Array.from({ length: 11 }, (_, i) => `G${i} F${i}`);
    const text = chicagoText({ ...two, authors: many });
    expect(text).toContain('G6 F6, et al.');
    expect(text).not.toContain('F7');
  });
});

describe('RIS', () => {
  it('writes a web-page record with one AU per person, CRLF lines and an ER end', () => {
    const ris = risCitation(two);
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - ELEC');
    expect(lines.filter((l) => l.startsWith('AU  - '))).toEqual(['AU  - Wielgosz, Tomas', 'AU  - Marozava, Alena']);
    expect(lines).toContain('TI  - Pardons without a thaw');
    expect(lines).toContain('DA  - 2024/10/07');
    expect(lines).toContain('PY  - 2024');
    expect(lines).toContain(`UR  - ${two.url}`);
    expect(lines).toContain('LA  - English');
    expect(lines.at(-2)).toBe('ER  -');
    expect(ris.endsWith('\r\n')).toBe(true);
    expect(ris.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every value on its line, and the publisher whole as corporate author', () => {
    const ris = risCitation({ ...editorial, title: 'Two\nlines' });
    expect(ris).toContain('AU  - Редакция «Барометра»\r\n');
    expect(ris).toContain('TI  - Two lines\r\n');
  });
});

describe('compact CSL-JSON', () => {
  it('puts short values (authors, the date) on one line and round-trips', () => {
    const item = cslCitation(two);
    const text = compactJson([item]);
    expect(JSON.parse(text)).toEqual([item]);
    expect(text).toContain('"issued": {"date-parts": [[2024, 10, 7]]}');
    expect(text).toContain('{"family": "Wielgosz", "given": "Tomas"}');
    expect(text.split('\n').length).toBeLessThan(20);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
  });
});

it('puts the citation files beside the page', () => {
  expect(citationFileUrl({ url: '/be/analyses/x-y/' }, 'bib')).toBe('/be/analyses/x-y.bib');
  expect(citationFileUrl({ url: '/analyses/x-y/' }, 'ris')).toBe('/analyses/x-y.ris');
});
