/** "Cite this": APA, BibTeX, CSL-JSON and Highwire meta for several authors and for the editorial byline. */
import { beforeAll, describe, expect, it } from 'vitest';
import { apaAuthors, apaText, apaCitation, bibtexCitation, chicagoText, citationFileUrl, citationFor, citationMeta, compactJson, cslCitation, escapeBibtex, initials, risCitation, splitName, type CitationInput } from '../../src/citation/citation.ts';
import { loadContent, type LoadedContent } from '../helpers/content-model.ts';
import { sitePaths } from '../../src/lib/site-paths.ts';

const base: CitationInput = {
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
const editorial: CitationInput = { ...base, key: 'en-x', title: 'Minsk bets on a divided West', url: 'https://barometer.example.org/analyses/x/', date: '2022-08-29', authors: [] };

describe('names', () => {
  it('an organisation among the authors is cited whole in every style, never as "Press, A."', () => {
    const agency: CitationInput = { ...base, authors: ['Associated Press', 'Alena Marozava'], organisations: new Set(['Associated Press']) };
    expect(apaText(agency)).toMatch(/^Associated Press, & Marozava, A\. /u);
    expect(bibtexCitation(agency)).toContain('author = {{Associated Press} and Marozava, Alena}');
    expect(cslCitation(agency).author).toEqual([{ literal: 'Associated Press' }, { family: 'Marozava', given: 'Alena' }]);
    expect(risCitation(agency)).toContain('AU  - Associated Press\r\n');
    expect(chicagoText(agency)).toMatch(/^Associated Press, and Alena Marozava\. /u);
  });

  it('splits "Given Family" and abbreviates given names', () => {
    expect(splitName('Alena Marozava')).toEqual({ family: 'Marozava', given: 'Alena' });
    expect(splitName('  Anna  Maria Nowak ')).toEqual({ family: 'Nowak', given: 'Anna Maria' });
    expect(splitName('Plato')).toEqual({ family: 'Plato', given: '' });
    expect(initials('Anna Maria')).toBe('A. M.');
    expect(initials('Jean-Paul')).toBe('J.-P.');
    expect(initials('Ірына')).toBe('І.');
  });

  it('joins APA author lists with commas and an ampersand, and elides from 21 authors', () => {
    expect(apaAuthors(['Alena Marozava'])).toBe('Marozava, A.');
    expect(apaAuthors(['Tomas Wielgosz', 'Alena Marozava'])).toBe('Wielgosz, T., & Marozava, A.');
    expect(apaAuthors(['A One', 'B Two', 'C Three'])).toBe('One, A., Two, B., & Three, C.');
    const many = Array.from({ length: 22 }, (_, i) => `G${i} F${i}`);
    const list = apaAuthors(many);
    expect(list).toContain('F18, G.');
    expect(list).not.toContain('F19, G.');
    expect(list.endsWith(', . . . F21, G.')).toBe(true);
  });
});

describe('APA', () => {
  it('cites a multi-author analysis', () => {
    expect(apaText(base)).toBe('Wielgosz, T., & Marozava, A. (2024, October 7). Pardons without a thaw. Belarus Barometer. https://barometer.example.org/analyses/2024-10-07-pardons-without-a-thaw/');
    expect(apaCitation(base).filter((r) => r.italic).map((r) => r.text)).toEqual(['Belarus Barometer']);
  });

  it('cites the editorial byline as the group author', () => {
    expect(apaText(editorial)).toBe('Barometer editorial desk. (2022, August 29). Minsk bets on a divided West. Belarus Barometer. https://barometer.example.org/analyses/x/');
  });

  it('does not double a title\'s own punctuation and writes the date in the page language', () => {
    expect(apaText({ ...editorial, title: 'Is the thaw over?' })).toContain('Is the thaw over? Belarus');
    expect(apaText({ ...editorial, lang: 'ru', locale: 'ru-RU', publisher: 'Редакция «Барометра»' })).toContain('Редакция «Барометра». (2022, 29 августа).');
  });
});

describe('BibTeX', () => {
  it('writes an @online entry with "Family, Given and ..." authors', () => {
    const entry = bibtexCitation(base);
    expect(entry.startsWith('@online{en-2024-10-07-pardons-without-a-thaw,\n')).toBe(true);
    expect(entry).toContain('  author = {Wielgosz, Tomas and Marozava, Alena},');
    expect(entry).toContain('  date = {2024-10-07},');
    expect(entry).toContain('  url = {https://barometer.example.org/analyses/2024-10-07-pardons-without-a-thaw/},');
    expect(entry).toContain('  langid = {english},');
    expect(entry.endsWith('\n}')).toBe(true);
  });

  it('keeps the publisher whole as a corporate author and escapes special characters', () => {
    const entry = bibtexCitation({ ...editorial, title: '50% & rising_fast #1 {x}' });
    expect(entry).toContain('  author = {{Barometer editorial desk}},');
    expect(entry).toContain('  title = {50\\% \\& rising\\_fast \\#1 \\{x\\}},');
    expect(escapeBibtex('a\\b~c^d$')).toBe('a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d\\$');
  });
});

describe('CSL-JSON', () => {
  it('has family/given authors, a date-parts date and the site as container', () => {
    expect(cslCitation(base)).toEqual({
      id: 'en-2024-10-07-pardons-without-a-thaw',
      type: 'webpage',
      title: 'Pardons without a thaw',
      author: [
        { family: 'Wielgosz', given: 'Tomas' },
        { family: 'Marozava', given: 'Alena' },
      ],
      issued: { 'date-parts': [[2024, 10, 7]] },
      'container-title': 'Belarus Barometer',
      publisher: 'Barometer editorial desk',
      URL: 'https://barometer.example.org/analyses/2024-10-07-pardons-without-a-thaw/',
      language: 'en',
    });
  });

  it('has the publisher as a literal author for the editorial byline', () => {
    expect(cslCitation(editorial).author).toEqual([{ literal: 'Barometer editorial desk' }]);
  });
});

describe('Highwire and Dublin Core meta', () => {
  it('lists every author, the date with slashes and the publisher', () => {
    const meta = citationMeta(base);
    expect(meta.filter((m) => m.name === 'citation_author').map((m) => m.content)).toEqual(['Tomas Wielgosz', 'Alena Marozava']);
    expect(meta).toContainEqual({ name: 'citation_publication_date', content: '2024/10/07' });
    expect(meta).toContainEqual({ name: 'citation_publisher', content: 'Barometer editorial desk' });
    expect(meta).toContainEqual({ name: 'citation_title', content: 'Pardons without a thaw' });
    expect(meta).toContainEqual({ name: 'DC.date', content: '2024-10-07' });
    expect(citationMeta(editorial).filter((m) => m.name === 'citation_author').map((m) => m.content)).toEqual(['Barometer editorial desk']);
  });
});

describe('citationFor on the sample corpus', () => {
  let content: LoadedContent;
  beforeAll(async () => {
    content = await loadContent();
  });

  it('uses the analysis language for names, publisher and site title', () => {
    const ru = content.model.byId.get('ru/2022-08-29-minsk-bets-on-a-divided-west');
    expect(ru).toBeDefined();
    if (!ru) return;
    const c = citationFor(content.model, ru);
    expect(c).toMatchObject({ lang: 'ru', authors: [], publisher: 'Редакция «Барометра»', siteTitle: 'Барометр Беларуси', url: 'https://barometer.example.org/ru/analyses/2022-08-29-minsk-bets-on-a-divided-west/' });
    const multi = content.model.byId.get('en/2024-10-07-pardons-without-a-thaw');
    expect(multi && citationFor(content.model, multi).authors).toEqual(['Tomas Wielgosz', 'Alena Marozava']);
  });
});

// Chicago, RIS and the compact CSL-JSON layout (issue 13: cite without JavaScript).
const editorialRu: CitationInput = { ...base, key: 'ru-x', title: 'Минск ставит на раскол Запада', lang: 'ru', locale: 'ru-RU', authors: [], publisher: 'Редакция «Барометра»', siteTitle: 'Барометр Беларуси', date: '2022-08-29' };

describe('Chicago', () => {
  it('inverts only the first author, joins with "and", and dates the page', () => {
    expect(chicagoText(base)).toBe('Wielgosz, Tomas, and Alena Marozava. “Pardons without a thaw.” Belarus Barometer. Barometer editorial desk, October 7, 2024. https://barometer.example.org/analyses/2024-10-07-pardons-without-a-thaw/.');
    expect(chicagoText({ ...base, authors: ['A One', 'B Two', 'C Three'] })).toMatch(/^One, A, B Two, and C Three\. /);
  });

  it('names the publisher as author of an unsigned piece, once, in the page language', () => {
    const text = chicagoText(editorialRu);
    expect(text.startsWith('Редакция «Барометра». “Минск ставит на раскол Запада.” Барометр Беларуси. 29 августа 2022')).toBe(true);
    expect(text.split('Редакция').length).toBe(2);
  });

  it('keeps seven authors and "et al." from eleven', () => {
    const many = Array.from({ length: 11 }, (_, i) => `G${i} F${i}`);
    const text = chicagoText({ ...base, authors: many });
    expect(text).toContain('G6 F6, et al.');
    expect(text).not.toContain('F7');
  });
});

describe('RIS', () => {
  it('writes a web-page record with one AU per person, CRLF lines and an ER end', () => {
    const ris = risCitation(base);
    const lines = ris.split('\r\n');
    expect(lines[0]).toBe('TY  - ELEC');
    expect(lines.filter((l) => l.startsWith('AU  - '))).toEqual(['AU  - Wielgosz, Tomas', 'AU  - Marozava, Alena']);
    expect(lines).toContain('TI  - Pardons without a thaw');
    expect(lines).toContain('DA  - 2024/10/07');
    expect(lines).toContain('PY  - 2024');
    expect(lines).toContain(`UR  - ${base.url}`);
    expect(lines).toContain('LA  - English');
    expect(lines.at(-2)).toBe('ER  -');
    expect(ris.endsWith('\r\n')).toBe(true);
    expect(ris.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('keeps every value on its line, and the publisher whole as corporate author', () => {
    const ris = risCitation({ ...editorialRu, title: 'Two\nlines' });
    expect(ris).toContain('AU  - Редакция «Барометра»\r\n');
    expect(ris).toContain('TI  - Two lines\r\n');
  });
});

describe('compact CSL-JSON', () => {
  it('puts short values (authors, the date) on one line and round-trips', () => {
    const item = cslCitation(base);
    const text = compactJson([item]);
    expect(JSON.parse(text)).toEqual([item]);
    expect(text).toContain('"issued": {"date-parts": [[2024, 10, 7]]}');
    expect(text).toContain('{"family": "Wielgosz", "given": "Tomas"}');
    expect(text.split('\n').length).toBeLessThan(20);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(120);
  });
});

it('puts the citation files beside the page', () => {
  expect(citationFileUrl({ url: sitePaths('en').analysis('be', 'x-y') }, 'bib')).toBe('/be/analyses/x-y.bib');
  expect(citationFileUrl({ url: sitePaths('en').analysis('en', 'x-y') }, 'ris')).toBe('/analyses/x-y.ris');
});
