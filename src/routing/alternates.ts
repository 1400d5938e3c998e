/**
 * A page's versions in the other languages. Only real equivalents (the same content in another
 * language) become hreflang alternates, so alternates stay reciprocal across the build; for a
 * language without one, the language switcher goes to the nearest page of the same kind instead
 * of dropping the reader on a home page.
 */
import type { Language } from '../i18n/languages.ts';
import type { AnalysisRecord } from '../lib/site-model.ts';
import { PAGE_SIZE, type SitePath, type SitePaths } from '../lib/site-paths.ts';

/** One language's version of a page. */
export interface LanguageLink {
  lang: Language;
  href: SitePath;
}

/** The hreflang alternates of a page and the language switcher's targets where there is none. */
export interface PageLanguages {
  /** Real equivalents, the page itself included, in site language order. */
  alternates: LanguageLink[];
  /** Where the switcher goes in a language that has no equivalent: a page of the same kind. */
  fallbacks: Partial<Record<Language, SitePath>>;
}

/** One language's version of a listing and its number of analyses (for "In other languages: English (12)"). */
export interface LanguageCount extends LanguageLink {
  count: number;
}

/** A page that exists in every language at the same path shape: each version is an alternate. */
export function everyLanguage(languages: readonly Language[], href: (lang: Language) => SitePath): PageLanguages {
  return { alternates: languages.map((lang) => ({ lang, href: href(lang) })), fallbacks: {} };
}

/**
 * An analysis: the analysis and its translations are the alternates; in a language without a
 * translation the switcher goes to the topic's page there, else (no topic) to that archive.
 */
export function analysisLanguages(languages: readonly Language[], paths: SitePaths, record: AnalysisRecord, translations: readonly AnalysisRecord[]): PageLanguages {
  const versions = new Map<Language, SitePath>([[record.lang, record.url], ...translations.map((t): [Language, SitePath] => [t.lang, t.url])]);
  const alternates: LanguageLink[] = [];
  const fallbacks: Partial<Record<Language, SitePath>> = {};
  for (const lang of languages) {
    const href = versions.get(lang);
    if (href) alternates.push({ lang, href });
    else fallbacks[lang] = record.data.topic ? paths.topic(lang, record.data.topic) : paths.archive(lang);
  }
  return { alternates, fallbacks };
}

/**
 * Page `page` of a paginated listing that has `count(lang)` analyses per language. Page 1 exists in
 * every language (empty or not); page N only where the language has that many analyses, so a
 * language with fewer pages is not an alternate and its switcher link goes to its first page.
 */
export function listingLanguages(
  languages: readonly Language[],
  page: number,
  count: (lang: Language) => number,
  href: (lang: Language, page: number) => SitePath,
): PageLanguages {
  const alternates: LanguageLink[] = [];
  const fallbacks: Partial<Record<Language, SitePath>> = {};
  for (const lang of languages) {
    if (page === 1 || Math.ceil(count(lang) / PAGE_SIZE) >= page) alternates.push({ lang, href: href(lang, page) });
    else fallbacks[lang] = href(lang, 1);
  }
  return { alternates, fallbacks };
}

/** The other languages' versions of a listing that have analyses, with their numbers, in site language order. */
export function otherLanguageCounts(
  languages: readonly Language[],
  lang: Language,
  count: (lang: Language) => number,
  href: (lang: Language) => SitePath,
): LanguageCount[] {
  return languages.filter((l) => l !== lang && count(l) > 0).map((l) => ({ lang: l, href: href(l), count: count(l) }));
}
