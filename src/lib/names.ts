/** Display names of taxonomy entries per language. */
import type { Language } from '../schemas/primitives.ts';
import type { AuthorData } from '../schemas/taxonomy.ts';

/** An author's name in the page's language (Cyrillic spelling for be/ru when given). */
export function authorName(author: AuthorData, lang: Language): string {
  if (lang === 'en') return author.name;
  return author.names?.[lang] ?? author.name;
}
