/**
 * The renderer's limits (src/markdown/body-limits.ts): a body that would nest, fill tables or
 * grow past them is refused with the line where it happens, before its HTML is built, in-thread
 * and on the worker pool alike; bodies inside the limits render as before.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BodyLimitError, MAX_BODY_HTML, MAX_NESTING, MAX_TABLE_CELLS } from '../../src/markdown/body-limits.ts';
import { closeRenderPool, renderOnPool } from '../../src/markdown/render-pool.ts';
import { renderMarkdown } from '../../src/markdown/render-markdown.ts';

const WORKER = fileURLToPath(new URL('../../src/markdown/render-worker.ts', import.meta.url));

/** The refusal for `body`, or undefined when it renders. */
function refusal(body: string): { line: number | undefined; message: string } | undefined {
  try {
    renderMarkdown(body, 'content/analyses/en/x.md');
    return undefined;
  } catch (error) {
    if (!(error instanceof BodyLimitError)) throw error;
    return { line: error.line, message: error.message };
  }
}

/** A table with `columns` header cells and `rows` one-cell rows (GFM fills each row to the header). */
const table = (columns: number, rows: number) => `|${' h |'.repeat(columns)}\n|${'---|'.repeat(columns)}\n${'| x |\n'.repeat(rows)}`;

afterAll(closeRenderPool);

describe('nesting', () => {
  it.each([
    ['quotes written without spaces', (n: number) => `${'>'.repeat(n)} x`],
    ['quotes written with spaces', (n: number) => `${'> '.repeat(n)}x`],
    ['emphasis', (n: number) => `${'**a '.repeat(n)}b${'**'.repeat(n)}`],
    ['HTML elements', (n: number) => `${'<span>'.repeat(n)}x${'</span>'.repeat(n)}`],
    ['lists', (n: number) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')],
  ])('%s: %i levels render, one more is refused', (_, make) => {
    expect(refusal(`Intro.\n\n${make(MAX_NESTING)}`)).toBeUndefined();
    const refused = refusal(`Intro.\n\n${make(MAX_NESTING + 1)}`);
    expect(refused?.message).toMatch(/^nested more than 100 levels deep/);
    expect(refused?.line).toBeGreaterThanOrEqual(3);
  });

  it('is refused unparsed far past the limit (the parser is quadratic on it), in linear time', () => {
    expect(refusal(`${'>'.repeat(200_000)} x`)).toEqual({ line: 1, message: expect.stringMatching(/^nested more than 100/) as unknown as string });
  });

  it('does not count a thematic break written with spaces as lists', () => {
    expect(refusal(`Text.\n\n${'- '.repeat(500)}\n\nMore.`)).toBeUndefined();
  });
});

describe('table cells', () => {
  it('are counted at the header width in all tables of a body, and refused with the line of the table that passes the limit', () => {
    expect(refusal(table(100, 99))).toBeUndefined();
    expect(refusal(`${table(50, 99)}\nBetween.\n\n${table(50, 100)}`)).toEqual({
      line: 105,
      message: `tables with 10,050 cells (this table: 50 columns × 101 rows, every row filled to the header's 50 cells), expected at most ${MAX_TABLE_CELLS.toLocaleString('en')} cells in one analysis`,
    });
  });

  it('refuse the 4.8 KB table of 800 columns instead of building 6.4 MB', () => {
    // A header of 800 cells, its delimiter row, then 800 rows of one cell each.
    const body = `${'|a'.repeat(800)}|\n${'|-'.repeat(800)}|\n${'x\n'.repeat(800)}`;
    expect(body.length).toBeLessThan(5_000);
    expect(refusal(body)?.message).toMatch(/^tables with 640,800 cells/);
  });
});

describe('the size of the HTML', () => {
  it('is estimated from the Markdown tree of a body with a table, before its HTML is built: the line names the largest block', () => {
    const refused = refusal(`${table(3, 2)}\n${'x[^1] '.repeat(10_000)}\n\n[^1]: The note.\n`);
    expect(refused?.message).toMatch(/^renders to about \d+\.\d million characters of HTML, expected at most 2\.0 million/);
    expect(refused?.line).toBe(6);
  });

  it('is measured on the HTML itself: 10,000 references to one footnote, each with its back-link', () => {
    expect(refusal(`Intro.\n\n${'x[^1] '.repeat(10_000)}\n\n[^1]: The note.\n`)?.message).toMatch(/^renders to 2\.\d million characters of HTML, expected at most 2\.0 million/);
    expect(refusal(`${'word '.repeat(MAX_BODY_HTML / 5 + 1_000)}`)?.message).toMatch(/^renders to \d+\.\d million characters of HTML/);
  });

  it('leaves an ordinary long body alone', () => {
    expect(refusal(`${'A sentence of an ordinary analysis, with a [link](https://example.org).\n\n'.repeat(2_000)}`)).toBeUndefined();
  });
});

describe('on the worker pool', () => {
  it('a refusal arrives as a BodyLimitError with its line', async () => {
    const error: unknown = await renderOnPool(WORKER, { body: `Intro.\n\n${table(800, 800)}`, data: {}, filePath: undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BodyLimitError);
    expect((error as BodyLimitError).line).toBe(3);
  });
});
