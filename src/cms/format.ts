/**
 * How the editors' form reads and writes an analysis file: Markdown with YAML frontmatter in the
 * style the hand-written content uses, so that saving a file the form did not change in substance
 * gives back the same bytes and a changed field shows as a one-line diff in review.
 *
 * The style: fields in the schema's order (handed over with the form's configuration, so this
 * module stays free of zod in the browser), strings that contain white
 * space double-quoted, lists of ids and dates on one line (`actors: [lukashenka, russia]`), lists
 * of objects and nested objects as blocks, a blank line between the frontmatter and the body.
 * YAML 1.2 core, as the content reader parses it, so dates stay strings.
 *
 * It also picks the week: a weekly analysis's period becomes the Monday-to-Sunday week of the day
 * the editor picked (the schema refuses any other period for `weekly`). Pure: runs in the browser
 * (the admin page registers it with the CMS) and in the unit tests.
 */
import { Document, isMap, isScalar, isSeq, parse, type Node } from 'yaml';
import { addDays, isRealIsoDate, mondayOf } from '../schemas/calendar.ts';

/** Where the CMS keeps the Markdown body among the fields it hands to and takes from the format. */
export const BODY_FIELD = 'body';

/** The name the admin page registers this format under (the collection's `format`); the CMS accepts `.md` files only for a name ending in `-frontmatter`. */
export const FILE_FORMAT = 'barometer-frontmatter';

/** A parsed file: the frontmatter's fields plus the body under BODY_FIELD. */
export type EntryData = Record<string, unknown>;

const FRONTMATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/**
 * Reads a file as the CMS wants it: the frontmatter's fields and the body. One blank line after
 * the frontmatter belongs to the layout, not to the body, so it is not shown in the editor.
 */
export function parseAnalysisFile(text: string): EntryData {
  const match = FRONTMATTER.exec(text);
  if (!match) return { [BODY_FIELD]: text };
  const value: unknown = parse(match[1] ?? '', { schema: 'core' });
  const fields = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as EntryData) : {};
  const body = text.slice(match[0].length).replace(/^\r?\n/, '');
  return { ...fields, [BODY_FIELD]: body };
}

/** True for a value the file should not carry: nothing, an empty string, list or object. */
function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

/** Drops empty values at every depth (the CMS hands back `''` and `[]` for fields left blank). */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty).filter((v) => !isEmpty(v));
  if (value !== null && typeof value === 'object') {
    const out: EntryData = {};
    for (const [k, v] of Object.entries(value)) {
      const kept = withoutEmpty(v);
      if (!isEmpty(kept)) out[k] = kept;
    }
    return out;
  }
  return value;
}

/**
 * The frontmatter's fields in the schema's order. `draft: false` is the default and left out;
 * `authors` is always written, as `[]` when empty: an empty list is a choice (the editorial
 * byline), and the content writes it so.
 */
function ordered(fields: EntryData, order: readonly string[]): EntryData {
  const all: EntryData = { authors: [], ...fields };
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const keys = Object.keys(all).sort((a, b) => rank(a) - rank(b));
  const out: EntryData = {};
  for (const key of keys) if (!(key === 'draft' && all[key] === false)) out[key] = all[key];
  return out;
}

/** A weekly analysis's period as the Monday-to-Sunday week of the day picked as its start. */
export function weekOf(fields: EntryData): EntryData {
  const period = fields['period'];
  if (fields['kind'] !== 'weekly' || period === null || typeof period !== 'object') return fields;
  const start = (period as EntryData)['start'];
  if (typeof start !== 'string' || !isRealIsoDate(start)) return fields;
  const monday = mondayOf(start);
  return { ...fields, period: { ...(period as EntryData), start: monday, end: addDays(monday, 6) } };
}

/** Applies the house style to one node of the frontmatter document. */
function style(node: Node | null): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string' && /\s/u.test(node.value)) node.type = 'QUOTE_DOUBLE';
  } else if (isSeq(node)) {
    if (node.items.every((item) => isScalar(item))) node.flow = true;
    for (const item of node.items) style(item as Node);
  } else if (isMap(node)) {
    for (const pair of node.items) style(pair.value as Node);
  }
}

/** Writes an entry the CMS hands over back into the file's text, fields in `order` (the schema's). */
export function formatAnalysisFile(data: EntryData, order: readonly string[]): string {
  const { [BODY_FIELD]: rawBody, ...rest } = data;
  const fields = ordered(weekOf(withoutEmpty(rest) as EntryData), order);
  const doc = new Document(fields, { schema: 'core' });
  style(doc.contents as Node);
  const yaml = Object.keys(fields).length ? doc.toString({ lineWidth: 0, flowCollectionPadding: false }) : '';
  const body = typeof rawBody === 'string' ? rawBody : '';
  return `---\n${yaml}---\n\n${body.endsWith('\n') || body === '' ? body : `${body}\n`}`;
}
