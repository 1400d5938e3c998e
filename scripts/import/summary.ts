/**
 * The summary: the first one to three sentences of the first paragraph, as printed, within the
 * schema's 600 characters. Nothing is written that the page does not say.
 */

/** Longest summary the schema accepts. */
export const SUMMARY_MAX = 600;

import { sentences } from '../../src/lib/sentences.ts';

/**
 * Derives the summary from the first paragraph's text (footnote markers removed): as many of its
 * first three sentences as fit in 600 characters. A first sentence longer than that is cut at a
 * word boundary and marked with "…" (`shortened` tells the caller to warn).
 */
export function deriveSummary(paragraph: string): { summary: string; shortened: boolean } | undefined {
  const text = paragraph.replace(/\s*\[\d{1,3}\]/gu, '').replace(/\s+/gu, ' ').trim();
  if (text === '') return undefined;
  const all = sentences(text);
  let summary = '';
  for (const s of all.slice(0, 3)) {
    const next = summary === '' ? s : `${summary} ${s}`;
    if (next.length > SUMMARY_MAX) break;
    summary = next;
  }
  if (summary !== '') return { summary, shortened: false };
  const cut = text.slice(0, SUMMARY_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return { summary: `${(space > SUMMARY_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/u, '')}…`, shortened: true };
}
