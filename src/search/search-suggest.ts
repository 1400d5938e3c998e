/**
 * "Did you mean" for the search page, pure (the page feeds it the index's words; tests call it
 * directly): close spellings among the words the index really holds, and actors' names written
 * another way (Lukashenko / Lukashenka / Лукашэнка / Łukaszenka), compared across scripts.
 */
import { distance } from 'fastest-levenshtein';
import type { ActorSpellings } from './search-fields.ts';
import type { Language } from '../schemas/primitives.ts';

/**
 * Belarusian and Russian letters in a plain Latin spelling, only to compare names across scripts
 * (never shown). A dozen lines beat a transliteration library of every script in the page's
 * JavaScript; spellings that differ more (Cichanoŭskaja) are among the actors' aliases anyway.
 */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', і: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '',
  ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', 'ʼ': '', "'": '',
};

/** A word in lower-case Latin letters without diacritics, for comparing spellings (Лукашэнка → lukashenka, Łukaszenka → lukaszenka). */
export function latinKey(word: string): string {
  const lower = word.toLocaleLowerCase().replace(/ł/g, 'l');
  let out = '';
  for (const ch of lower) out += CYRILLIC[ch] ?? ch;
  return out.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^\p{L}\p{N}]/gu, '');
}

/** Edits between two words, two letters swapped counting as one (the commonest typo: "sanctoins"). */
export function edits(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  for (let i = 0; i + 1 < a.length; i += 1) {
    if (a[i] !== b[i]) return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? 1 : d;
  }
  return d;
}

/** How far a close spelling may be from a word and still be offered: one edit, two from 8 letters on ("inflation" is not "information"). */
export function editLimit(word: string): number {
  return [...word].length >= 8 ? 2 : 1;
}

/** How far an actor's spelling may be: about one edit per four letters (transliterations differ more: Tikhanovskaya, Tsikhanouskaya). */
export function nameEditLimit(word: string): number {
  return Math.max(1, Math.floor([...word].length / 4));
}

/** The words of a name (`Aliaksandr Lukashenka` → two words). */
function nameWords(name: string): string[] {
  return name.split(/[\s\p{Pd}]+/u).filter((w) => [...w].length > 1);
}

/** An actor one query word names, and how close it came. */
export interface ActorMatch {
  actor: ActorSpellings;
  /** The word of the actor's name (in the page language) that the query word stands for. */
  word: string;
  /** Edits between the query word and the closest spelling (0: a known spelling). */
  edits: number;
}

/**
 * The actor a query word most likely names, in any of its spellings and scripts, within
 * `nameEditLimit` edits; the word it stands for is the closest word of the actor's name in `lang`.
 */
export function matchActor(query: string, actors: readonly ActorSpellings[], lang: Language): ActorMatch | undefined {
  const key = latinKey(query);
  if (key.length < 3) return undefined;
  const limit = nameEditLimit(key);
  let best: { actor: ActorSpellings; spelling: string; edits: number } | undefined;
  for (const actor of actors) {
    for (const spelling of [...Object.values(actor.names), ...actor.aliases].flatMap(nameWords)) {
      const n = edits(key, latinKey(spelling));
      if (n <= limit && (!best || n < best.edits)) best = { actor, spelling, edits: n };
    }
  }
  if (!best) return undefined;
  const target = latinKey(best.spelling);
  const own = nameWords(best.actor.names[lang]);
  const word = own.map((w) => ({ w, d: distance(target, latinKey(w)) })).sort((a, b) => a.d - b.d)[0]?.w ?? best.actor.names[lang];
  return { actor: best.actor, word, edits: best.edits };
}

/**
 * The index word closest to `word` among `candidates` (words Pagefind marked in results for the
 * word's first letters), within `editLimit` edits; undefined when none is, or when the index has
 * the word itself. A capitalised query word (a name) is only matched to words the texts also
 * capitalise, so "Makei" is not offered "make"; it gets the word as the texts write it.
 */
export function closestWord(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLocaleLowerCase();
  if ([...lower].length < 4) return undefined;
  const limit = editLimit(lower);
  const proper = word !== lower && word.charAt(0) !== word.charAt(0).toLocaleLowerCase();
  // Lower-case form -> how the texts write it (capitalised when they ever do: a name).
  const seen = new Map<string, string>();
  for (const c of candidates) {
    const clean = c.replace(/[^\p{L}\p{N}-]/gu, '');
    if (!clean) continue;
    const key = clean.toLocaleLowerCase();
    const capital = clean.charAt(0) !== clean.charAt(0).toLocaleLowerCase();
    if (!seen.has(key) || capital) seen.set(key, capital ? clean : key);
  }
  if (seen.has(lower)) return undefined;
  const best = [...seen]
    .filter(([key, form]) => (!proper || form !== key) && edits(lower, key) <= limit)
    .map(([key, form]) => ({ key, form, d: edits(lower, key) }))
    .sort((a, b) => a.d - b.d || a.key.localeCompare(b.key))[0];
  // A lower-case query gets the lower-case word; a name, the name as written.
  return best && (proper ? best.form : best.key);
}

/** The words of a query or name as the index compares them: lower case, no punctuation, no diacritics. */
export function plainWords(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** An actor or topic a query names. */
export interface Named {
  filter: 'actor' | 'topic';
  id: string;
}

/**
 * True when a query names something called `name`: it is the name, or it holds the words of the
 * name that are four letters or longer: any one of them for a person's or body's name (a surname
 * alone: "Tsikhanouskaya"), all of them for a topic ("ruling elite" for "The ruling elite").
 */
function names(query: readonly string[], name: string, any: boolean): boolean {
  const words = plainWords(name);
  if (words.length === 0) return false;
  if (words.join(' ') === query.join(' ')) return true;
  const long = words.filter((w) => [...w].length >= 4);
  return long.length > 0 && (any ? long.some((w) => query.includes(w)) : long.every((w) => query.includes(w)));
}

/**
 * The actors and topics a query names, in any language or spelling: their analyses come first
 * (a match in a name outranks one in the text, whatever Pagefind's word statistics say).
 */
export function namedIn(q: string, actors: readonly ActorSpellings[], topics: readonly { id: string; names: Record<Language, string> }[]): Named[] {
  const query = plainWords(q);
  if (query.length === 0) return [];
  const out: Named[] = [];
  for (const actor of actors) {
    if ([...Object.values(actor.names), ...actor.aliases].some((n) => names(query, n, true))) out.push({ filter: 'actor', id: actor.id });
  }
  for (const topic of topics) if (Object.values(topic.names).some((n) => names(query, n, false))) out.push({ filter: 'topic', id: topic.id });
  return out;
}
