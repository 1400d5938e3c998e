/**
 * Numbered notes: "[1]" markers in the text and a numbered list of notes at the end ("[1] “Title”,
 * Outlet, https://..., (Date of Accession: 11.10.2022)."). They become GFM footnotes in the body
 * and `sources` entries in the frontmatter; "Ibid." repeats the previous source.
 */
import type { FootnoteDefinition, Nodes, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { Source } from '../../src/schemas/analysis.ts';
import { type Block, firstUrl, nodeText } from './markdown.ts';
import { parseDateText } from './periods.ts';

/** One note of the list at the end of a page. */
export interface Note {
  /** The number printed in front of it. */
  number: number;
  /** Its content as printed (without the "[n]"), as inline mdast. */
  content: PhrasingContent[];
  /** Its content as plain text. */
  text: string;
}

/** A note line: "[3] ...". */
const NOTE_LINE = /^\[(\d{1,3})\]\s*(\S[\s\S]*)$/u;

/** Removes the leading "[n]" (and the spaces after it) from a note paragraph's inline content. */
function dropMarker(children: readonly PhrasingContent[]): PhrasingContent[] {
  const out = [...children];
  const first = out[0];
  if (first?.type === 'text') {
    const rest = first.value.replace(/^\s*\[\d{1,3}\]\s*/u, '');
    if (rest === '') out.shift();
    else out[0] = { ...first, value: rest };
  }
  return out;
}

/**
 * Finds the notes at the end of the text: a run of paragraphs starting "[n]" that ends at `end`
 * (the signature or the end of the page), or a numbered list there whose numbers the text cites.
 * Returns the index where the notes start (`end` when there are none) and the notes.
 */
export function findNotes(blocks: readonly Block[], from: number, end: number): { start: number; notes: Note[] } {
  let start = end;
  while (start - 1 > from) {
    const b = blocks[start - 1];
    if (!b || b.node.type !== 'paragraph' || !NOTE_LINE.test(b.text)) break;
    start -= 1;
  }
  if (start < end) {
    const notes = blocks.slice(start, end).map((b) => {
      const paragraph = b.node as Paragraph;
      const content = dropMarker(paragraph.children);
      return { number: Number(NOTE_LINE.exec(b.text)?.[1] ?? '0'), content, text: nodeText({ type: 'paragraph', children: content }) };
    });
    return { start, notes };
  }
  const last = blocks[end - 1];
  if (end - 1 > from && last && last.node.type === 'list' && last.node.ordered === true) {
    const first = last.node.start ?? 1;
    const cited = citedNumbers(blocks.slice(from, end - 1));
    const notes = last.node.children.map((item, i) => {
      const paragraph = item.children.find((c): c is Paragraph => c.type === 'paragraph');
      const content = paragraph ? paragraph.children : [];
      return { number: first + i, content, text: nodeText(item) };
    });
    if (notes.some((n) => cited.has(n.number))) return { start: end - 1, notes };
  }
  return { start: end, notes: [] };
}

/** Every "[n]" number cited in some blocks' text. */
function citedNumbers(blocks: readonly Block[]): Set<number> {
  const out = new Set<number>();
  for (const b of blocks) for (const m of b.text.matchAll(/\[(\d{1,3})\]/gu)) out.add(Number(m[1]));
  return out;
}

/** "Ibid.", "Ibidem", "Там же", "Там жа", "a.g.e." (Turkish): the previous source again. */
const IBID = /^(?:ibid(?:em)?|там же|там жа|a\.\s?g\.\s?e)(?![\p{L}\p{N}])/iu;

/** An access date in brackets, in any spelling seen: "(Date of Accesion: 11.10.2022)". */
const ACCESSED = /\(\s*(?:date of acc?ess?ion|date of access|accessed(?: on)?|retrieved(?: on)?|erişim tarihi|дата обращения|дата доступа|дата звароту)\s*:?\s*([^)]*)\)/iu;

/** Closing quote marks for each opening one (“…”, „…“, «…», "…"). */
const CLOSERS: Readonly<Record<string, string>> = { '“': '”', '„': '“”', '«': '»', '"': '"', '‘': '’', '‹': '›' };

/**
 * The quoted title at the start of a note, up to the closing mark that pairs with the opening one
 * (so «inner» quotes inside “...” stay in the title); `end` is where the text after it starts.
 */
function quotedTitle(text: string): { title: string; end: number } | undefined {
  const closers = CLOSERS[text.charAt(0)];
  if (closers === undefined) return undefined;
  for (let i = 1; i < text.length; i += 1) {
    if (closers.includes(text.charAt(i))) {
      const title = text.slice(1, i).trim();
      return title === '' ? undefined : { title, end: i + 1 };
    }
  }
  return undefined;
}

/** What a note says about its source, plus anything the editor should know. */
export interface NoteSource {
  source?: Source;
  warning?: string;
}

/** Reads one note into a source; `previous` is what "Ibid." refers to. */
export function noteToSource(note: Note, previous: Source | undefined): NoteSource {
  const text = note.text.trim();
  if (IBID.test(text)) {
    if (!previous) return { warning: `note [${note.number}] says "${text}" but no source comes before it` };
    return { source: { ...previous, note: text } };
  }
  const url = firstUrl({ type: 'paragraph', children: note.content });
  if (url === undefined) return { warning: `note [${note.number}] prints no URL; kept as a footnote, not listed in sources` };
  const source: Source = { title: url, url };
  const beforeUrl = text.slice(0, Math.max(0, text.indexOf(url))).trim();
  const quoted = quotedTitle(beforeUrl);
  if (quoted) {
    source.title = quoted.title;
    const outlet = beforeUrl.slice(quoted.end).replace(/^[\s,.;:–—-]+|[\s,.;:–—-]+$/gu, '');
    if (outlet !== '') source.outlet = outlet;
  } else if (beforeUrl !== '') {
    const parts = beforeUrl.replace(/[\s,.;:]+$/u, '').split(/,\s+/u);
    source.title = parts[0] ?? beforeUrl;
    const outlet = parts.slice(1).join(', ').trim();
    if (outlet !== '') source.outlet = outlet;
  }
  if (source.title.trim() === '') source.title = url;
  const accessed = ACCESSED.exec(text);
  if (accessed) {
    const date = parseDateText(accessed[1] ?? '');
    if (date !== undefined) source.accessed = date;
    else return { source, warning: `note [${note.number}]: access date "${(accessed[1] ?? '').trim()}" is not a date; left out` };
  }
  return { source };
}

/** Splits "[n]" markers in text nodes into footnote references (only numbers that have a note). */
export function linkMarkers(nodes: RootContent[], numbers: ReadonlySet<number>): void {
  for (const node of nodes) visit(node as Nodes, numbers);
}

/** Walks one node (skipping links and code, whose text must stay as printed). */
function visit(node: Nodes, numbers: ReadonlySet<number>): void {
  if (!('children' in node) || node.type === 'link' || node.type === 'linkReference') return;
  const children = node.children as Nodes[];
  const out: Nodes[] = [];
  for (const child of children) {
    if (child.type !== 'text') {
      visit(child, numbers);
      out.push(child);
      continue;
    }
    let last = 0;
    for (const m of child.value.matchAll(/\[(\d{1,3})\]/gu)) {
      const n = Number(m[1]);
      if (!numbers.has(n)) continue;
      if (m.index > last) out.push({ type: 'text', value: child.value.slice(last, m.index) });
      out.push({ type: 'footnoteReference', identifier: String(n), label: String(n) });
      last = m.index + m[0].length;
    }
    if (last === 0) out.push(child);
    else if (last < child.value.length) out.push({ type: 'text', value: child.value.slice(last) });
  }
  (node as { children: Nodes[] }).children = out;
}

/** The footnote definitions for the notes, in their printed order. */
export function footnoteDefinitions(notes: readonly Note[]): FootnoteDefinition[] {
  return notes.map((n) => ({
    type: 'footnoteDefinition',
    identifier: String(n.number),
    label: String(n.number),
    children: [{ type: 'paragraph', children: n.content.length ? n.content : [{ type: 'text', value: n.text }] }],
  }));
}
