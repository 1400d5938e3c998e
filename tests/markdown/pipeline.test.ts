import { describe, expect, it } from 'vitest';
import { markdownProcessor } from '../../src/markdown/processor.ts';

/** Through the processor Astro is given, which the render workers' renderMarkdown sits behind. */
const renderer = await markdownProcessor.createRenderer({});
const render = async (md: string): Promise<string> => (await renderer.render(md)).code;

/** Every `href="#x"` in the HTML, and every `id="x"`. */
function fragments(html: string): { links: string[]; ids: Set<string> } {
  return {
    links: [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] ?? ''),
    ids: new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? '')),
  };
}

describe('the analysis Markdown pipeline', () => {
  it('renders GFM footnotes whose links and back-links all resolve', async () => {
    const html = await render('Claim one.[^1] Claim two.[^note]\n\n[^1]: First source.\n[^note]: Second source.\n');
    const { links, ids } = fragments(html);
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const link of links) expect(ids.has(link), `#${link} has a target`).toBe(true);
    expect(html).toContain('data-footnotes');
    expect(html).toContain('First source.');
  });

  it('gives headings prefixed ids and an anchor link to them', async () => {
    const html = await render('## The outlook\n\nText.\n');
    expect(html).toContain('<h2 id="user-content-the-outlook">');
    expect(html).toContain('<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#user-content-the-outlook">#</a>');
  });

  it('prefixes ids written in raw HTML so they cannot clobber the page', async () => {
    const html = await render('<p id="main">x</p>\n\n[jump](#main)\n');
    expect(html).toContain('id="user-content-main"');
    expect(html).toContain('href="#user-content-main"');
    expect(html).not.toContain('id="main"');
  });

  it('keeps harmless raw HTML and removes script, handlers, styles and frames', async () => {
    const html = await render(
      [
        'Some <b>bold</b>, <del>struck</del> and 10<sup>3</sup>.',
        '',
        '<script>alert(1)</script>',
        '',
        '<img src="x" onerror="alert(2)">',
        '',
        '<iframe src="https://example.org"></iframe>',
        '',
        '<style>body{display:none}</style>',
        '',
        '<details ontoggle="alert(3)" open><summary>s</summary>d</details>',
        '',
        '<svg><script>alert(4)</script></svg>',
        '',
        '<a href="JaVaScRiPt:alert(5)">x</a> [y](javascript:alert(6)) <a href="&#106;avascript:alert(7)">z</a>',
      ].join('\n'),
    );
    expect(html).toContain('<b>bold</b>');
    expect(html).toContain('<del>struck</del>');
    expect(html).toContain('10<sup>3</sup>');
    expect(html).not.toMatch(/<script|<iframe|<style|<svg|onerror|ontoggle|javascript:/i);
    expect(html).not.toMatch(/alert\(\d\)/);
  });

  it('marks external links noopener noreferrer', async () => {
    const html = await render('[BelTA](https://www.belta.by/)\n');
    expect(html).toContain('<a href="https://www.belta.by/" rel="noopener noreferrer">BelTA</a>');
  });
});

describe('the renderer against what the remark/rehype pipeline gave', () => {
  it('keeps GFM column alignment (the parser writes it as a style, which the schema drops)', async () => {
    const html = await render('| a | b | c |\n|:--|--:|:-:|\n| 1 | 2 | 3 |\n');
    expect(html).toContain('<th align="left">a</th>');
    expect(html).toContain('<td align="right">2</td>');
    expect(html).toContain('<td align="center">3</td>');
    expect(html).not.toContain('style=');
  });

  it('reads a body that opens with a rule as Markdown, not front matter', async () => {
    const html = await render('---\n\ntext\n\n---\n');
    expect(html).toContain('<hr>');
    expect(html).toContain('<p>text</p>');
  });

  it('slugs repeated headings apart and keeps an id the author wrote', async () => {
    const html = await render('## Same\n\n## Same\n\n<h2 id="own">Own</h2>\n');
    expect(html).toContain('<h2 id="user-content-same">');
    expect(html).toContain('<h2 id="user-content-same-1">');
    expect(html).toContain('<h2 id="user-content-own">Own<a class="heading-anchor" aria-hidden="true" tabindex="-1" href="#user-content-own">#</a></h2>');
  });

  it('marks only http(s) and protocol-relative links external', async () => {
    const html = await render('[a](https://e.org/) [b](//e.org/x) [c](/local/) [d](mailto:x@e.org)\n');
    expect(html).toContain('<a href="https://e.org/" rel="noopener noreferrer">a</a>');
    expect(html).toContain('<a href="//e.org/x" rel="noopener noreferrer">b</a>');
    expect(html).toContain('<a href="/local/">c</a>');
    expect(html).toContain('<a href="mailto:x@e.org">d</a>');
  });
});
