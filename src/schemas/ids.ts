/**
 * Ids and slugs: their one pattern, their branded types and their one parse. Free of runtime
 * imports but the language list, since the search page's browser script checks ids with it.
 */
import { LANGUAGES, type Language } from '../i18n/languages.ts';

/**
 * The pattern of every id the content uses: topic, actor and author ids (their file names),
 * slugs (an analysis's file name, its URL segment) and translation keys. Lowercase ASCII
 * letters and digits in words joined by single hyphens.
 */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An analysis's slug: its file name without `.md`, the last segment of its URL. */
export type Slug = string & { readonly __slug: unique symbol };

/** An analysis's entry id: its path under `content/analyses/` without `.md` (`en/2022/x`). */
export type EntryId = string & { readonly __entryId: unique symbol };

/** An entry id from a path under `content/analyses/` (`en/2022/x.md` gives `en/2022/x`). */
export function entryIdOf(pathUnderAnalyses: string): EntryId {
  return pathUnderAnalyses.replace(/\\/g, '/').replace(/\.md$/, '') as EntryId;
}

/**
 * Language and slug from an entry id or a path under `content/analyses/` (`en/2022/x.md` gives
 * `{ lang: 'en', slug: 'x' }`), or why the path cannot be an analysis.
 */
export function parseEntryId(id: string): { lang: Language; slug: Slug } | { problem: string } {
  const parts = id.replace(/\\/g, '/').split('/');
  const lang = LANGUAGES.find((l) => l === parts[0]);
  const name = parts.at(-1) ?? '';
  if (parts.length < 2 || lang === undefined) {
    return { problem: `found folder "${parts[0] ?? ''}", expected the file under one of ${LANGUAGES.map((l) => `content/analyses/${l}/`).join(', ')}` };
  }
  const slug = name.replace(/\.md$/, '');
  if (!ID_PATTERN.test(slug)) {
    return { problem: `found file name "${name}", expected a lowercase slug of letters, digits and single hyphens ending in .md (it becomes the URL)` };
  }
  return { lang, slug: slug as Slug };
}

/**
 * A file of the content folder as the reader lists it and every problem names it: relative to the
 * working folder, `/`-separated (`content/analyses/en/x.md`), whatever the platform.
 */
export type ContentPath = string & { readonly __contentPath: unique symbol };

/** The content path of a file at `relativeToCwd` (any separators). */
export function contentPath(relativeToCwd: string): ContentPath {
  return relativeToCwd.split('\\').join('/') as ContentPath;
}
