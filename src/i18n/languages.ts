/**
 * The languages Barometer's interface is translated into. This file and the string tables beside
 * it are the only places a language code is written: a site picks its languages (and their order,
 * the first being served at the root) in `content/site.yaml`, and everything else reads them from
 * there. Adding a language means adding its code here and its string table in this folder.
 */

/**
 * Every language with interface strings, in fallback order: localized text that lacks the page's
 * language shows the first of these that it has.
 */
export const LANGUAGES = ['en', 'be', 'ru'] as const;

/** A language code the interface supports (`en`, `be`, `ru`). */
export type Language = (typeof LANGUAGES)[number];

/** True for a supported language code (narrows a folder or URL segment). */
export function isLanguage(value: string | undefined): value is Language {
  return LANGUAGES.some((lang) => lang === value);
}

/**
 * The locale of language-neutral text operations (sorting URLs, case-folding note text, splitting
 * summaries into sentences): Unicode's root rules, the same whatever the site's languages.
 */
export const NEUTRAL_LOCALE = 'und';

/** The language of Sveltia CMS's own interface at /admin/ (it ships in English only). */
export const CMS_INTERFACE_LANGUAGE: Language = 'en';
