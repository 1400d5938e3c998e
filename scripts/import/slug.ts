/** File names of imported analyses: `YYYY-MM-DD-<slugified-title>.md` (`undated-<slugified-title>.md` for a draft with no date). */
import { createHash } from 'node:crypto';
import slugifyText from '@sindresorhus/slugify';

/** Longest title part of a slug; long headlines are cut at a word boundary to keep URLs usable. */
export const TITLE_SLUG_MAX = 80;

/** Slugifies a title (any script is transliterated), cut at a hyphen to at most TITLE_SLUG_MAX characters. */
export function titleSlug(title: string): string {
  const slug = slugifyText(title);
  if (slug.length <= TITLE_SLUG_MAX) return slug;
  const cut = slug.slice(0, TITLE_SLUG_MAX + 1);
  const at = cut.lastIndexOf('-');
  return (at > 0 ? cut.slice(0, at) : slug.slice(0, TITLE_SLUG_MAX)).replace(/-+$/u, '');
}

/**
 * The file name for an analysis dated `date` (`YYYY-MM-DD`; undefined for a draft the page gave no
 * date, whose name says so until an editor dates it) with this title. A title nothing of which
 * transliterates (Chinese, Japanese, emoji) gets a short hash of itself, so two such pages of one
 * day do not share a name.
 */
export function analysisFileName(date: string | undefined, title: string): string {
  const slug = titleSlug(title);
  const prefix = date ?? 'undated';
  if (slug !== '') return `${prefix}-${slug}.md`;
  return `${prefix}-${createHash('sha256').update(title.normalize('NFC')).digest('hex').slice(0, 8)}.md`;
}
