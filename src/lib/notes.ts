/**
 * Footnotes and sources as one apparatus: which source each footnote cites, and the rendered
 * notes with a link from each footnote to its source (the sources list links back). Pure string
 * work on the HTML our own Markdown pipeline writes (GFM footnotes with `user-content-` ids).
 */

import { NEUTRAL_LOCALE } from '../i18n/languages.ts';

/** A source as far as matching needs it. */
export interface SourceRef {
  url: string;
  outlet?: string | undefined;
  title: string;
}

/** One footnote: its label (the `[^label]`) and its text without markup. */
export interface NoteText {
  label: string;
  text: string;
}

/** The footnotes in rendered HTML: `<li id="user-content-fn-LABEL">…</li>`, in order. */
export function footnotesIn(html: string): NoteText[] {
  const out: NoteText[] = [];
  for (const m of html.matchAll(/<li id="user-content-fn-([^"]+)">([\s\S]*?)<\/li>/g)) {
    const text = (m[2] ?? '')
      .replace(/<a [^>]*data-footnote-backref[^>]*>[\s\S]*?<\/a>/g, '')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    out.push({ label: m[1] ?? '', text });
  }
  return out;
}

const fold = (s: string) => s.toLocaleLowerCase(NEUTRAL_LOCALE).normalize('NFKC');

/**
 * Which source each footnote cites (0-based index into `sources`), for the footnotes that cite
 * one: a note that contains a source's URL or title cites it; otherwise the first source, from
 * the one after the previous note's, whose outlet the note names; "Ibid." (ibid, там же, тамсама)
 * repeats the previous note's source. Notes that match nothing are left unlinked, never guessed.
 */
export function matchNotesToSources(notes: readonly NoteText[], sources: readonly SourceRef[]): Map<string, number> {
  const out = new Map<string, number>();
  let previous: number | undefined;
  for (const note of notes) {
    const text = fold(note.text);
    let hit = sources.findIndex((s) => text.includes(fold(s.url)) || text.includes(fold(s.title)));
    if (hit < 0 && /^(ibid|там\s+же|тамсама)/u.test(text) && previous !== undefined) hit = previous;
    if (hit < 0) {
      const start = previous === undefined ? 0 : previous + 1;
      const order = [...sources.keys()].slice(start).concat([...sources.keys()].slice(0, start));
      hit = order.find((i) => {
        const outlet = sources[i]?.outlet;
        return outlet !== undefined && outlet.length > 1 && text.includes(fold(outlet));
      }) ?? -1;
    }
    if (hit >= 0) {
      out.set(note.label, hit);
      previous = hit;
    }
  }
  return out;
}

/** The anchor id of source `index` (0-based) in the sources list. */
export const sourceId = (index: number): string => `source-${index + 1}`;

/** The anchor id of a footnote, as the Markdown pipeline writes it. */
export const footnoteId = (label: string): string => `user-content-fn-${label}`;

/**
 * The rendered body with a link from each matched footnote to its source, placed before the
 * footnote's back-link to the text. `label(n)` words the link ("source 2").
 */
export function linkFootnotes(html: string, matches: ReadonlyMap<string, number>, label: (n: number) => string): string {
  return html.replace(/(<li id="user-content-fn-([^"]+)">[\s\S]*?)(<a [^>]*data-footnote-backref)/g, (all, head: string, id: string, back: string) => {
    const index = matches.get(id);
    if (index === undefined) return all;
    return `${head}<a class="note-source" href="#${sourceId(index)}">${label(index + 1)}</a> ${back}`;
  });
}

/** For each source (0-based index), the labels of the footnotes that cite it, in note order. */
export function notesBySource(matches: ReadonlyMap<string, number>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [label, index] of matches) out.set(index, [...(out.get(index) ?? []), label]);
  return out;
}

/** A rendered body's footnotes joined to its sources, as the analysis page shows them. */
export interface FootnoteApparatus {
  /** The footnotes in order. */
  notes: NoteText[];
  /** The body with each matched footnote's link to its source. */
  html: string;
  /** For each source (0-based index), the labels of the notes that cite it. */
  citedBy: Map<number, string[]>;
  /** A note's label -> its number (1-based, in note order). */
  noteNumber: Map<string, number>;
}

/** The footnote apparatus of a rendered body: the analysis page and its search record share it. */
export function footnoteApparatus(rendered: string, sources: readonly SourceRef[], label: (n: number) => string): FootnoteApparatus {
  const notes = footnotesIn(rendered);
  const matches = matchNotesToSources(notes, sources);
  return { notes, html: linkFootnotes(rendered, matches, label), citedBy: notesBySource(matches), noteNumber: new Map(notes.map((n, i) => [n.label, i + 1])) };
}
