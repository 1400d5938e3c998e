import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { beforeAll, describe, expect, it } from 'vitest';
import { rehypePlugins, remarkRehypeOptions } from '../../src/markdown/pipeline.ts';

let render: (md: string) => Promise<string>;

beforeAll(async () => {
  // The same options astro.config.ts hands to `unified()`.
  const processor = await createMarkdownProcessor({ rehypePlugins, remarkRehype: remarkRehypeOptions, syntaxHighlight: false, smartypants: false });
  render = async (md) => (await processor.render(md)).code;
});

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
