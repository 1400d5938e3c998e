/**
 * The hostile corpus (tests/fixtures/hostile/) in a temp folder, with the cases too large for git
 * generated into it: 3,000 nested <div>s, a 1,000-deep list, one 100,000-character word, quotes
 * nested 150 and 3,000 deep written `>>>>` (no spaces), emphasis nested 20,000 deep, and a 4.8 KB
 * table of 800 columns that GFM fills to 640,800 cells.
 */
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The fixture folder. */
export const HOSTILE = 'tests/fixtures/hostile';

/** An opinion piece around a given body. */
function opinion(title: string, body: string): string {
  return `---\ntitle: ${title}\nsummary: A body built to break the reader.\nkind: opinion\npublished: 2022-09-01\n---\n\n${body}\n`;
}

/** The generated files: path below `content/` and text. */
export const GENERATED: Record<string, string> = {
  'analyses/en/deep-divs.md': opinion('Deep divs', `${'<div>'.repeat(3000)}x${'</div>'.repeat(3000)}`),
  'analyses/en/deep-list.md': opinion('Deep list', Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * i)}- level ${i + 1}`).join('\n')),
  'analyses/en/long-word.md': opinion('Long word', 'x'.repeat(100_000)),
  'analyses/en/quotes-150.md': opinion('Quotes 150 deep', `${'>'.repeat(150)} x`),
  'analyses/en/quotes-3000.md': opinion('Quotes 3,000 deep', `${'>'.repeat(3000)} x`),
  'analyses/en/nested-emphasis.md': opinion('Emphasis 20,000 deep', `${'**a '.repeat(20_000)}b${'**'.repeat(20_000)}`),
  'analyses/en/wide-table.md': opinion('A table of 800 columns', `|${' a |'.repeat(800)}\n|${'---|'.repeat(800)}\n${'| x |\n'.repeat(800)}`),
};

/** Copies the fixture (links kept as links) and adds the generated files; returns the temp folder holding `content/`. */
export async function hostileCopy(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'barometer-hostile-'));
  await cp(HOSTILE, dir, { recursive: true, verbatimSymlinks: true });
  for (const [path, text] of Object.entries(GENERATED)) await writeFile(join(dir, 'content', path), text);
  return dir;
}
