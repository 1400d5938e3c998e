/**
 * Footnote labels in the analysis's own language: the renderer (as astro.config.ts hands it to
 * Astro) renders the footnote heading and back-link labels from src/i18n for the language
 * folder in the file's path, and they survive sanitising.
 */
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ui } from '../../src/i18n/index.ts';
import { markdownProcessor } from '../../src/markdown/processor.ts';
import { analysisLanguage } from '../../src/markdown/render-markdown.ts';
import { LANGUAGES } from '../../src/schemas/primitives.ts';

const MD = 'Claim.[^1] Again.[^1] Other.[^2]\n\n[^1]: First note.\n[^2]: Second note.\n';

let render: (md: string, path?: string) => Promise<string>;

beforeAll(async () => {
  const processor = await markdownProcessor.createRenderer({});
  // Astro passes the file's URL (content/analyses/<lang>/<slug>.md) with each render.
  render = async (md, path) => (await processor.render(md, path ? { fileURL: pathToFileURL(path) } : {})).code;
});

/** The footnote heading's text and every back-link's aria-label. */
function labels(html: string): { heading: string | undefined; back: string[] } {
  return {
    heading: /<h2[^>]*id="user-content-footnote-label"[^>]*>([^<]*)<\/h2>/.exec(html)?.[1],
    back: [...html.matchAll(/<a [^>]*data-footnote-backref[^>]*>/g)].map((m) => /aria-label="([^"]*)"/.exec(m[0])?.[1] ?? '(none)'),
  };
}

describe('footnote labels', () => {
  it.each(LANGUAGES)('are in the language of content/analyses/%s/', async (lang) => {
    const html = await render(MD, `/srv/site/content/analyses/${lang}/2024/2024-01-15-a.md`);
    const { heading, back } = labels(html);
    expect(heading).toBe(ui[lang].footnotes.label);
    // Two references to note 1 and one to note 2: every back-link is labelled.
    expect(back).toEqual([ui[lang].footnotes.backLabel, ui[lang].footnotes.backLabel, ui[lang].footnotes.backLabel]);
    for (const other of LANGUAGES.filter((l) => l !== lang)) expect(html).not.toContain(ui[other].footnotes.backLabel);
  });

  it('fall back to English without a path (e.g. a snippet rendered on its own)', async () => {
    const { heading, back } = labels(await render(MD));
    expect(heading).toBe(ui.en.footnotes.label);
    expect(back[0]).toBe(ui.en.footnotes.backLabel);
  });

  it('leave a text without footnotes alone', async () => {
    const html = await render('Just text.\n', '/x/content/analyses/ru/a.md');
    expect(html).toBe('<p>Just text.</p>');
  });
});

describe('analysisLanguage', () => {
  it('reads the language folder under analyses/, the last one when several match', () => {
    expect(analysisLanguage('/srv/content/analyses/ru/x.md')).toBe('ru');
    expect(analysisLanguage('content/analyses/be/2022/x.md')).toBe('be');
    expect(analysisLanguage('C:\\site\\content\\analyses\\be\\x.md')).toBe('be');
    expect(analysisLanguage('/tmp/analyses/ru/site/content/analyses/en/x.md')).toBe('en');
  });

  it('falls back to English for no path, another folder or an unknown language', () => {
    expect(analysisLanguage(undefined)).toBe('en');
    expect(analysisLanguage('/srv/notes/ru/x.md')).toBe('en');
    expect(analysisLanguage('/srv/content/analyses/de/x.md')).toBe('en');
  });
});

describe('ids on one page', () => {
  it('never repeat: a heading slugged like a footnote, or like an id in raw HTML, gets another id', async () => {
    const html = await render('## fn-1\n\n## Footnote label\n\n<p id="intro">Raw.</p>\n\n## Intro\n\nClaim.[^1]\n\n[^1]: The note.\n', 'content/analyses/en/x.md');
    const ids = [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    expect(ids.length).toBeGreaterThanOrEqual(6);
    expect(new Set(ids).size).toBe(ids.length);
    // The footnote reference still leads to the footnote, not to the heading.
    const target = /<a [^>]*href="#([^"]*)"[^>]*data-footnote-ref/.exec(html)?.[1] ?? /data-footnote-ref[^>]*href="#([^"]*)"/.exec(html)?.[1];
    expect(html).toMatch(new RegExp(`<li id="${target ?? '?'}"`));
  });
});
