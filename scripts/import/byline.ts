/**
 * Author names as pages print them: "By Jane Roe", or a name at the end (often printed twice)
 * followed by a bio. Names are cleaned (honorifics out, capitals normalised with the name's own
 * locale) and matched against `content/authors` by name and aliases.
 */
import slugify from '@sindresorhus/slugify';
import { type Block, printedText } from './markdown.ts';
import { normalizeSpaces } from './periods.ts';
import type { AuthorEntry } from './taxonomy.ts';

/** Titles printed before a name ("Dr.", "Prof. Dr.", "Doç. Dr."): kept out of the name. */
const HONORIFICS = /^(?:(?:prof|professor|dr|doctor|doç|doc|assoc|assist|mr|mrs|ms|mx|sir|dame|д-р|проф)\.?\s+(?:hab\.?\s+)?)+/iu;

/** Degrees printed after a name (", PhD"). */
const DEGREES = /,?\s+(?:ph\.?\s?d|dphil|m\.?a|m\.?sc|mba)\.?$/iu;

/** Lowercase particles that may sit inside a name ("Ursula von der Leyen"). */
const PARTICLES = new Set(['von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'y']);

/** Removes honorifics and degrees around a printed name. */
export function stripHonorifics(name: string): string {
  return normalizeSpaces(normalizeSpaces(name).replace(HONORIFICS, '').replace(DEGREES, ''));
}

/** Splits "Jane Roe and John Doe", "Jane Roe, John Doe", "Яна Ро і Ян До" into names. */
export function splitNames(text: string): string[] {
  return normalizeSpaces(text)
    .split(/\s*[,;&]\s*|\s+(?:and|и|і|i|ir|und|et)\s+/u)
    .map((n) => n.trim())
    .filter((n) => n !== '');
}

/**
 * True when a line reads as a person's name: two to five capitalised words (particles allowed),
 * no digits, no sentence punctuation, honorifics allowed in front.
 */
export function isNameLike(text: string): boolean {
  if (text.length > 100) return false;
  const name = stripHonorifics(text);
  if (name.length < 3 || name.length > 80 || /[\d,;:!?()"“”«»@/]/u.test(name)) return false;
  const words = name.split(' ');
  if (words.length < 2 || words.length > 5) return false;
  let capitalised = 0;
  for (const w of words) {
    if (PARTICLES.has(w.toLowerCase()) && w === w.toLowerCase()) continue;
    if (!/^\p{Lu}[\p{L}\p{M}’'.-]*$/u.test(w) || /\.\p{L}{2,}/u.test(w)) return false;
    capitalised += 1;
  }
  return capitalised >= 2;
}

/**
 * The locale whose casing rules a name follows: Turkish letters (ğ, ş, ı, İ) mean Turkish, where
 * "I" lowercases to "ı"; Azerbaijani "ə" likewise; otherwise the default rules are right.
 */
function nameLocale(name: string): string | undefined {
  if (/[ĞğŞşİı]/u.test(name)) return 'tr';
  if (/[Əə]/u.test(name)) return 'az';
  return undefined;
}

/**
 * Normalises words printed in capitals ("Sabir ASKEROĞLU" -> "Sabir Askeroğlu"), using the name's
 * locale; words already in mixed case ("McLeod", "de") are left as printed, initials keep their
 * capitals ("J.R.").
 */
export function normalizeNameCase(name: string): string {
  const locale = nameLocale(name);
  return name
    .split(' ')
    .map((word) => {
      const letters = word.replace(/[^\p{L}]/gu, '');
      if (letters.length < 2 || letters !== letters.toLocaleUpperCase(locale)) return word;
      return word
        .toLocaleLowerCase(locale)
        .replace(/(^|[-’'.])(\p{L})/gu, (_m, sep: string, first: string) => `${sep}${first.toLocaleUpperCase(locale)}`);
    })
    .join(' ');
}

/** A printed name as it goes into `content/authors`: honorifics out, capitals normalised. */
export function cleanName(printed: string): string {
  return normalizeNameCase(stripHonorifics(printed));
}

/** Compares names the way an editor would: no case, no diacritics, no dots, even spaces. */
export function nameKey(name: string): string {
  return stripHonorifics(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ı/gu, 'i')
    .replace(/ł/gu, 'l')
    .toLowerCase()
    .replace(/[.’']/gu, '')
    .replace(/-/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The id a new author gets: the slugified name ("Sabir Askeroğlu" -> "sabir-askeroglu"). */
export function authorId(name: string): string {
  return slugify(name);
}

/** The existing author a printed name refers to (by name, other-script name, alias or id). */
export function matchAuthor(name: string, authors: readonly AuthorEntry[]): AuthorEntry | undefined {
  const key = nameKey(name);
  const id = authorId(cleanName(name));
  return authors.find((a) => a.terms.some((t) => nameKey(t) === key)) ?? authors.find((a) => a.id === id);
}

/** A signature found at the end of a page. */
export interface AuthorBlock {
  /** Index of the first block of the signature (everything from here on is signature and bio). */
  start: number;
  /** The name as printed. */
  printed: string;
  /** The bio printed after the name, paragraphs joined by blank lines (empty when none). */
  bio: string;
  /** A role printed on the signature line ("Senior Fellow, Harbour Institute"), kept apart from the name. */
  role?: string;
}

/**
 * Finds the signature after the text: the last name-like line printed twice in a row (as the
 * scraped author box does), or a single name line carrying an honorific ("Dr ...") followed by at
 * most two blocks. Searches only from `from` on, so a title or header line is never taken.
 */
export function findAuthorBlock(blocks: readonly Block[], from: number): AuthorBlock | undefined {
  const bioOf = (i: number): string =>
    blocks
      .slice(i)
      .map((b) => printedText(b.node))
      .join('\n\n');
  for (let i = blocks.length - 2; i >= from; i -= 1) {
    const a = blocks[i];
    const b = blocks[i + 1];
    if (a && b && a.node.type === 'paragraph' && a.text === b.text && isNameLike(a.text)) {
      return { start: i, printed: a.text, bio: bioOf(i + 2) };
    }
  }
  for (let i = Math.max(from, blocks.length - 3); i < blocks.length; i += 1) {
    const a = blocks[i];
    if (!a || a.node.type !== 'paragraph') continue;
    if (HONORIFICS.test(a.text) && isNameLike(a.text)) return { start: i, printed: a.text, bio: bioOf(i + 1) };
    // A name alone, then a bio that starts with it ("Jane Roe is a researcher...", "ROE is...").
    const next = blocks[i + 1];
    if (isNameLike(a.text) && next !== undefined && startsWithName(next.text, a.text)) return { start: i, printed: a.text, bio: bioOf(i + 1) };
    const signed = signedLine(a.text, blocks[i - 1]);
    if (signed !== undefined) return { start: i, printed: signed.name, bio: bioOf(i + 1), ...(signed.role === undefined ? {} : { role: signed.role }) };
  }
  return undefined;
}

/** True when a text opens with a name, or with its last word (a bio: "Jane Roe is...", "Roe has..."). */
function startsWithName(text: string, name: string): boolean {
  const opening = text.toLowerCase();
  const full = stripHonorifics(name).toLowerCase();
  const last = full.split(' ').at(-1) ?? full;
  return [full, last].some((n) => n.length >= 2 && opening.startsWith(`${n} `));
}

/**
 * A signature line in the layouts a digest prints at the end: "— Jane Roe, analyst at ...",
 * "Author: Jane Roe", "Автор: ...", or "Jane Roe, Senior Fellow, Harbour Institute" (a name, then
 * capitalised parts naming a role and a place) right after a paragraph of prose, so that the last
 * line of a list of names ("Jane Roe, Harbour Band") is not taken for one. The role is kept apart.
 */
function signedLine(text: string, before: Block | undefined): { name: string; role?: string } | undefined {
  if (text.length > 160) return undefined;
  const t = text.trim();
  const labelled = /^(?:[—–]\s*|-\s+|(?:author|written by|автор|аўтар)\s*:\s*)(.+)$/iu.exec(t);
  const rest = (labelled?.[1] ?? t).replace(/[.]$/u, '').trim();
  const [name = '', ...parts] = rest.split(/\s*,\s*/u);
  if (!isNameLike(name)) return undefined;
  const signed = parts.length ? { name, role: parts.join(', ') } : { name };
  if (labelled) return signed;
  // Unlabelled: every part after the name capitalised and short, so a sentence is never taken for a signature.
  const afterProse = before !== undefined && before.text.split(' ').length >= 8 && /[.!?…"”»]$/u.test(before.text);
  return afterProse && parts.length > 0 && parts.length <= 3 && parts.every((p) => /^\p{Lu}/u.test(p) && p.split(' ').length <= 6) && !/[.!?]$/u.test(t) ? signed : undefined;
}
