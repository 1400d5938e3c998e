/**
 * Rendered analysis HTML kept in files under Astro's cache dir (`<cacheDir>/rendered-html/`), one
 * per entry id and content digest, instead of in Astro's data store. The store is serialised with
 * devalue and bundled into the page renderer by Vite on every build; rendered HTML was 81% of it
 * (107 MB at 10,000 analyses), so every build paid to parse, bundle and compile it again.
 *
 * The loader writes a file when it renders an entry and stores an empty `html`; unchanged entries
 * (same digest) keep their file from the previous build, exactly as they keep their store entry.
 * The analysis page reads the file back by id and digest. The directory is handed from the loader
 * to the page through an environment variable because the page module is bundled separately and
 * shares no module state with the loader, only the process.
 *
 * A workaround for Astro's content layer (src/build-cache/ holds all of them). Tracks Astro 7.3,
 * which inlines the whole data store into the bundle: drop it when rendered content can live
 * outside the store (or the store stops being bundled).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The environment variable naming the directory (set by the loader, read by the page). */
export const RENDERED_HTML_DIR_ENV = 'BAROMETER_RENDERED_HTML_DIR';

/** The file for one entry: ids hold `/` (`en/2024-01-15-x`), digests are hex or numbers. */
function fileName(id: string, digest: string | number): string {
  return `${id.replaceAll('/', '__')}.${String(digest)}.html`;
}

/** The directory for a cache dir, made the one the page reads from in this process. */
export function useRenderedHtmlDir(cacheDir: URL): string {
  const dir = join(fileURLToPath(cacheDir), 'rendered-html');
  mkdirSync(dir, { recursive: true });
  process.env[RENDERED_HTML_DIR_ENV] = dir;
  return dir;
}

/**
 * Writes one entry's HTML, atomically: a build killed mid-write must not leave a truncated file
 * under the name the next build trusts (same id and digest means unchanged).
 */
export function writeRenderedHtml(dir: string, id: string, digest: string | number, html: string): void {
  const file = join(dir, fileName(id, digest));
  writeFileSync(`${file}.${process.pid}.tmp`, html);
  renameSync(`${file}.${process.pid}.tmp`, file);
}

/**
 * Which entries have their HTML file in `dir` (one directory listing): the store and the files
 * can part ways, since `astro dev` keeps its store in `.astro/` and the files live in the cache
 * dir (`node_modules/.astro`, emptied by every `npm ci`).
 */
export function renderedHtmlPresence(dir: string): (id: string, digest: string | number) => boolean {
  const names = new Set(readdirSync(dir));
  return (id, digest) => names.has(fileName(id, digest));
}

/** Deletes files of entries that are gone or have another digest now, so edits do not pile up. */
export function pruneRenderedHtml(dir: string, entries: Iterable<{ id: string; digest?: string | number | undefined }>): number {
  const keep = new Set<string>();
  for (const entry of entries) if (entry.digest !== undefined) keep.add(fileName(entry.id, entry.digest));
  let removed = 0;
  for (const name of readdirSync(dir)) {
    // A `.tmp` left by a killed build goes too.
    if (keep.has(name) || !(name.endsWith('.html') || name.endsWith('.tmp'))) continue;
    rmSync(join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
}

/** The part of a data-store entry the page hands over. */
export interface StoredEntry {
  id: string;
  digest?: string | number | undefined;
  rendered?: { html: string } | undefined;
}

/**
 * One entry's HTML from its file, or undefined when the store holds the HTML itself (an entry
 * kept from a cache written before this module, or a loader without workers): render it from the
 * store then. A missing file is an error naming the entry and the fix.
 */
export function readRenderedHtml(entry: StoredEntry): string | undefined {
  const dir = process.env[RENDERED_HTML_DIR_ENV];
  const { id, digest } = entry;
  if (!dir || digest === undefined || entry.rendered?.html) return undefined;
  const file = join(dir, fileName(id, digest));
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new Error(`content/analyses/${id}.md: rendered HTML ${file} is missing from the build cache; delete the cache folder (node_modules/.astro, or BAROMETER_CACHE_DIR) and build again`);
  }
}
