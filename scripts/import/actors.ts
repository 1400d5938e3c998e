/**
 * Finds the actors a page names: every name and alias of every actor, as whole words, in any
 * case and any language.
 */
import type { ActorEntry } from './taxonomy.ts';

/** Escapes a string for use inside a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * True for a term printed as an acronym ("US", "EU", "НАТО"): those must match in capitals only,
 * or "US" would find the pronoun "us" in every other sentence.
 */
function isAcronym(term: string): boolean {
  const letters = term.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters.length <= 6 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** Compiles one term into a whole-word pattern (letters or digits may not touch either end). */
function termPattern(term: string): RegExp {
  const body = escape(term.trim()).replace(/\s+/gu, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, isAcronym(term) ? 'u' : 'iu');
}

/** Compiled patterns per actor, built once per taxonomy. */
export interface ActorMatcher {
  entries: { id: string; patterns: RegExp[] }[];
}

/** Prepares the actors of a taxonomy for matching. */
export function actorMatcher(actors: readonly ActorEntry[]): ActorMatcher {
  return { entries: actors.map((a) => ({ id: a.id, patterns: a.terms.filter((t) => t.trim() !== '').map(termPattern) })) };
}

/** Ids of the actors named in `text`, in the order they first appear (ties by id). */
export function detectActors(text: string, matcher: ActorMatcher): string[] {
  const found: { id: string; at: number }[] = [];
  for (const { id, patterns } of matcher.entries) {
    let at = Infinity;
    for (const p of patterns) {
      const m = p.exec(text);
      if (m && m.index < at) at = m.index;
    }
    if (at !== Infinity) found.push({ id, at });
  }
  return found.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id)).map((f) => f.id);
}
