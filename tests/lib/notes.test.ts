/** Footnotes and sources linked both ways (issue 13). */
import { describe, expect, it } from 'vitest';
import { footnotesIn, linkFootnotes, matchNotesToSources, notesBySource } from '../../src/lib/notes.ts';

const html = `<p>Text.<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref="">1</a></sup></p>
<section data-footnotes="" class="footnotes"><h2 class="sr-only" id="user-content-footnote-label">Notes</h2>
<ol>
<li id="user-content-fn-1">
<p>Lenta.ru, report of 10 October 2022 (in Russian). <a href="#user-content-fnref-1" data-footnote-backref="" aria-label="Back to the text" class="data-footnote-backref">↩</a></p>
</li>
<li id="user-content-fn-2">
<p>Ibid. <a href="#user-content-fnref-2" data-footnote-backref="" class="data-footnote-backref">↩</a></p>
</li>
<li id="user-content-fn-x">
<p>See <a href="https://example.org/tass/1">the TASS report</a>. <a href="#user-content-fnref-x" data-footnote-backref="" class="data-footnote-backref">↩</a></p>
</li>
<li id="user-content-fn-4">
<p>An aside that cites nothing. <a href="#user-content-fnref-4" data-footnote-backref="" class="data-footnote-backref">↩</a></p>
</li>
</ol>
</section>`;

const sources = [
  { title: 'Минск и Москва', url: 'https://example.org/lenta/1', outlet: 'Lenta.ru' },
  { title: 'В Брюсселе', url: 'https://example.org/tass/1', outlet: 'TASS' },
];

describe('notes and sources', () => {
  it('reads the footnotes of the rendered body, without their back-links', () => {
    expect(footnotesIn(html)).toEqual([
      { label: '1', text: 'Lenta.ru, report of 10 October 2022 (in Russian).' },
      { label: '2', text: 'Ibid.' },
      { label: 'x', text: 'See the TASS report.' },
      { label: '4', text: 'An aside that cites nothing.' },
    ]);
  });

  it('matches by URL, then by outlet, repeats for "Ibid." and never guesses', () => {
    const m = matchNotesToSources(footnotesIn(html), sources);
    expect([...m]).toEqual([
      ['1', 0],
      ['2', 0],
      ['x', 1],
    ]);
    expect(notesBySource(m)).toEqual(new Map([[0, ['1', '2']], [1, ['x']]]));
  });

  it('links each matched footnote to its source, before its back-link', () => {
    const out = linkFootnotes(html, matchNotesToSources(footnotesIn(html), sources), (n) => `source ${n}`);
    expect(out).toContain('(in Russian). <a class="note-source" href="#source-1">source 1</a> <a href="#user-content-fnref-1"');
    expect(out).toContain('Ibid. <a class="note-source" href="#source-1">source 1</a>');
    expect(out).toContain('<a class="note-source" href="#source-2">source 2</a> <a href="#user-content-fnref-x"');
    expect(out.match(/note-source/g)?.length).toBe(3);
  });
});
