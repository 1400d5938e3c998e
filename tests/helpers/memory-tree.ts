/** An in-memory content tree for validator tests: valid settings and taxonomy plus given files. */
import type { ContentFile } from '../../src/content-reader/index.ts';

const enc = new TextEncoder();

/** The settings and taxonomy every in-memory tree starts with. */
export const BASE_FILES: Record<string, string> = {
  'content/site.yaml': `title: T
description: D
publisher: P
baseUrl: https://example.org
verdicts:
  worse: { en: w, be: w, ru: w }
  unchanged: { en: u, be: u, ru: u }
  better: { en: b, be: b, ru: b }
`,
  'content/topics/belarus-west-relations.yaml': 'name: Belarus-West relations\ndescription: d\norder: 1\n',
  'content/topics/belarus-russia-relations.yaml': 'name: Belarus-Russia relations\ndescription: d\norder: 2\n',
  'content/actors/lukashenka.yaml': 'name: Aliaksandr Lukashenka\naliases: [Lukashenko]\nkind: person\n',
  'content/actors/nato.yaml': 'name: NATO\nkind: organisation\n',
  'content/authors/ann-writer.yaml': 'name: Ann Writer\nbio: b\n',
};

/** A valid weekly analysis's frontmatter lines, to be varied by tests. */
export const VALID_WEEKLY = `title: Minsk waits
summary: One sentence.
kind: weekly
period: { start: 2022-08-29, end: 2022-09-04 }
topic: belarus-west-relations
trend: worse
authors: []
actors: [lukashenka, nato]`;

/** Builds the tree: base files plus `extra` (path -> text or bytes). */
export function tree(extra: Record<string, string | Uint8Array>): ContentFile[] {
  const all = { ...BASE_FILES, ...extra };
  return Object.entries(all)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, v]) => ({ path, bytes: typeof v === 'string' ? enc.encode(v) : v }));
}

/** A Markdown analysis file from frontmatter lines and a body. */
export function md(frontmatter: string, body = 'Body text.\n'): string {
  return `---\n${frontmatter}\n---\n\n${body}`;
}
