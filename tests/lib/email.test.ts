/**
 * The weekly email edition from the sample content: MJML's own strict validation, nothing that
 * loads from elsewhere or runs, text escaped, the plain text wrapped at 72 with every link of
 * the HTML as a numbered reference. (Rendering in Chromium and links resolving to built pages:
 * tests/e2e/email.spec.ts.)
 */
import mjml2html from 'mjml';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildEdition, editionHtml, editionMjml, editionText, TEXT_WIDTH, UNSUBSCRIBE_PLACEHOLDER, wrapText, type Edition } from '../../src/email/email.ts';
import { longFormByWeek } from '../../src/email/long-form.ts';
import { key } from '../../src/lib/site-model.ts';
import { loadContent, type LoadedContent } from '../helpers/content-model.ts';

let content: LoadedContent;
let editions: Edition[];

/** Every href of an HTML document, in order. */
const hrefs = (html: string) => [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/gi)].map((m) => (m[1] ?? '').replaceAll('&amp;', '&'));

beforeAll(async () => {
  content = await loadContent();
  const model = content.model;
  const longForm = longFormByWeek(model);
  editions = model.languages.flatMap((lang) =>
    (model.weeks.get(lang) ?? []).map((monday) => buildEdition(model, lang, monday, model.byWeek.get(key(lang, monday)) ?? [], longForm.get(key(lang, monday)) ?? [])),
  );
});

describe('the email editions of the sample content', () => {
  it('exist for every week and language with weekly analyses, long-form pieces included where the week has them', () => {
    const model = content.model;
    expect(editions.length).toBe(model.languages.reduce((n, l) => n + (model.weeks.get(l)?.length ?? 0), 0));
    expect(editions.some((e) => e.pieces.length > 0)).toBe(true);
    for (const e of editions) {
      expect(e.topics.length).toBeGreaterThan(0);
      for (const p of e.pieces) {
        const r = model.byLang.get(e.lang)?.find((x) => e.weekUrl && `${model.settings.baseUrl.replace(/\/+$/, '')}${x.url}` === p.url);
        expect(r?.data.kind).not.toBe('weekly');
        expect(r && r.date >= e.monday && r.date <= `${e.monday.slice(0, 8)}99`).toBeTruthy();
      }
    }
  });

  it("pass MJML's own validation with no error (the build renders with validationLevel 'strict')", async () => {
    for (const e of editions) {
      const result = await mjml2html(editionMjml(e), { validationLevel: 'soft', fonts: {} });
      expect(result.errors.map((x) => x.formattedMessage), `${e.lang} ${e.monday}`).toEqual([]);
    }
  });

  it('carry subject, preheader, 600 px layout, dark-scheme styles, and nothing that runs or loads from elsewhere', async () => {
    for (const e of editions) {
      const html = await editionHtml(e);
      expect(html).toContain(`<title>${e.subject.replaceAll('&', '&amp;')}</title>`);
      expect(e.preheader.length).toBeGreaterThan(0);
      expect(e.preheader.length).toBeLessThanOrEqual(140);
      expect(html).toContain('max-width:600px');
      expect(html).toMatch(/prefers-color-scheme: ?dark/);
      expect(html).toMatch(new RegExp(`<html[^>]*lang="${e.lang}"`));
      expect(html).not.toMatch(/<script|<link[^>]+stylesheet|@import|fonts\.googleapis|<img|<iframe|<form/i);
      for (const href of hrefs(html)) if (href !== UNSUBSCRIBE_PLACEHOLDER) expect(href).toMatch(/^https:\/\/barometer\.example\.org\//);
    }
  });

  it('have a plain-text version wrapped at 72 columns that carries every link of the HTML', async () => {
    for (const e of editions) {
      const text = editionText(e);
      const refs = [...text.matchAll(/^\[(\d+)\] (\S+)$/gm)].map((m) => m[2]);
      for (const line of text.split('\n')) {
        if (!/^\[\d+\] \S+$/.test(line)) expect(line.length, `${e.lang} ${e.monday}: ${line}`).toBeLessThanOrEqual(TEXT_WIDTH);
      }
      expect(new Set(refs)).toEqual(new Set(hrefs(await editionHtml(e))));
      // Every reference number used in the text has its line in the list, and no number is unused.
      const body = text.slice(0, text.lastIndexOf('\n\n'));
      const used = new Set([...body.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
      expect([...used].sort((a, b) => a - b)).toEqual(refs.map((_, i) => i + 1));
      for (const item of [...e.topics, ...e.pieces]) expect(text.replace(/\s+/g, ' ')).toContain(item.summary.replace(/\s+/g, ' '));
    }
  });

  // editionHtml renders MJML once per edition for both copies and puts each copy's footer in.
  it('give each copy exactly what MJML renders of that copy on its own, in either order', async () => {
    const own = async (e: Edition, copy: 'mail' | 'web') => (await mjml2html(editionMjml(e, copy), { validationLevel: 'skip', fonts: {}, keepComments: false })).html;
    for (const [i, e] of editions.entries()) {
      const order: ('mail' | 'web')[] = i % 2 === 0 ? ['mail', 'web'] : ['web', 'mail'];
      for (const copy of order) expect(await editionHtml(e, copy), `${e.lang} ${e.monday} ${copy}`).toBe(await own(e, copy));
    }
    const e = editions[0];
    if (!e) throw new Error('no edition in the sample content');
    expect(await editionHtml(e, 'mail')).toContain(UNSUBSCRIBE_PLACEHOLDER);
    expect(await editionHtml(e, 'web')).not.toContain(UNSUBSCRIBE_PLACEHOLDER);
  });

  it('escape what editors wrote: markup in a title or summary stays text', async () => {
    const first = editions[0];
    if (!first?.topics[0]) throw new Error('no edition');
    const hostile: Edition = {
      ...first,
      subject: 'A & B <b>',
      topics: [{ ...first.topics[0], title: '<script>alert(1)</script>', summary: 'Tom & "Jerry" <img src=x onerror=alert(1)>' }],
    };
    const html = await editionHtml(hostile);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>A &amp; B &lt;b&gt;</title>');
  });
});

describe('wrapText', () => {
  it('fills lines up to the width, counting Cyrillic letters as one column, and never breaks a long word', () => {
    const words = 'Мінск чакае, што вайна падзеліць Еўропу і Амерыку; Брусэль адказвае новымі санкцыямі і заклікамі да дыялогу.';
    const wrapped = wrapText(words, 30);
    for (const line of wrapped.split('\n')) expect([...line].length).toBeLessThanOrEqual(30);
    expect(wrapped.replaceAll('\n', ' ')).toBe(words);
    expect(wrapText(`see ${'x'.repeat(80)} here`, 72)).toBe(`see\n${'x'.repeat(80)}\nhere`);
    expect(wrapText('a  b\n c', 72)).toBe('a b c');
  });
});
