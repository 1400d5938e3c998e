/** Display names of taxonomy entries per language. */
import type { Language } from '../schemas/primitives.ts';
import type { AuthorData } from '../schemas/taxonomy.ts';

/** An author's name in the page's language: its own spelling there (`names`), else the byline name. */
export function authorName(author: AuthorData, lang: Language): string {
  return author.names?.[lang] ?? author.name;
}
