/** Display names of taxonomy entries and bylines per language. */
import type { Language } from '../schemas/primitives.ts';
import type { SiteData } from '../schemas/site.ts';
import type { AuthorData } from '../schemas/taxonomy.ts';

/** An author's name in the page's language: its own spelling there (`names`), else the byline name. */
export function authorName(author: AuthorData, lang: Language): string {
  return author.names?.[lang] ?? author.name;
}

/**
 * The byline of an unsigned analysis: the publisher named in site.yaml, the one name pages,
 * emails, feeds and citations all print (a desk renames it in one place).
 */
export function editorialByline(settings: Pick<SiteData, 'publisher'>, lang: Language): string {
  return settings.publisher[lang];
}

/**
 * The names an analysis is signed with, in order, in `lang`: its authors, or the editorial byline
 * when it has none.
 */
export function bylineNames(settings: Pick<SiteData, 'publisher'>, authors: ReadonlyMap<string, AuthorData>, ids: readonly string[], lang: Language): string[] {
  if (ids.length === 0) return [editorialByline(settings, lang)];
  return ids.map((id) => {
    const a = authors.get(id);
    return a ? authorName(a, lang) : id;
  });
}
