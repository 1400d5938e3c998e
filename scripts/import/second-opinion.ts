/**
 * A second extractor's opinion on an HTML page's main content. Readability picks the article's
 * block; Defuddle (a second, independent extractor with its own lists of share bars, related
 * links, newsletter and promo boxes) reads the same page. Neither is right on every page (scored
 * in docs/decisions/importer-real-pages.md), so the two are combined by what can be measured on
 * the page itself: how much of one text the other holds, and how many of the headline's and
 * description's words each shares.
 */
import { DefuddleClass } from 'defuddle/node';

/**
 * A text reduced to its letters and digits, lower-cased. The two extractors write the same text
 * with different spaces and invisible characters (one turns a zero-width space into a space, the
 * other drops it; Chinese and Japanese have no spaces at all), so texts are compared as runs of
 * letters, not as words.
 */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\p{M}]+/gu, '');
}

/** Length of the letter runs compared: long enough to be specific to one sentence, short enough for a heading. */
const RUN = 10;

/** The second extractor's text, ready to be asked whether it holds a block. */
export interface SecondOpinion {
  /** Its letters and digits, squashed (short blocks are looked up in it whole). */
  text: string;
  /** Every run of RUN letters in it. */
  runs: ReadonlySet<string>;
}

/** The second opinion made of the texts of its blocks. */
export function opinionOf(texts: readonly string[]): SecondOpinion {
  const text = texts.map(squash).join('');
  const runs = new Set<string>();
  for (let i = 0; i + RUN <= text.length; i += 1) runs.add(text.slice(i, i + RUN));
  return { text, runs };
}

/** How many letters and digits a text holds (a block's weight). */
function letters(text: string): number {
  return squash(text).length;
}

/**
 * Defuddle's main content (HTML) of a parsed page (which it edits: pass a document nothing else
 * needs). Its console messages about a page's broken JSON-LD are kept off the editor's terminal,
 * where the importer's own report goes. Undefined when it finds nothing or fails.
 */
export function defuddle(document: Document, url: string | undefined): string | undefined {
  const saved = { log: console.log, warn: console.warn, error: console.error };
  const quiet = (): void => undefined;
  Object.assign(console, { log: quiet, warn: quiet, error: quiet });
  try {
    const options = url === undefined ? { useAsync: false } : { useAsync: false, url };
    const html = new DefuddleClass(document, options).parse().content;
    return html || undefined;
  } catch {
    return undefined;
  } finally {
    Object.assign(console, saved);
  }
}

/** Share of a text's runs of letters found in the second opinion (a text shorter than a run is looked up whole). */
export function heldIn(text: string, second: SecondOpinion): number {
  const t = squash(text);
  if (t.length === 0) return 1;
  if (t.length < RUN) return second.text.includes(t) ? 1 : 0;
  let hits = 0;
  const n = t.length - RUN + 1;
  for (let i = 0; i < n; i += 1) if (second.runs.has(t.slice(i, i + RUN))) hits += 1;
  return hits / n;
}

/** Share of the letters of some texts that the second opinion holds (each text weighted by its length). */
export function coverage(texts: readonly string[], second: SecondOpinion): number {
  let held = 0;
  let total = 0;
  for (const t of texts) {
    const n = letters(t);
    held += heldIn(t, second) * n;
    total += n;
  }
  return total === 0 ? 1 : held / total;
}

/** Words of a text, lower-cased (for comparing a text with its headline). */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
}

/** Share of the headline's and description's longer words (4+ letters) found among a text's first 300 words. */
export function sharedWithHeadline(text: string, headline: string): number {
  const wanted = new Set(words(headline).filter((w) => w.length >= 4));
  if (wanted.size === 0) return 0;
  const first = new Set(words(text).slice(0, 300));
  let n = 0;
  for (const w of wanted) if (first.has(w)) n += 1;
  return n / wanted.size;
}

/** Least share of the first extractor's text the second must hold before it may leave blocks out of it. */
export const AGREEMENT = 0.6;

/** A block whose 3-word runs the second opinion holds less than this share of is left out (when the two agree overall). */
export const BLOCK_HELD = 0.5;
