/**
 * The importer on input from the open web, as properties: random bytes (through the same UTF-8
 * check the CLI uses), text in many scripts at once (with bidi controls, joiners, combining marks
 * and emoji), and huge single lines. Nothing may throw; a page either gives a file the site
 * schema reads back, or clear `field: message` errors.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, firstInvalidUtf8Line, parseMarkdownSource, stringifyMarkdown } from '../../../src/content-reader/parse.ts';
import { type PageResult, parsePage } from '../../../scripts/import/parse-page.ts';
import { analysisSchema } from '../../../src/schemas/analysis.ts';
import { fixtureTaxonomy } from '../../fixtures/import/helpers.ts';

const taxonomy = fixtureTaxonomy();

/** Checks the outcome every input must have: a file that reads back valid, or clear errors. */
function expectWellFormed(r: PageResult): void {
  const errors = r.problems.filter((p) => p.severity === 'error');
  for (const p of r.problems) expect(`${p.field}: ${p.message}`).toMatch(/^[\w.()]+: \S/);
  expect(errors.map((p) => p.message).join('\n')).not.toMatch(/internal error/);
  if (r.markdown === undefined) {
    expect(errors.length).toBeGreaterThan(0);
    return;
  }
  expect(errors).toEqual([]);
  const back = parseMarkdownSource(r.fileName ?? 'x.md', r.markdown);
  expect(back.problems).toEqual([]);
  expect(analysisSchema.safeParse(back.data).success).toBe(true);
}

/** Words in many scripts, and the invisible characters that travel with scraped text. */
const MIXED = [
  'Minsk', 'Лукашэнка', 'ўрад', 'Лукашенко', 'сьвет', 'Αθήνα', 'القاهرة', 'שלום', '北京', '東京都', 'मिन्स्क', 'თბილისი', 'Łukaszenka',
  'Zürich', 'İstanbul', 'e\u0301te\u0301', 'ﬁnal', '👩‍👩‍👧', '🇧🇾', '1️⃣', '\u200Bzero\u200Bwidth', 'a\u00ADsoft', 'non\u00A0breaking',
  '\u202Eoverride\u202C', '\u2067isolate\u2069', 'ZWJ\u200Dnon\u200Cjoiner', 'Ω≈ç√', '«quoted»', '„цитата“', '“smart”', '—', '…', '№5',
];

/** A page: a title line, then paragraphs of mixed-script words, each ending in a full stop. */
const mixedPage = fc
  .record({
    title: fc.array(fc.constantFrom(...MIXED), { minLength: 2, maxLength: 8 }),
    paragraphs: fc.array(fc.array(fc.constantFrom(...MIXED), { minLength: 3, maxLength: 40 }), { minLength: 1, maxLength: 8 }),
  })
  .map(({ title, paragraphs }) => ({ title: title.join(' '), paragraphs: paragraphs.map((p) => `${p.join(' ')}.`) }));

describe('importer robustness', () => {
  it('random bytes never crash it: invalid UTF-8 is located, anything else gets a clear result', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 1500 }),
      // Mostly text with a few bytes flipped: the shape of a badly saved page.
      fc
        .tuple(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }))
        .map(([text, flips]) => {
          const out = new TextEncoder().encode(text);
          for (const [at, value] of flips) if (out.length > 0) out[at % out.length] = value;
          return out;
        }),
    );
    fc.assert(
      fc.property(bytes, fc.constantFrom('text' as const, 'html' as const), (input, format) => {
        const text = decodeUtf8(input);
        if (text === undefined) {
          const line = firstInvalidUtf8Line(input);
          expect(line).toBeGreaterThanOrEqual(1);
          expect(line).toBeLessThanOrEqual(input.filter((b) => b === 0x0a).length + 1);
          return;
        }
        expectWellFormed(parsePage({ file: 'bytes', text, format }, taxonomy, { date: '2022-10-11' }));
      }),
      { numRuns: 300 },
    );
  });

  it('text in many scripts at once is imported whole, every paragraph kept', () => {
    fc.assert(
      fc.property(mixedPage, fc.constantFrom('text' as const, 'html' as const), ({ title, paragraphs }, format) => {
        const text = format === 'html' ? `<html><body><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>` : `${title}\n\n${paragraphs.join('\n\n')}\n`;
        const r = parsePage({ file: 'mixed', text, format }, taxonomy, { date: '2022-10-11' });
        expectWellFormed(r);
        if (r.markdown === undefined) return;
        // Each paragraph's words are all in the file (the title may be taken as the summary too).
        const flat = r.markdown.replace(/[ \t\n]+/g, ' '); // ASCII only: no-break spaces are content
        for (const p of paragraphs) for (const word of p.slice(0, -1).split(' ')) expect(flat).toContain(word);
      }),
      { numRuns: 150 },
    );
  });

  // A real page whose article opened with a rule failed with "internal error": the writer gave
  // gray-matter the body as a string, and it read the body's opening `---` as frontmatter.
  it('writes files that read back as written, whatever the body starts with', () => {
    const opening = fc.constantFrom('---\n', '---\ntitle: not frontmatter\n---\n', '***\n', '- - -\n', '', '\n\n', '# Heading\n');
    const value = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constantFrom('2022-02-30', 'yes', 'no', '0x1F', '1e3', 'null', '~', 'a: b', '- item', '#tag', '"quoted"', "it's", ' padded '));
    fc.assert(
      fc.property(opening, fc.string({ unit: 'grapheme', maxLength: 200 }), fc.dictionary(fc.constantFrom('title', 'summary', 'topic', 'note'), value, { minKeys: 1 }), (start, rest, data) => {
        // Text at the end: an empty body is an error of its own.
        const body = `${start}${rest}\n\nClosing text.`.replace(/\r/g, '');
        const back = parseMarkdownSource('x.md', stringifyMarkdown(data, body));
        expect(back.problems).toEqual([]);
        expect(back.data).toEqual(data);
        expect(back.body.replace(/\n+$/, '')).toBe(body.replace(/\n+$/, ''));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a no-break space', '\u00a0'],
    ['an ideographic space', '\u3000'],
    ['a thin space after text', 'Minsk\u2009'],
    ['a byte-order mark', '\ufeff'],
    ['a line separator before text', '\u2028Minsk'],
    ['plain spaces around text', '  Minsk  '],
  ])('keeps %s at the edge of the last frontmatter value', (_, title) => {
    const text = stringifyMarkdown({ topic: 'economy', title }, 'Body text.');
    const back = parseMarkdownSource('x.md', text);
    expect(back.problems).toEqual([]);
    expect(back.data).toEqual({ topic: 'economy', title });
  });

  it('huge single lines in mixed scripts are handled in seconds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MIXED), { minLength: 20, maxLength: 60 }), fc.integer({ min: 2_000, max: 8_000 }), (words, repeat) => {
        const line = `${words.join(' ')}. `.repeat(repeat);
        const started = Date.now();
        const r = parsePage({ file: 'huge', text: `A title\n\n${line}\n`, format: 'text' }, taxonomy, { date: '2022-10-11' });
        expect(Date.now() - started).toBeLessThan(15_000);
        expectWellFormed(r);
      }),
      { numRuns: 4 },
    );
  }, 120_000);
});
