/** Notes into sources: titles with nested quotes, outlets, URLs, access dates in both spellings, Ibid. */
import { describe, expect, it } from 'vitest';
import type { Source } from '../../../src/schemas/analysis.ts';
import { findNotes, noteToSource } from '../../../scripts/import/footnotes.ts';
import { textToBlocks } from '../../../scripts/import/text.ts';

/** Reads one note line the way the page parser does. */
function note(line: string, previous?: Source) {
  const blocks = textToBlocks(`Body text.[1]\n\n${line}\n`);
  const { notes } = findNotes(blocks, 0, blocks.length);
  const first = notes[0];
  if (!first) throw new Error('no note found');
  return noteToSource(first, previous);
}

describe('noteToSource', () => {
  it('reads title, outlet, URL and access date', () => {
    expect(note('[1] “Заголовок «в кавычках» тут”, Example Wire, https://wire.example.org/a/b/, (Date of Accesion: 11.10.2022).').source).toEqual({
      title: 'Заголовок «в кавычках» тут',
      outlet: 'Example Wire',
      url: 'https://wire.example.org/a/b/',
      accessed: '2022-10-11',
    });
    expect(note('[1] "Plain quotes", Outlet Name, http://x.example.com/p?q=1, (Date of Accession: 01.02.2021).').source).toMatchObject({
      title: 'Plain quotes',
      outlet: 'Outlet Name',
      url: 'http://x.example.com/p?q=1',
      accessed: '2021-02-01',
    });
    expect(note('[1] Unquoted title, Some Outlet, https://o.example.net/x (accessed: March 3, 2023)').source).toMatchObject({
      title: 'Unquoted title',
      outlet: 'Some Outlet',
      accessed: '2023-03-03',
    });
  });

  it('repeats the previous source for Ibid.', () => {
    const previous: Source = { title: 'T', url: 'https://e.example.org/', outlet: 'O' };
    expect(note('[1] Ibid.', previous).source).toEqual({ ...previous, note: 'Ibid.' });
    expect(note('[1] Там же.', previous).source).toEqual({ ...previous, note: 'Там же.' });
    expect(note('[1] Ibid.').warning).toMatch(/no source comes before it/);
  });

  it('keeps notes without a URL out of sources, with a warning', () => {
    const read = note('[1] A conversation with an official, March 2022.');
    expect(read.source).toBeUndefined();
    expect(read.warning).toMatch(/prints no URL/);
  });

  it('reports an access date that is not a date', () => {
    expect(note('[1] “T”, O, https://e.example.org/, (Date of Accession: 31.02.2022).').warning).toMatch(/not a date/);
  });
});
